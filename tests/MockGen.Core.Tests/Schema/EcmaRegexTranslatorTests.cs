using MockGen.Core.Generation.Patterns;
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
    [InlineData("^..$", "🐲", false)]
    [InlineData("^[^a]$", "🐲", true)]
    [InlineData("^\\D$", "🐲", true)]
    [InlineData("^\\W\\S$", "🐲🐲", true)]
    [InlineData("^[^]$", "🐲", true)]
    [InlineData("^[^a]+$", "b🐲c", true)]
    [InlineData("^[^a]+$", "bac", false)]
    [InlineData("^[^a]$", "\ud83d", false)]
    [InlineData("^[😀-😂]$", "😁", true)]
    [InlineData("^[😀-😂]$", "😃", false)]
    [InlineData("^[😀-😂]+$", "😀😂😁", true)]
    [InlineData("^[^😀-😂]$", "😁", false)]
    [InlineData("^[^😀-😂]$", "😃", true)]
    [InlineData("^[^😀-😂]$", "a", true)]
    [InlineData("^[a😀]{2}$", "a😀", true)]
    [InlineData("^[a😀]{2}$", "😀", false)]
    [InlineData("^[\\u{10000}-\\u{10FFFF}]$", "􏿿", true)]
    [InlineData("^[\\u{1F000}-\\u{1F6FF}]$", "🛿", true)]
    [InlineData("^[\\u{1F000}-\\u{1F6FF}]$", "🜀", false)]
    [InlineData("^[^\\s-]+$", "abc0", true)]
    [InlineData("^[^\\s-]+$", "a-b", false)]
    [InlineData("^[^\\s-]+$", "a b", false)]
    [InlineData("^[^ -]$", "0", true)]
    [InlineData("^[^ -]$", "-", false)]
    [InlineData("^[^ -]$", " ", false)]
    [InlineData("^[ -]$", "0", false)]
    [InlineData("^[\\d-]+$", "1-2", true)]
    [InlineData("^[-a]$", "-", true)]
    [InlineData("^[a-]$", "-", true)]
    [InlineData("^[\\[\\]]+$", "[]", true)]
    [InlineData("^[a-z&&[0-9]]$", "a&&[0]", false)]
    [InlineData("^[\\^a]$", "^", true)]
    [InlineData("\\bfoo\\b", "a foo.", true)]
    [InlineData("\\bfoo\\b", "éfooé", true)]
    [InlineData("\\bfoo\\b", "afoo", false)]
    [InlineData("\\Bfoo", "afoo", true)]
    [InlineData("^(?<y>a)\\k<y>$", "aa", true)]
    [InlineData("^(?<y>a)(b)\\2$", "abb", true)]
    [InlineData("^(a)?\\1b$", "b", true)]
    [InlineData("^\\1(a)$", "a", true)]
    [InlineData("^\\p{Lu}$", "É", true)]
    [InlineData("^\\P{Lu}$", "😀", true)]
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

    [Theory]
    [InlineData("^[^\\s-]+$", "word", "a b", PatternSyntax.Unicode)]
    [InlineData("^[a-z\\_]+$", "snake_case", "kebab-case", PatternSyntax.AnnexB)]
    [InlineData("^\\A[a-z]{2}\\Z$", "AbcZ", "abc", PatternSyntax.AnnexB)]
    [InlineData("^[\\w-.]+$", "a-b.c_d", "a b", PatternSyntax.AnnexB)]
    [InlineData("^\\/api\\/v\\d$", "/api/v1", "api/v1", PatternSyntax.Unicode)]
    [InlineData("^a\\:b$", "a:b", "ab", PatternSyntax.AnnexB)]
    [InlineData("^\\-?\\d+$", "-12", "+12", PatternSyntax.AnnexB)]
    [InlineData("^{a}$", "{a}", "a", PatternSyntax.AnnexB)]
    [InlineData("^a]$", "a]", "a", PatternSyntax.AnnexB)]
    [InlineData("^x{,2}$", "x{,2}", "xx", PatternSyntax.AnnexB)]
    [InlineData("^\\101$", "A", "101", PatternSyntax.AnnexB)]
    [InlineData("^\\0101$", "\u00081", "A", PatternSyntax.AnnexB)]
    [InlineData("^[\\101]$", "A", "1", PatternSyntax.AnnexB)]
    [InlineData("^\\8$", "8", "\b", PatternSyntax.AnnexB)]
    [InlineData("^(a)\\1\\2$", "aa\u0002", "aaa", PatternSyntax.AnnexB)]
    [InlineData("^\\c1$", "\\c1", "\u0011", PatternSyntax.AnnexB)]
    [InlineData("^[\\c1]$", "\u0011", "c", PatternSyntax.AnnexB)]
    [InlineData("^\\x4$", "x4", "\u0004", PatternSyntax.AnnexB)]
    [InlineData("^\\u12$", "u12", "\u0012", PatternSyntax.AnnexB)]
    [InlineData("^\\k$", "k", "\\k", PatternSyntax.AnnexB)]
    [InlineData("^(?=a)*b$", "b", "ab", PatternSyntax.AnnexB)]
    [InlineData("^.\\_$", "a_", "😀_", PatternSyntax.AnnexB)]
    [InlineData("^..\\_$", "😀_", "a_", PatternSyntax.AnnexB)]
    public void TryCreate_RealWorldPattern_CompilesInTheRightModeAndMatchesAsEcma(string pattern, string matching, string notMatching, PatternSyntax syntax)
    {
        Assert.True(CompiledPattern.TryCreate(pattern, TimeSpan.FromSeconds(1), out var compiled, out var error), error);
        Assert.Equal(syntax, compiled!.Syntax);
        Assert.True(compiled.IsMatch(matching), $"{pattern} should match {matching}");
        Assert.False(compiled.IsMatch(notMatching), $"{pattern} should not match {notMatching}");
        Assert.True(PatternGenerator.IsMatch(pattern, matching));
    }

    [Theory]
    [InlineData("^(abc]", "unterminated")]
    [InlineData("[z-a]", "out of order")]
    [InlineData("a**", "nothing to repeat")]
    [InlineData("(?<=a)*", "nothing to repeat")]
    [InlineData("\\p{L}\\_", "invalid escape")]
    [InlineData("(?i)a", "unsupported group syntax")]
    [InlineData("[😀-😂]\\_", "range out of order")]
    public void TryCreate_InvalidInBothModes_ReportsTheUnicodeModeReason(string pattern, string expected)
    {
        Assert.False(CompiledPattern.TryCreate(pattern, TimeSpan.FromSeconds(1), out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\_")]
    [InlineData("[\\w-.]")]
    [InlineData("{")]
    [InlineData("]")]
    [InlineData("\\1")]
    [InlineData("(?=a)?")]
    [InlineData("\\c")]
    public void Parse_AnnexBOnlySyntax_IsRejectedInUnicodeMode(string pattern)
    {
        Assert.False(PatternParser.TryParse(pattern, PatternSyntax.Unicode, out _, out _));
    }

    [Fact]
    public void TryCreate_CatastrophicShapeInAnnexBMode_StillUsesLinearEngine()
    {
        Assert.True(CompiledPattern.TryCreate("^(\\_+)+$", TimeSpan.FromSeconds(1), out var compiled, out _));
        Assert.Equal(PatternSyntax.AnnexB, compiled!.Syntax);
        Assert.True(compiled.IsLinear);
        Assert.False(compiled.IsMatch(new string('_', 5_000) + "!"));
    }
}
