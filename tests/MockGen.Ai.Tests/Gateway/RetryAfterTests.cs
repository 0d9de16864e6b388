using MockGen.Ai.Gateway;

namespace MockGen.Ai.Tests.Gateway;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("retry-after-ms", "300", 300)]
    [InlineData("x-ms-retry-after-ms", "1250", 1250)]
    [InlineData("retry-after", "2", 2000)]
    [InlineData("retry-after", "Thu, 01 Jan 2026 12:00:04 GMT", 4000)]
    [InlineData("retry-after", "Thu, 01 Jan 2026 11:59:00 GMT", 0)]
    public void Read_HeaderGiven_ReturnsItsDelay(string name, string value, int expectedMs)
    {
        var delay = RetryAfter.Read(h => h == name ? value : null, Now);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Read_MillisecondsAndSeconds_PrefersMilliseconds()
    {
        var delay = RetryAfter.Read(h => h switch { "retry-after-ms" => "300", "retry-after" => "5", _ => null }, Now);

        Assert.Equal(TimeSpan.FromMilliseconds(300), delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void Read_NoUsableHeader_ReturnsNull(string? value) =>
        Assert.Null(RetryAfter.Read(h => h == "retry-after" ? value : null, Now));

    [Fact]
    public void Backoff_Doubles() =>
        Assert.Equal(
            [800, 1600, 3200],
            new[] { 1, 2, 3 }.Select(a => (int)RetryAfter.Backoff(TimeSpan.FromMilliseconds(800), a).TotalMilliseconds).ToArray());
}
