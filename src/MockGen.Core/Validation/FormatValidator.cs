using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Core.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>
/// The <c>format</c> assertions: the JSON Schema 2020-12 formats plus OpenAPI's numeric ones. Each check works
/// on a character span so a valid value costs no allocation. Unknown formats are annotations (always valid).
/// </summary>
internal static partial class FormatValidator
{
    private static readonly ConcurrentDictionary<string, bool> RegexCache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> is a valid string of <paramref name="format"/> as <paramref name="dialect"/> reads it.</summary>
    public static bool IsValid(string format, ReadOnlySpan<char> value, Dialect dialect)
    {
        try
        {
            return format == "hostname" && dialect is Dialect.Draft4 or Dialect.Draft6
                ? IsRfc1123Hostname(value)
                : IsValid(format, value);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // Instances are untrusted: a checker that trips on one means "not a valid value", never a crash.
            return false;
        }
    }

    /// <summary>Whether <paramref name="value"/> is a valid string of <paramref name="format"/>.</summary>
    public static bool IsValid(string format, ReadOnlySpan<char> value) => format switch
    {
        "date-time" => IsDateTime(value),
        "date" => IsDate(value),
        "time" => IsTime(value),
        "duration" => IsDuration(value),
        "email" => IsEmail(value, international: false),
        "idn-email" => IsEmail(value, international: true),
        "hostname" => IsHostname(value, international: false),
        "idn-hostname" => IsHostname(value, international: true),
        "ipv4" => IsIPv4(value),
        "ipv6" => IsIPv6(value),
        "uri" => IsUri(value, requireScheme: true, international: false),
        "uri-reference" => IsUri(value, requireScheme: false, international: false),
        "iri" => IsUri(value, requireScheme: true, international: true),
        "iri-reference" => IsUri(value, requireScheme: false, international: true),
        "uuid" => IsUuid(value),
        "uri-template" => IsUriTemplate(value),
        "json-pointer" => IsJsonPointer(value),
        "relative-json-pointer" => IsRelativeJsonPointer(value),
        "regex" => IsRegex(value),
        _ => true,
    };

    /// <summary>
    /// The OpenAPI Format Registry's numeric formats (for schemas read with it): <c>int32</c>/<c>int64</c> are
    /// integers (1.0 is one) in the signed 32/64-bit range, <c>float</c>/<c>double</c> are finite in the binary32/binary64
    /// range. Other formats do not constrain numbers.
    /// </summary>
    public static bool IsValidNumber(string format, JsonElement value) => format switch
    {
        "int32" => JsonNumbers.IsInteger(value) && FitsInteger(value, int.MinValue, int.MaxValue),
        "int64" => JsonNumbers.IsInteger(value) && FitsInteger(value, long.MinValue, long.MaxValue),
        "float" => value.TryGetDouble(out var single) && double.IsFinite(single) && Math.Abs(single) <= float.MaxValue,
        "double" => value.TryGetDouble(out var binary64) && double.IsFinite(binary64),
        _ => true,
    };

    // 1.0 and 1e3 are integers too, which TryGetInt64 refuses: compare the exact value with the bounds.
    private static bool FitsInteger(JsonElement value, long minimum, long maximum) =>
        value.TryGetInt64(out var whole)
            ? whole >= minimum && whole <= maximum
            : JsonNumbers.GetExact(value) is var exact && exact.ToDecimal() is { } dec && dec >= minimum && dec <= maximum;

    private static bool IsUuid(ReadOnlySpan<char> s)
    {
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? s[i] != '-' : !char.IsAsciiHexDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsJsonPointer(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return true;
        }

        if (s[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '~' && (i + 1 >= s.Length || (s[i + 1] != '0' && s[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRelativeJsonPointer(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == 0 || (i > 1 && s[0] == '0'))
        {
            return false;
        }

        var rest = s[i..];

        // Index manipulation (draft 2020-12's relative-json-pointer §3: "+N"/"-N" after the prefix).
        if (rest.Length > 0 && (rest[0] == '+' || rest[0] == '-'))
        {
            var j = 1;
            while (j < rest.Length && char.IsAsciiDigit(rest[j]))
            {
                j++;
            }

            if (j == 1 || rest[1] == '0')
            {
                return false;
            }

            rest = rest[j..];
        }

        return (rest.Length == 1 && rest[0] == '#') || IsJsonPointer(rest);
    }

    private static bool IsRegex(ReadOnlySpan<char> s)
    {
        var pattern = s.ToString();
        if (RegexCache.TryGetValue(pattern, out var known))
        {
            return known;
        }

        var valid = CompilesAsEcmaRegex(pattern);

        // Instances choose these strings: cap the cache so a dataset cannot grow it without bound.
        if (RegexCache.Count < 4096)
        {
            RegexCache.TryAdd(pattern, valid);
        }

        return valid;
    }

    private static bool CompilesAsEcmaRegex(string pattern)
    {
        if (!EcmaRegexTranslator.TryTranslate(pattern, out var translated, out _))
        {
            return false;
        }

        try
        {
            _ = new Regex(translated, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsUriTemplate(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '{')
            {
                var close = s[i..].IndexOf('}');
                if (close < 0 || !IsTemplateExpression(s.Slice(i + 1, close - 1)))
                {
                    return false;
                }

                i += close;
            }
            else if (c == '}' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '|' or '\u007f' || c <= ' ')
            {
                return false;
            }
            else if (c == '%' && !IsPercentEncoded(s, i))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTemplateExpression(ReadOnlySpan<char> e)
    {
        if (e.Length > 0 && "+#./;?&=,!@|".Contains(e[0]))
        {
            e = e[1..];
        }

        if (e.Length == 0)
        {
            return false;
        }

        foreach (var range in e.Split(','))
        {
            var spec = e[range];
            var colon = spec.IndexOf(':');
            if (colon >= 0)
            {
                var digits = spec[(colon + 1)..];
                if (digits.Length is 0 or > 4 || digits[0] == '0')
                {
                    return false;
                }

                foreach (var d in digits)
                {
                    if (!char.IsAsciiDigit(d))
                    {
                        return false;
                    }
                }

                spec = spec[..colon];
            }
            else if (spec.Length > 0 && spec[^1] == '*')
            {
                spec = spec[..^1];
            }

            if (spec.Length == 0)
            {
                return false;
            }

            for (var i = 0; i < spec.Length; i++)
            {
                var c = spec[i];
                if (c == '%')
                {
                    if (!IsPercentEncoded(spec, i))
                    {
                        return false;
                    }

                    i += 2;
                }
                else if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || (c == '.' && i > 0 && spec[i - 1] != '.' && i < spec.Length - 1)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsPercentEncoded(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]);
}
