using MockGen.Core.Json;

namespace MockGen.Core.Tests.Json;

public sealed class JsonPointerTests
{
    [Fact]
    public void TryParse_EscapedTokens_Unescapes()
    {
        Assert.True(JsonPointer.TryParse("/a~1b/c~0d/", out var tokens));

        Assert.Equal(["a/b", "c~d", ""], tokens);
        Assert.Equal("/a~1b/c~0d/", JsonPointer.Build(tokens));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("/a~2")]
    [InlineData("/a~")]
    public void TryParse_Invalid_ReturnsFalse(string pointer) => Assert.False(JsonPointer.TryParse(pointer, out _));

    [Fact]
    public void ToUriFragment_PercentEncodesWhatFragmentsCannotHold() =>
        Assert.Equal("/paths/~1pets%7Bid%7D/a%25b/%C3%A9", JsonPointer.ToUriFragment("/paths/~1pets{id}/a%b/é"));
}
