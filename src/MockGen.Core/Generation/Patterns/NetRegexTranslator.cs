using System.Globalization;
using System.Text;

namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// Writes a parsed ECMA-262 pattern as an equivalent .NET regular expression, so candidates are verified with
/// ECMA semantics rather than .NET's: <c>\d</c> and <c>\w</c> stay ASCII, <c>$</c> means end of input only, a
/// class or <c>.</c> matches one code point (a surrogate pair is one unit), and groups keep ECMA numbering
/// because named groups are written as numbered ones (.NET numbers named groups after unnamed ones).
/// </summary>
internal static class NetRegexTranslator
{
    public static string Translate(PatternNode root)
    {
        var output = new StringBuilder();
        Write(root, output);
        return output.ToString();
    }

    private static void Write(PatternNode node, StringBuilder output)
    {
        switch (node)
        {
            case CharSetNode charSet:
                WriteSet(charSet.Set, output);
                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Write(item, output);
                }

                break;
            case AlternationNode alternation:
                output.Append("(?:");
                for (var i = 0; i < alternation.Alternatives.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append('|');
                    }

                    Write(alternation.Alternatives[i], output);
                }

                output.Append(')');
                break;
            case RepeatNode repeat:
                output.Append("(?:");
                Write(repeat.Item, output);
                output.Append(')');
                output.Append(CultureInfo.InvariantCulture, $"{{{repeat.Min},");
                if (repeat.Max != PatternNode.Unbounded)
                {
                    output.Append(repeat.Max.ToString(CultureInfo.InvariantCulture));
                }

                output.Append('}');
                break;
            case GroupNode group:
                output.Append(group.CaptureIndex > 0 ? "(" : "(?:");
                Write(group.Item, output);
                output.Append(')');
                break;
            case BackreferenceNode backreference:
                // (?:) keeps a following digit from extending the group number.
                output.Append(CultureInfo.InvariantCulture, $"\\{backreference.CaptureIndex}(?:)");
                break;
            case AssertionNode assertion:
                WriteAssertion(assertion, output);
                break;
            default:
                throw new InvalidOperationException($"Unknown pattern node {node.GetType().Name}.");
        }
    }

    private static void WriteAssertion(AssertionNode assertion, StringBuilder output)
    {
        const string Word = "[0-9A-Za-z_]";
        switch (assertion.Kind)
        {
            case AssertionKind.Start:
                output.Append(@"\A");
                return;
            case AssertionKind.End:
                output.Append(@"\z");
                return;
            case AssertionKind.WordBoundary:
                output.Append(CultureInfo.InvariantCulture, $"(?:(?<={Word})(?!{Word})|(?<!{Word})(?={Word}))");
                return;
            case AssertionKind.NotWordBoundary:
                output.Append(CultureInfo.InvariantCulture, $"(?:(?<={Word})(?={Word})|(?<!{Word})(?!{Word}))");
                return;
        }

        output.Append(assertion.Kind switch
        {
            AssertionKind.Lookahead => "(?=",
            AssertionKind.NegativeLookahead => "(?!",
            AssertionKind.Lookbehind => "(?<=",
            _ => "(?<!",
        });
        Write(assertion.Item!, output);
        output.Append(')');
    }

    private static void WriteSet(CodePointSet set, StringBuilder output)
    {
        if (set.IsEmpty)
        {
            output.Append("[^\\s\\S]");
            return;
        }

        var bmp = new List<(int Start, int End)>();
        var astral = new List<(int Start, int End)>();
        foreach (var (start, end) in set.Ranges)
        {
            // Lone surrogates are never generated, and leaving them out keeps a class from matching half a pair.
            if (start < 0xD800)
            {
                bmp.Add((start, Math.Min(end, 0xD7FF)));
            }

            if (end >= 0xE000 && start <= 0xFFFF)
            {
                bmp.Add((Math.Max(start, 0xE000), Math.Min(end, 0xFFFF)));
            }

            if (end > 0xFFFF)
            {
                astral.Add((Math.Max(start, 0x10000), end));
            }
        }

        if (astral.Count == 0)
        {
            if (bmp.Count == 0)
            {
                output.Append("[^\\s\\S]");
                return;
            }

            WriteBmpClass(bmp, output);
            return;
        }

        output.Append("(?:");
        foreach (var (start, end) in astral)
        {
            WriteAstralRange(start, end, output);
            output.Append('|');
        }

        if (bmp.Count > 0)
        {
            WriteBmpClass(bmp, output);
        }
        else
        {
            output.Length--;
        }

        output.Append(')');
    }

    private static void WriteBmpClass(List<(int Start, int End)> ranges, StringBuilder output)
    {
        output.Append('[');
        foreach (var (start, end) in ranges)
        {
            AppendUnit(start, output);
            if (end != start)
            {
                output.Append('-');
                AppendUnit(end, output);
            }
        }

        output.Append(']');
    }

    private static void WriteAstralRange(int start, int end, StringBuilder output)
    {
        var (startHigh, startLow) = Split(start);
        var (endHigh, endLow) = Split(end);
        if (startHigh == endHigh)
        {
            AppendUnit(startHigh, output);
            AppendLowRange(startLow, endLow, output);
            return;
        }

        output.Append("(?:");
        AppendUnit(startHigh, output);
        AppendLowRange(startLow, 0xDFFF, output);
        if (endHigh - startHigh > 1)
        {
            output.Append("|[");
            AppendUnit(startHigh + 1, output);
            output.Append('-');
            AppendUnit(endHigh - 1, output);
            output.Append(']');
            AppendLowRange(0xDC00, 0xDFFF, output);
        }

        output.Append('|');
        AppendUnit(endHigh, output);
        AppendLowRange(0xDC00, endLow, output);
        output.Append(')');
    }

    private static (int High, int Low) Split(int codePoint)
    {
        var offset = codePoint - 0x10000;
        return (0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF));
    }

    private static void AppendLowRange(int start, int end, StringBuilder output)
    {
        output.Append('[');
        AppendUnit(start, output);
        if (end != start)
        {
            output.Append('-');
            AppendUnit(end, output);
        }

        output.Append(']');
    }

    private static void AppendUnit(int unit, StringBuilder output) =>
        output.Append(CultureInfo.InvariantCulture, $"\\u{unit:X4}");
}
