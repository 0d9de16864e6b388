using System.Text;
using MockGen.Core.Json;

namespace MockGen.Core.Tests.Json;

public sealed class ExactNumberTests
{
    private static ExactNumber N(string text)
    {
        Assert.True(ExactNumber.TryParse(Encoding.UTF8.GetBytes(text), out var n));
        return n;
    }

    [Theory]
    [InlineData("12.34", "0.01", true)]
    [InlineData("12.345", "0.01", false)]
    [InlineData("1e308", "0.5", true)]
    [InlineData("0.0075", "0.0001", true)]
    [InlineData("4.5", "1.5", true)]
    [InlineData("35", "1.5", false)]
    [InlineData("1e-400", "1e-401", true)]
    public void IsMultipleOf_Decimals_IsExact(string value, string divisor, bool expected) =>
        Assert.Equal(expected, N(value).IsMultipleOf(N(divisor)));

    [Theory]
    [InlineData("1.0", "1", 0)]
    [InlineData("1e400", "1e399", 1)]
    [InlineData("-1e400", "1", -1)]
    [InlineData("0.1", "0.10000000000000000000000000001", -1)]
    [InlineData("98249283749234923498293171823948729348710298301928331", "98249283749234923498293171823948729348710298301928330", 1)]
    public void Compare_ByValue(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Sign(ExactNumber.Compare(N(a), N(b))));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1e2", true)]
    [InlineData("1.5", false)]
    [InlineData("1.5e1", true)]
    public void IsInteger_ByValue(string text, bool expected) => Assert.Equal(expected, N(text).IsInteger);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData("abc")]
    public void TryParse_NotANumber_ReturnsFalse(string text) => Assert.False(ExactNumber.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
