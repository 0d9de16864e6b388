using System.Collections.Concurrent;
using System.Globalization;

namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// Code point sets for ECMA-262 <c>\p{...}</c> escapes: General_Category values (short and long names) and a
/// few common scripts. Categories come from <see cref="CharUnicodeInfo"/>, which ships with the runtime and does
/// not depend on ICU, so the sets are the same on every machine running the same .NET.
/// </summary>
internal static class UnicodeProperties
{
    private static readonly ConcurrentDictionary<string, CodePointSet> s_cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, UnicodeCategory[]> s_categories = new(StringComparer.Ordinal)
    {
        ["L"] = [UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter],
        ["Letter"] = [UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter],
        ["Lu"] = [UnicodeCategory.UppercaseLetter],
        ["Uppercase_Letter"] = [UnicodeCategory.UppercaseLetter],
        ["Ll"] = [UnicodeCategory.LowercaseLetter],
        ["Lowercase_Letter"] = [UnicodeCategory.LowercaseLetter],
        ["Lt"] = [UnicodeCategory.TitlecaseLetter],
        ["Titlecase_Letter"] = [UnicodeCategory.TitlecaseLetter],
        ["Lm"] = [UnicodeCategory.ModifierLetter],
        ["Modifier_Letter"] = [UnicodeCategory.ModifierLetter],
        ["Lo"] = [UnicodeCategory.OtherLetter],
        ["Other_Letter"] = [UnicodeCategory.OtherLetter],
        ["M"] = [UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark],
        ["Mark"] = [UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark],
        ["Mn"] = [UnicodeCategory.NonSpacingMark],
        ["N"] = [UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber],
        ["Number"] = [UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber],
        ["Nd"] = [UnicodeCategory.DecimalDigitNumber],
        ["Decimal_Number"] = [UnicodeCategory.DecimalDigitNumber],
        ["digit"] = [UnicodeCategory.DecimalDigitNumber],
        ["Nl"] = [UnicodeCategory.LetterNumber],
        ["No"] = [UnicodeCategory.OtherNumber],
        ["P"] = [UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation],
        ["Punctuation"] = [UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation],
        ["Pd"] = [UnicodeCategory.DashPunctuation],
        ["S"] = [UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol],
        ["Symbol"] = [UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol],
        ["Sc"] = [UnicodeCategory.CurrencySymbol],
        ["Sm"] = [UnicodeCategory.MathSymbol],
        ["Z"] = [UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator],
        ["Separator"] = [UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator],
        ["Zs"] = [UnicodeCategory.SpaceSeparator],
        ["Space_Separator"] = [UnicodeCategory.SpaceSeparator],
        ["Cc"] = [UnicodeCategory.Control],
        ["Control"] = [UnicodeCategory.Control],
    };

    // Script ranges are the main blocks of each script: enough for generation, and verification uses the same sets.
    private static readonly Dictionary<string, (int Start, int End)[]> s_scripts = new(StringComparer.Ordinal)
    {
        ["Latin"] = [('A', 'Z'), ('a', 'z'), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F)],
        ["Greek"] = [(0x370, 0x373), (0x375, 0x377), (0x37A, 0x37D), (0x37F, 0x37F), (0x384, 0x384), (0x386, 0x386), (0x388, 0x38A), (0x38C, 0x38C), (0x38E, 0x3A1), (0x3A3, 0x3E1), (0x3F0, 0x3FF)],
        ["Cyrillic"] = [(0x400, 0x484), (0x487, 0x52F)],
        ["Han"] = [(0x4E00, 0x9FFF)],
        ["Hiragana"] = [(0x3041, 0x3096), (0x309D, 0x309F)],
        ["Katakana"] = [(0x30A1, 0x30FA), (0x30FD, 0x30FF)],
        ["Arabic"] = [(0x620, 0x64A)],
        ["Hebrew"] = [(0x5D0, 0x5EA)],
    };

    /// <summary>The set for a property expression such as <c>L</c>, <c>Letter</c>, <c>gc=Lu</c>, <c>Script=Greek</c>; null if unknown.</summary>
    public static CodePointSet? Lookup(string expression)
    {
        if (s_cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        var set = Build(expression);
        if (set is not null)
        {
            s_cache.TryAdd(expression, set);
        }

        return set;
    }

    private static CodePointSet? Build(string expression)
    {
        var equals = expression.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            var name = expression[..equals];
            var value = expression[(equals + 1)..];
            return name switch
            {
                "General_Category" or "gc" => FromCategories(value),
                "Script" or "sc" or "Script_Extensions" or "scx" => s_scripts.TryGetValue(value, out var ranges) ? CodePointSet.FromRanges(ranges) : null,
                _ => null,
            };
        }

        if (expression is "Any")
        {
            return CodePointSet.All;
        }

        if (expression is "ASCII")
        {
            return CodePointSet.FromRanges([(0, 0x7F)]);
        }

        return FromCategories(expression);
    }

    private static CodePointSet? FromCategories(string name)
    {
        if (!s_categories.TryGetValue(name, out var categories))
        {
            return null;
        }

        var ranges = new List<(int Start, int End)>();
        var start = -1;
        for (var codePoint = 0; codePoint <= CodePointSet.MaxCodePoint; codePoint++)
        {
            var inSet = (codePoint < 0xD800 || codePoint > 0xDFFF)
                && Array.IndexOf(categories, CharUnicodeInfo.GetUnicodeCategory(codePoint)) >= 0;
            if (inSet && start < 0)
            {
                start = codePoint;
            }
            else if (!inSet && start >= 0)
            {
                ranges.Add((start, codePoint - 1));
                start = -1;
            }
        }

        if (start >= 0)
        {
            ranges.Add((start, CodePointSet.MaxCodePoint));
        }

        return CodePointSet.FromRanges(ranges);
    }
}
