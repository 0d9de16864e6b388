using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Schema;

public sealed class EcmaRegexTranslatorTests
{
    private static bool Matches(string pattern, string input)
    {
        Assert.True(CompiledPattern.TryCreate(pattern, TimeSpan.FromSeconds(1), out var compiled, out var error), error);
        return compiled!.IsMatch(input) == true;
    }

    [Theory]
    [InlineData("^\\d$", "৪", false)]
    [InlineData("^\\d$", "4", true)]
    [InlineData("^\\w$", "é", false)]
    [InlineData("^\\s$", "\u00a0", true)]
    [InlineData("^\\s$", "\ufeff", true)]
    [InlineData("^[\\D]$", "a", true)]
    [InlineData("^[\\W]$", "a", false)]
    [InlineData("^abc$", "abc\n", false)]
    [InlineData("^.$", "\u2028", false)]
    [InlineData("^.$", "🐲", true)]
    [InlineData("^🐲*$", "🐲🐲", true)]
    [InlineData("^\\u{1F432}$", "🐲", true)]
    [InlineData("^\\p{Letter}+$", "abcé", true)]
    [InlineData("[^]", "\n", true)]
    public void Translate_EcmaSemantics(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Matches(pattern, input));

    [Theory]
    [InlineData("^(a+)+$", true)]
    [InlineData("^(a|aa)*$", true)]
    [InlineData("^(\\w+\\s?)*$", true)]
    [InlineData("^[A-Z]{3}-[0-9]{5}$", false)]
    [InlineData("^(ab)+$", false)]
    [InlineData("^[(a+)+]$", false)]
    public void TryCreate_CatastrophicShape_UsesLinearEngine(string pattern, bool linear)
    {
        Assert.True(CompiledPattern.TryCreate(pattern, TimeSpan.FromSeconds(1), out var compiled, out _));
        Assert.Equal(linear, compiled!.IsLinear);
    }

    [Fact]
    public void TryCreate_Backreference_FallsBackToBacktracking()
    {
        Assert.True(CompiledPattern.TryCreate("^(a)\\1$", TimeSpan.FromSeconds(1), out var compiled, out _));
        Assert.False(compiled!.IsLinear);
        Assert.True(compiled.IsMatch("aa"));
    }

    [Fact]
    public void Matches_AfterManyUses_SwitchesToCompiledEngineWithSameVerdicts()
    {
        Assert.True(CompiledPattern.TryCreate("^[A-Z]{3}-\\d{5}$", TimeSpan.FromSeconds(1), out var compiled, out _));
        Assert.False(compiled!.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));

        for (var i = 0; i < CompiledPattern.UpgradeAfter + 10; i++)
        {
            Assert.True(compiled.Matches("ABC-12345"));
            Assert.False(compiled.Matches("ABC-1234٥"));
        }

        Assert.True(compiled.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
    }
}
