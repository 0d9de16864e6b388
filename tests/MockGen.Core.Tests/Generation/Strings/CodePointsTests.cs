using MockGen.Core.Generation.Strings;

namespace MockGen.Core.Tests.Generation.Strings;

public sealed class CodePointsTests
{
    [Fact]
    public void Count_SurrogatePair_CountsOnce() => Assert.Equal(2, CodePoints.Count("a\U0001F600"));

    [Fact]
    public void Truncate_NeverSplitsASurrogatePair()
    {
        Assert.Equal("\U0001F600", CodePoints.Truncate("\U0001F600\U0001F601", 1));
    }
}
