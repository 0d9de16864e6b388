using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Formats;

internal static partial class FormatGenerator
{
    private static readonly string[] s_topLevelDomains = ["com", "org", "net", "io", "de", "fr", "co", "dev", "app"];

    // RFC 2606 §2 / RFC 6761 §6.2: top-level domains that never resolve, for mailboxes nobody owns.
    private static readonly string[] s_reservedTopLevelDomains = ["example", "test"];

    // Labels valid under IDNA2008 (RFC 5891/5892), taken from ordinary words; "실례"/"테스트" are the examples the
    // JSON Schema Test Suite uses as valid idn-hostname labels.
    private static readonly string[] s_internationalLabels = ["bücher", "münchen", "café", "españa", "straße", "実例", "실례", "테스트", "пример"];

    private static readonly string[] s_localParts = ["anna", "ben", "chloe", "david", "emma", "felix", "grace", "hugo", "ines", "jonas", "kai", "lena", "noah", "sales", "support", "billing"];

    /// <summary>
    /// A host name of <paramref name="length"/> code points: labels of letters, digits and inner hyphens, at most
    /// 63 octets each and 253 in all (RFC 1123 §2.1, RFC 1034 §3.1). Null when the length cannot be met.
    /// </summary>
    public static string? HostnameOfLength(Prng rng, int length, bool international) => HostnameOfLength(rng, length, international, s_topLevelDomains);

    private static string? HostnameOfLength(Prng rng, int length, bool international, string[] topLevelDomains)
    {
        if (length < 1 || length > 253)
        {
            return null;
        }

        // The tail is "[idn-label.]tld"; whatever it leaves is filled with ASCII labels in front.
        var tail = new List<string>();

        // The 253-octet limit applies to the A-label (punycode) form, which is up to 12 octets longer for these labels.
        if (international && length <= 241)
        {
            tail.Add(rng.Pick(s_internationalLabels));
        }

        tail.Add(rng.Pick(topLevelDomains));
        while (tail.Count > 0 && JoinedLength(tail) > length)
        {
            tail.RemoveAt(0);
        }

        var frontLength = tail.Count == 0 ? length : length - JoinedLength(tail) - 1;
        if (frontLength < 0)
        {
            return string.Join('.', tail);
        }

        if (frontLength == 0)
        {
            // Exactly one code point too short for "label." in front: lengthen the tail's first label instead.
            tail[0] += Letters(rng, 1);
            return tail[0].Length <= 63 ? string.Join('.', tail) : null;
        }

        // n labels of at most 63 code points joined by n - 1 dots.
        var count = (frontLength + 64) / 64;
        var letters = frontLength - (count - 1);
        var front = new List<string>(count + tail.Count);
        for (var i = 0; i < count; i++)
        {
            var size = letters / count + (i < letters % count ? 1 : 0);
            front.Add(Label(rng, size));
        }

        front.AddRange(tail);
        return string.Join('.', front);
    }

    private static int JoinedLength(List<string> labels) => labels.Sum(CodePointLength) + labels.Count - 1;

    private static string Label(Prng rng, int size) => Word(rng, size);

    private static string? Hostname(Prng rng, int lo, int hi, bool international)
    {
        var length = Target(rng, lo, hi, 8, 24);
        return HostnameOfLength(rng, length, international);
    }

    private static string? Email(Prng rng, int lo, int hi, bool international, bool lifelike)
    {
        // local@domain with a dot-atom local part of at most 64 octets (RFC 5321 §4.5.3.1.1).
        var length = Target(rng, lo, hi, 16, 30);
        if (length < 6 || length > 254)
        {
            return null;
        }

        var local = rng.Pick(s_localParts);
        if (international && rng.NextBool())
        {
            local = rng.Pick(["jürgen", "josé", "zoë", "françois", "sören"]);
        }

        // The local part keeps its word when the domain can still have at least "x.io"; the domain takes the rest.
        var localLength = Math.Clamp(CodePointLength(local) + (rng.NextBool(0.4) ? rng.NextInt(2, 6) : 0), 1, 64);
        var domainFloor = length >= 16 ? 10 : lifelike ? 4 : 6;
        localLength = Math.Clamp(localLength, Math.Max(1, length - 1 - 253), Math.Max(1, length - 1 - domainFloor));
        var domainLength = length - 1 - localLength;
        var domain = HostnameOfLength(rng, domainLength, international && rng.NextBool(), lifelike ? s_topLevelDomains : s_reservedTopLevelDomains);
        if (domain is null || (!lifelike && !s_reservedTopLevelDomains.Any(t => domain.EndsWith("." + t, StringComparison.Ordinal))))
        {
            // Too short for "x.test": no mailbox here is both this short and nobody's.
            return null;
        }

        var localText = new StringBuilder(local);
        if (CodePointLength(local) > localLength)
        {
            localText = new StringBuilder(Word(rng, localLength));
        }
        else if (CodePointLength(local) + 1 < localLength)
        {
            localText.Append('.').Append(Letters(rng, localLength - CodePointLength(local) - 1));
        }
        else if (CodePointLength(local) < localLength)
        {
            localText.Append(Letters(rng, 1));
        }

        return localText + "@" + domain;
    }

    private static string? Ipv4(Prng rng, int lo, int hi)
    {
        // Dotted decimal without leading zeros (RFC 2673 §3.2): 7 to 15 code points.
        var length = Target(rng, lo, hi, 7, 15);
        if (length is < 7 or > 15)
        {
            return null;
        }

        var digits = new int[] { 1, 1, 1, 1 };
        var extra = length - 7;
        while (extra > 0)
        {
            var octet = rng.NextInt(0, 3);
            if (digits[octet] < 3)
            {
                digits[octet]++;
                extra--;
            }
        }

        return string.Join('.', digits.Select(d => d switch
        {
            1 => rng.NextInt(0, 9),
            2 => rng.NextInt(10, 99),
            _ => rng.NextInt(100, 255),
        }).Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }

    private static string? Ipv6(Prng rng, int lo, int hi)
    {
        // Eight groups of 1 to 4 hex digits (RFC 4291 §2.2), or "::" followed by up to 7 groups for shorter values.
        var length = Target(rng, lo, hi, 25, 39);
        if (length is < 2 or > 39)
        {
            return null;
        }

        if (length >= 15)
        {
            return string.Join(':', SplitDigits(rng, 8, length - 7).Select(d => HexGroup(rng, d)));
        }

        if (length == 2)
        {
            return "::";
        }

        // "::" + k groups joined by ':' has 2 + digits + (k - 1) code points.
        for (var groups = Math.Min(7, length - 2); groups >= 1; groups--)
        {
            var digitCount = length - 2 - (groups - 1);
            if (digitCount >= groups && digitCount <= groups * 4)
            {
                return "::" + string.Join(':', SplitDigits(rng, groups, digitCount).Select(d => HexGroup(rng, d)));
            }
        }

        return null;
    }

    private static int[] SplitDigits(Prng rng, int groups, int total)
    {
        var digits = Enumerable.Repeat(1, groups).ToArray();
        var extra = total - groups;
        while (extra > 0)
        {
            var group = rng.NextInt(0, groups - 1);
            if (digits[group] < 4)
            {
                digits[group]++;
                extra--;
            }
        }

        return digits;
    }

    private static string HexGroup(Prng rng, int digits)
    {
        var first = digits == 1 ? "0123456789abcdef" : "123456789abcdef";
        return Letters(rng, 1, first) + Letters(rng, digits - 1, "0123456789abcdef");
    }
}
