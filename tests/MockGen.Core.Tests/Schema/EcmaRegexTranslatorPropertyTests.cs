using System.Globalization;
using System.Text;
using CsCheck;
using MockGen.Core.Generation.Patterns;
using MockGen.Core.Generation.Random;
using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Schema;

/// <summary>
/// Random Unicode-mode character classes (BMP and astral members, ranges, class escapes, negation, the characters
/// that need escaping) against a reference membership computed here from the generated items, not from the parser.
/// </summary>
public sealed class EcmaRegexTranslatorPropertyTests
{
    private static readonly Gen<int> s_codePoint = Gen.OneOf(
        Gen.Int[0x20, 0x7E],
        Gen.Int[0xA0, 0x2FFF],
        Gen.Int[0xE000, 0xFFFD],
        Gen.Int[0x10000, 0x10FFFF],
        Gen.Int[0x1F600, 0x1F64F],
        Gen.OneOfConst((int)'-', ']', '[', '\\', '^', ' ', 'a', 'z', '0', '_'));

    private static readonly Gen<ClassItem> s_item = Gen.OneOf(
        s_codePoint.Select(c => new ClassItem(c, c, null)),
        Gen.Select(s_codePoint, s_codePoint, (a, b) => new ClassItem(Math.Min(a, b), Math.Max(a, b), null)),
        Gen.OneOfConst('d', 'D', 'w', 'W', 's', 'S').Select(e => new ClassItem(0, 0, e)));

    private static readonly Gen<(ClassItem[] Items, bool Negated, int[] Probes, bool LiteralForm)> s_case =
        Gen.Select(s_item.Array[1, 5], Gen.Bool, s_codePoint.Array[4, 8], Gen.Bool);

    [Fact]
    public void TranslatedClass_MatchesTheReferenceMembership_ForEveryProbe()
    {
        s_case.Sample(c =>
        {
            var cls = Render(c.Items, c.Negated, c.LiteralForm);
            var single = "^" + cls + "$";
            var many = "^" + cls + "+$";
            Assert.True(CompiledPattern.TryCreate(single, TimeSpan.FromSeconds(1), out var one, out var error), $"{single}: {error}");
            Assert.Equal(PatternSyntax.Unicode, one!.Syntax);
            Assert.True(CompiledPattern.TryCreate(many, TimeSpan.FromSeconds(1), out var plus, out error), $"{many}: {error}");

            var probes = c.Probes.Concat(c.Items.Where(i => i.Escape is null).SelectMany(i => new[] { i.Low - 1, i.Low, i.High, i.High + 1 }))
                .Where(IsScalar).ToList();
            foreach (var probe in probes)
            {
                var expected = IsMember(c.Items, c.Negated, probe);
                var text = char.ConvertFromUtf32(probe);
                Assert.True(expected == one.IsMatch(text), $"{single} on U+{probe:X4}: expected {expected}");
                Assert.True(expected == PatternGenerator.IsMatch(single, text), $"generator's verdict for {single} on U+{probe:X4}");
            }

            for (var i = 0; i + 1 < probes.Count; i++)
            {
                var pair = char.ConvertFromUtf32(probes[i]) + char.ConvertFromUtf32(probes[i + 1]);
                Assert.False(one.IsMatch(pair), $"{single} matched two characters U+{probes[i]:X4} U+{probes[i + 1]:X4}");
                var bothMembers = IsMember(c.Items, c.Negated, probes[i]) && IsMember(c.Items, c.Negated, probes[i + 1]);
                Assert.True(bothMembers == plus!.IsMatch(pair), $"{many} on U+{probes[i]:X4} U+{probes[i + 1]:X4}");
            }

            if (PatternGenerator.TryGenerate("^" + cls + "{1,3}$", Prng.FromParts("class", cls), 1, 3, out var generated))
            {
                Assert.All(generated.EnumerateRunes(), r => Assert.True(IsMember(c.Items, c.Negated, r.Value), $"{cls} generated U+{r.Value:X4}"));
            }
        }, iter: 400);
    }

    private static bool IsScalar(int codePoint) => codePoint is >= 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF);

    private static bool IsMember(ClassItem[] items, bool negated, int codePoint) =>
        negated ^ items.Any(item => item.Escape switch
        {
            null => codePoint >= item.Low && codePoint <= item.High,
            'd' => IsDigit(codePoint),
            'D' => !IsDigit(codePoint),
            'w' => IsWord(codePoint),
            'W' => !IsWord(codePoint),
            's' => IsSpace(codePoint),
            _ => !IsSpace(codePoint),
        });

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static bool IsWord(int c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    // ECMA-262 WhiteSpace (TAB VT FF ZWNBSP and every Zs) and LineTerminator (LF CR LS PS).
    private static bool IsSpace(int c) =>
        c is 0x09 or 0x0A or 0x0B or 0x0C or 0x0D or 0x20 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A)
            or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 or 0xFEFF;

    private static string Render(ClassItem[] items, bool negated, bool literalForm)
    {
        var text = new StringBuilder("[");
        if (negated)
        {
            text.Append('^');
        }

        foreach (var item in items)
        {
            if (item.Escape is { } escape)
            {
                text.Append('\\').Append(escape);
                continue;
            }

            RenderCodePoint(text, item.Low, literalForm);
            if (item.High != item.Low)
            {
                text.Append('-');
                RenderCodePoint(text, item.High, !literalForm);
            }
        }

        return text.Append(']').ToString();
    }

    private static void RenderCodePoint(StringBuilder text, int codePoint, bool literal)
    {
        if (codePoint is '-' or ']' or '[' or '\\' or '^')
        {
            text.Append('\\').Append((char)codePoint);
        }
        else if (literal && codePoint >= 0x20)
        {
            text.Append(char.ConvertFromUtf32(codePoint));
        }
        else
        {
            text.Append("\\u{").Append(codePoint.ToString("X", CultureInfo.InvariantCulture)).Append('}');
        }
    }

    /// <summary>A single code point or range (<see cref="Escape"/> null), or a class escape such as <c>\d</c>.</summary>
    public sealed record ClassItem(int Low, int High, char? Escape);
}
