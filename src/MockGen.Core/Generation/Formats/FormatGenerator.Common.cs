using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Random;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation.Formats;

/// <summary>
/// Formats outside JSON Schema's list that real schemas use and other validators assert or users expect:
/// <c>url</c> (ajv-formats asserts it), <c>phone</c>, <c>color</c>, and spellings of the standard network formats
/// (<c>host-name</c>, <c>ip-address</c> from draft-03, <c>domain</c>, <c>fqdn</c>). The validator keeps them as
/// annotations (the JSON Schema Test Suite requires unknown formats to pass); the generator makes values that
/// conform anyway, and <see cref="Conforms"/> lets realism reject a name-based value that would not.
/// </summary>
internal static partial class FormatGenerator
{
    private static readonly System.Buffers.SearchValues<char> s_hexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly string[] s_countryCodes = ["1", "44", "49", "33", "31", "34", "39", "61", "81"];
    private static readonly string[] s_nanpAreaCodes = ["202", "212", "312", "415", "617"];

    // CSS Level 1 colour keywords: what a "color" format most commonly means besides #rgb and #rrggbb.
    private static readonly HashSet<string> s_cssColors = new(StringComparer.OrdinalIgnoreCase)
    {
        "aqua", "black", "blue", "fuchsia", "gray", "green", "lime", "maroon", "navy", "olive", "orange", "purple", "red",
        "silver", "teal", "white", "yellow",
    };

    /// <summary>
    /// Whether <paramref name="value"/> conforms to one of the non-standard formats above (as the common reading
    /// of each has it); true for every other format, which the validator judges.
    /// </summary>
    public static bool Conforms(string? format, string value) => format switch
    {
        "url" => IsUrl(value),
        "phone" or "phone-number" => IsPhone(value),
        "color" => IsColor(value),
        "host-name" or "domain" or "fqdn" => FormatValidator.IsValid("hostname", value) && value.Contains('.', StringComparison.Ordinal),
        "ip-address" => FormatValidator.IsValid("ipv4", value),
        _ => true,
    };

    private static bool IsUrl(string value) =>
        (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
        && FormatValidator.IsValid("uri", value)
        && System.Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal);

    private static bool IsPhone(string value)
    {
        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '(' or ')' or '.' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return digits is >= 7 and <= 15;
    }

    private static bool IsColor(string value) =>
        s_cssColors.Contains(value)
        || (value.Length is 4 or 7 && value[0] == '#' && !value.AsSpan(1).ContainsAnyExcept(s_hexDigits));

    // An absolute http(s) URL with a dotted host, as ajv-formats' "url" wants: https://host.tld/path.
    private static string? Url(Prng rng, int lo, int hi)
    {
        var length = Target(rng, lo, hi, 24, 48);
        const string Scheme = "https://";
        if (length < Scheme.Length + 4)
        {
            return null;
        }

        var hostLength = Math.Min(length - Scheme.Length, rng.NextInt(8, 18));
        var host = HostnameOfLength(rng, hostLength, international: false);
        if (host is null || !host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return Scheme + host + Path(rng, length - Scheme.Length - hostLength, international: false);
    }

    // E.164 in fictional ranges: NANP +1 NPA 555-01xx (12 code points) or Ofcom's drama mobiles +44 7700 900xxx (13).
    private static string? FictionalPhone(Prng rng, int lo, int hi)
    {
        var length = Target(rng, lo, hi, 12, 13);
        return length switch
        {
            12 => "+1" + rng.Pick(s_nanpAreaCodes) + "55501" + Digits(rng, 2),
            13 => "+447700900" + Digits(rng, 3),
            _ => null,
        };
    }

    // E.164 (ITU-T E.164: '+', country code, at most 15 digits in all), the shape most phone patterns accept.
    private static string? Phone(Prng rng, int lo, int hi)
    {
        var length = Target(rng, lo, hi, 12, 13);
        if (length < 8 || length > 16)
        {
            return null;
        }

        var country = rng.Pick(s_countryCodes);
        var national = length - 1 - country.Length;
        if (national < 1)
        {
            return null;
        }

        return "+" + country + rng.NextInt(2, 9).ToString(CultureInfo.InvariantCulture) + Digits(rng, national - 1);
    }

    // #rrggbb, or #rgb when only four code points fit.
    private static string? Color(Prng rng, int lo, int hi)
    {
        var length = lo <= 7 && hi >= 7 ? 7 : lo <= 4 && hi >= 4 ? 4 : -1;
        return length < 0 ? null : new StringBuilder("#").Append(Letters(rng, length - 1, "0123456789abcdef")).ToString();
    }
}
