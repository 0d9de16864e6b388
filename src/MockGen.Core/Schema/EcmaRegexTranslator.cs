using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Patterns;

namespace MockGen.Core.Schema;

/// <summary>
/// Writes a parsed ECMA-262 pattern (<see cref="PatternParser"/>, the same AST the pattern generator walks) as
/// an equivalent .NET pattern, so the validator and the generator read every pattern the same way.
/// </summary>
/// <remarks>
/// Every character class, escape and <c>.</c> is already a <see cref="CodePointSet"/>, and is written out as
/// explicit ranges: nothing of .NET's own reading of <c>\d \w \s \b \p</c>, <c>$</c> or class syntax (subtraction,
/// <c>-</c> placement) takes part. In Unicode mode a set's astral code points become surrogate-pair alternatives,
/// so an astral character is one character inside classes, negated classes and ranges too. In Annex B mode the
/// pattern is a sequence of UTF-16 code units, as <c>new RegExp(p)</c> reads it, and sets are written as they are.
/// Backreferences use ECMA's rule (a group that has not matched matches the empty string) and <c>\b</c> uses
/// ECMA's ASCII word characters.
/// Not matched: a lone surrogate in the input (JSON text that holds one is rejected by the reader first), and
/// captures inside a quantified group are not reset on each iteration as ECMA resets them.
/// </remarks>
internal static class EcmaRegexTranslator
{
    private const string WordClass = "[0-9A-Z_a-z]";
    private const string WordBoundary = "(?:(?<=" + WordClass + ")(?!" + WordClass + ")|(?<!" + WordClass + ")(?=" + WordClass + "))";
    private const string NotWordBoundary = "(?:(?<=" + WordClass + ")(?=" + WordClass + ")|(?<!" + WordClass + ")(?!" + WordClass + "))";

    private static readonly CodePointSet s_bmpScalars = CodePointSet.FromRanges([(0, 0xD7FF), (0xE000, 0xFFFF)]);
    private static readonly CodePointSet s_astral = CodePointSet.FromRanges([(0x10000, CodePointSet.MaxCodePoint)]);
    private static readonly CodePointSet s_codeUnits = CodePointSet.FromRanges([(0, 0xFFFF)]);

    /// <summary>Parses (Unicode mode, else Annex B) and translates; false with the parser's reason when it is not a pattern.</summary>
    public static bool TryTranslate(string pattern, out string translated, out string? error)
    {
        translated = string.Empty;
        if (!PatternParser.TryParse(pattern, out var parsed, out error))
        {
            return false;
        }

        translated = Translate(parsed!);
        return true;
    }

    /// <summary>The .NET pattern (to run with <c>RegexOptions.CultureInvariant</c> and no other option changing meaning).</summary>
    public static string Translate(ParsedPattern parsed)
    {
        var text = new StringBuilder();
        Write(text, parsed.Root, parsed.Syntax == PatternSyntax.Unicode);
        return text.ToString();
    }

    private static void Write(StringBuilder text, PatternNode node, bool unicode)
    {
        switch (node)
        {
            case CharSetNode charSet:
                WriteSet(text, charSet.Set, unicode);
                break;
            case SequenceNode sequence:
                if (sequence.Items.Count == 0)
                {
                    text.Append("(?:)");
                }

                foreach (var item in sequence.Items)
                {
                    Write(text, item, unicode);
                }

                break;
            case AlternationNode alternation:
                text.Append("(?:");
                for (var i = 0; i < alternation.Alternatives.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append('|');
                    }

                    Write(text, alternation.Alternatives[i], unicode);
                }

                text.Append(')');
                break;
            case GroupNode group:
                // Named groups are written as plain numbered groups: .NET numbers named groups after unnamed
                // ones, ECMA numbers all groups in order, and backreferences are resolved to numbers already.
                text.Append(group.CaptureIndex > 0 ? "(" : "(?:");
                Write(text, group.Item, unicode);
                text.Append(')');
                break;
            case RepeatNode repeat:
                text.Append("(?:");
                Write(text, repeat.Item, unicode);
                text.Append(')');
                WriteQuantifier(text, repeat);
                break;
            case BackreferenceNode backreference:
                // ECMA: a reference to a group that has not matched (yet, or in this path) matches the empty string.
                var n = backreference.CaptureIndex.ToString(CultureInfo.InvariantCulture);
                text.Append("(?(").Append(n).Append(")\\").Append(n).Append("|)");
                break;
            case AssertionNode assertion:
                WriteAssertion(text, assertion, unicode);
                break;
            default:
                throw new InvalidOperationException($"Unknown pattern node {node.GetType().Name}.");
        }
    }

    private static void WriteAssertion(StringBuilder text, AssertionNode assertion, bool unicode)
    {
        var opening = assertion.Kind switch
        {
            AssertionKind.Start => "^",
            AssertionKind.End => @"\z",
            AssertionKind.WordBoundary => WordBoundary,
            AssertionKind.NotWordBoundary => NotWordBoundary,
            AssertionKind.Lookahead => "(?=",
            AssertionKind.NegativeLookahead => "(?!",
            AssertionKind.Lookbehind => "(?<=",
            AssertionKind.NegativeLookbehind => "(?<!",
            _ => throw new InvalidOperationException($"Unknown assertion {assertion.Kind}."),
        };
        text.Append(opening);
        if (assertion.Item is { } body)
        {
            Write(text, body, unicode);
            text.Append(')');
        }
    }

    private static void WriteQuantifier(StringBuilder text, RepeatNode repeat)
    {
        var min = repeat.Min.ToString(CultureInfo.InvariantCulture);
        switch (repeat.Min, repeat.Max)
        {
            case (0, PatternNode.Unbounded):
                text.Append('*');
                break;
            case (1, PatternNode.Unbounded):
                text.Append('+');
                break;
            case (0, 1):
                text.Append('?');
                break;
            case (_, PatternNode.Unbounded):
                text.Append('{').Append(min).Append(",}");
                break;
            default:
                text.Append('{').Append(min);
                if (repeat.Max != repeat.Min)
                {
                    text.Append(',').Append(repeat.Max.ToString(CultureInfo.InvariantCulture));
                }

                text.Append('}');
                break;
        }

        if (repeat.Lazy)
        {
            text.Append('?');
        }
    }

    private static void WriteSet(StringBuilder text, CodePointSet set, bool unicode)
    {
        if (!unicode)
        {
            WriteClass(text, set.Intersect(s_codeUnits));
            return;
        }

        var bmp = set.Intersect(s_bmpScalars);
        var pairs = SurrogatePairs(set.Intersect(s_astral));
        if (pairs.Count == 0)
        {
            WriteClass(text, bmp);
            return;
        }

        text.Append("(?:");
        var first = true;
        if (!bmp.IsEmpty)
        {
            WriteClass(text, bmp);
            first = false;
        }

        foreach (var (highStart, highEnd, lowStart, lowEnd) in pairs)
        {
            if (!first)
            {
                text.Append('|');
            }

            first = false;
            WriteClass(text, CodePointSet.FromRanges([(highStart, highEnd)]));
            WriteClass(text, CodePointSet.FromRanges([(lowStart, lowEnd)]));
        }

        text.Append(')');
    }

    // Astral ranges as (high surrogates) x (low surrogates) blocks; neighbouring blocks with the same low range merge,
    // so the whole astral plane is one block and a typical emoji range is one to three.
    private static List<(int HighStart, int HighEnd, int LowStart, int LowEnd)> SurrogatePairs(CodePointSet astral)
    {
        var blocks = new List<(int HighStart, int HighEnd, int LowStart, int LowEnd)>();
        foreach (var (start, end) in astral.Ranges)
        {
            var (hs, ls) = Split(start);
            var (he, le) = Split(end);
            if (hs == he)
            {
                Add(blocks, hs, hs, ls, le);
                continue;
            }

            Add(blocks, hs, hs, ls, 0xDFFF);
            if (he - hs > 1)
            {
                Add(blocks, hs + 1, he - 1, 0xDC00, 0xDFFF);
            }

            Add(blocks, he, he, 0xDC00, le);
        }

        return blocks;

        static (int High, int Low) Split(int codePoint)
        {
            var offset = codePoint - 0x10000;
            return (0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF));
        }

        static void Add(List<(int HighStart, int HighEnd, int LowStart, int LowEnd)> blocks, int highStart, int highEnd, int lowStart, int lowEnd)
        {
            if (blocks.Count > 0 && blocks[^1] is var last && last.LowStart == lowStart && last.LowEnd == lowEnd && last.HighEnd + 1 == highStart)
            {
                blocks[^1] = (last.HighStart, highEnd, lowStart, lowEnd);
                return;
            }

            blocks.Add((highStart, highEnd, lowStart, lowEnd));
        }
    }

    // A set of code points below 0x10000 as one .NET class, every member escaped (no class syntax is left to .NET).
    private static void WriteClass(StringBuilder text, CodePointSet set)
    {
        if (set.IsEmpty)
        {
            text.Append(@"[^\u0000-\uFFFF]");
            return;
        }

        if (set.Ranges is [var only] && only.Start == only.End)
        {
            WriteCodeUnit(text, only.Start);
            return;
        }

        text.Append('[');
        foreach (var (start, end) in set.Ranges)
        {
            WriteCodeUnit(text, start);
            if (end != start)
            {
                if (end > start + 1)
                {
                    text.Append('-');
                }

                WriteCodeUnit(text, end);
            }
        }

        text.Append(']');
    }

    private static void WriteCodeUnit(StringBuilder text, int unit)
    {
        if (unit is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
        {
            text.Append((char)unit);
        }
        else
        {
            text.Append(@"\u").Append(unit.ToString("X4", CultureInfo.InvariantCulture));
        }
    }
}
