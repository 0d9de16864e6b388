using System.Globalization;
using System.Text;

namespace MockGen.Core.Schema;

/// <summary>
/// Rewrites an ECMA-262 pattern (what JSON Schema's <c>pattern</c> means) into an equivalent .NET pattern.
/// </summary>
/// <remarks>
/// Handled: <c>\d \w \s</c> (and negations) use ECMA's ASCII digit/word sets and ECMA's whitespace set,
/// in and out of classes; <c>$</c> matches only at the very end (ECMA has no "before a final newline");
/// <c>.</c> excludes all four ECMA line terminators and takes a surrogate pair as one character (u-flag);
/// a literal astral character is grouped so a quantifier applies to the whole character; <c>\u{...}</c>;
/// <c>\0</c>; <c>\p{Letter}</c>-style long category names; <c>[^]</c> and <c>[]</c>.
/// Not matched (documented in Schema/README.md): <c>\b</c> uses .NET's Unicode word characters, astral
/// characters inside a character class are two UTF-16 units, Unicode script properties
/// (<c>\p{Script=Greek}</c>) are rejected, and .NET accepts some syntax ECMA's u-mode rejects.
/// </remarks>
internal static class EcmaRegexTranslator
{
    private const string Whitespace = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
    private const string NotWhitespace = @"\u0000-\u0008\u000e-\u001f\u0021-\u009f\u00a1-\u167f\u1681-\u1fff\u200b-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u2fff\u3001-\ufefe\uff00-\uffff";
    private const string Word = "a-zA-Z0-9_";
    private const string NotWord = @"\u0000-\u002f\u003a-\u0040\u005b-\u005e\u0060\u007b-\uffff";
    private const string Digit = "0-9";
    private const string NotDigit = @"\u0000-\u002f\u003a-\uffff";
    // u-flag semantics: an astral character (a surrogate pair) is ONE character, so every set that could match
    // half of a pair matches the whole pair instead and never a lone surrogate.
    private const string Pair = @"[\ud800-\udbff][\udc00-\udfff]";
    private const string AnyChar = @"(?:" + Pair + @"|[^\n\r\u2028\u2029\ud800-\udfff])";
    private const string NotDigitOutside = @"(?:" + Pair + @"|[^0-9\ud800-\udfff])";
    private const string NotWordOutside = @"(?:" + Pair + @"|[^a-zA-Z0-9_\ud800-\udfff])";
    private const string NotWhitespaceOutside = @"(?:" + Pair + @"|[^" + Whitespace + @"\ud800-\udfff])";

    private static readonly Dictionary<string, string> LongCategoryNames = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Cased_Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll",
        ["Titlecase_Letter"] = "Lt", ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M",
        ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N",
        ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z",
        ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp", ["Other"] = "C",
        ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs", ["Private_Use"] = "Co",
        ["Unassigned"] = "Cn",
    };

    /// <summary>Translates; returns false with a reason when the pattern uses syntax this cannot express.</summary>
    public static bool TryTranslate(string pattern, out string translated, out string? error)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        error = null;
        translated = string.Empty;
        var inClass = false;
        var negatedClass = false;
        var classStart = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    error = "the pattern ends with a lone backslash";
                    return false;
                }

                var n = pattern[++i];
                switch (n)
                {
                    case 'd': sb.Append(inClass ? Digit : "[" + Digit + "]"); break;
                    case 'D': sb.Append(inClass ? NotDigit : NotDigitOutside); break;
                    case 'w': sb.Append(inClass ? Word : "[" + Word + "]"); break;
                    case 'W': sb.Append(inClass ? NotWord : NotWordOutside); break;
                    case 's': sb.Append(inClass ? Whitespace : "[" + Whitespace + "]"); break;
                    case 'S': sb.Append(inClass ? NotWhitespace : NotWhitespaceOutside); break;
                    case 'b': sb.Append(inClass ? @"\u0008" : @"\b"); break;
                    case '0' when i + 1 >= pattern.Length || !char.IsAsciiDigit(pattern[i + 1]):
                        sb.Append(@"\u0000");
                        break;
                    case 'u' when i + 1 < pattern.Length && pattern[i + 1] == '{':
                    {
                        var close = pattern.IndexOf('}', i + 2);
                        if (close < 0 || !int.TryParse(pattern.AsSpan(i + 2, close - i - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp) || cp > 0x10FFFF)
                        {
                            error = "invalid \\u{...} escape";
                            return false;
                        }

                        AppendCodePoint(sb, cp, inClass);
                        i = close;
                        break;
                    }

                    case 'p' or 'P' when i + 1 < pattern.Length && pattern[i + 1] == '{':
                    {
                        var close = pattern.IndexOf('}', i + 2);
                        if (close < 0)
                        {
                            error = "unterminated \\p{...}";
                            return false;
                        }

                        var name = pattern.Substring(i + 2, close - i - 2);
                        if (name.StartsWith("General_Category=", StringComparison.Ordinal) || name.StartsWith("gc=", StringComparison.Ordinal))
                        {
                            name = name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..];
                        }

                        if (LongCategoryNames.TryGetValue(name, out var shortName))
                        {
                            name = shortName;
                        }
                        else if (name.Contains('=', StringComparison.Ordinal) || name.Length > 2)
                        {
                            error = $"the Unicode property \\p{{{name}}} is not supported by .NET regular expressions";
                            return false;
                        }

                        sb.Append('\\').Append(n).Append('{').Append(name).Append('}');
                        i = close;
                        break;
                    }

                    case 'a' or 'e' or 'A' or 'Z' or 'z' or 'G' or 'h' or 'H' or 'R' or 'X' or 'K' or 'Q' or 'E' or 'l' or 'L' or 'U' or 'N':
                        // .NET and PCRE escapes that ECMA-262 (u-mode) rejects.
                        error = $"\\{n} is not an ECMA-262 escape";
                        return false;
                    default:
                        sb.Append('\\').Append(n);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']' && i > classStart)
                {
                    inClass = false;
                    sb.Append(negatedClass ? @"\ud800-\udfff])" : "]");
                }
                else if (c == '[')
                {
                    // ECMA treats '[' in a class as a literal; .NET reads "-[" as class subtraction.
                    sb.Append(@"\[");
                }
                else if (char.IsHighSurrogate(c))
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append(c);
                }

                continue;
            }

            if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?' && !IsEcmaGroupPrefix(pattern.AsSpan(i + 2)))
            {
                error = "only (?:...), (?=...), (?!...), (?<=...), (?<!...) and (?<name>...) groups exist in ECMA-262";
                return false;
            }

            switch (c)
            {
                case '[':
                    if (pattern.AsSpan(i).StartsWith("[^]"))
                    {
                        sb.Append("(?:" + Pair + @"|[^\ud800-\udfff])");
                        i += 2;
                    }
                    else if (pattern.AsSpan(i).StartsWith("[]"))
                    {
                        sb.Append(@"[^\u0000-\uffff]");
                        i += 1;
                    }
                    else
                    {
                        inClass = true;
                        negatedClass = i + 1 < pattern.Length && pattern[i + 1] == '^';
                        if (negatedClass)
                        {
                            sb.Append("(?:" + Pair + "|[^");
                            i++;
                        }
                        else
                        {
                            sb.Append('[');
                        }

                        // A ']' right after '[' or '[^' closes an empty class in ECMA; handled above for the
                        // common forms, elsewhere it is a literal in .NET: keep the first position as class start.
                        classStart = i + 1;
                    }

                    break;
                case '.':
                    sb.Append(AnyChar);
                    break;
                case '$':
                    sb.Append(@"\z");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        sb.Append("(?:").Append(c).Append(pattern[i + 1]).Append(')');
                        i++;
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        if (inClass)
        {
            error = "unterminated character class";
            return false;
        }

        translated = sb.ToString();
        return true;
    }

    private static bool IsEcmaGroupPrefix(ReadOnlySpan<char> rest) =>
        rest.StartsWith(":") || rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!") ||
        (rest.StartsWith("<") && rest.Length > 1 && (char.IsLetter(rest[1]) || rest[1] is '_' or '$'));

    private static void AppendCodePoint(StringBuilder sb, int cp, bool inClass)
    {
        if (cp <= 0xFFFF)
        {
            sb.Append(@"\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            return;
        }

        var s = char.ConvertFromUtf32(cp);
        var pair = @"\u" + ((int)s[0]).ToString("x4", CultureInfo.InvariantCulture) + @"\u" + ((int)s[1]).ToString("x4", CultureInfo.InvariantCulture);
        sb.Append(inClass ? pair : "(?:" + pair + ")");
    }
}
