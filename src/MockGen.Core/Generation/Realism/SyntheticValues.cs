using System.Globalization;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Values shaped like personal data that cannot belong to anyone, for <see cref="RealismLevel.Synthetic"/>. Each list
/// names its source; the predicates in <see cref="SyntheticRanges"/> accept exactly what these produce.
/// </summary>
internal static class SyntheticValues
{
    /// <summary>RFC 2606 §3 second-level domains reserved for documentation.</summary>
    public static readonly string[] PersonalMailDomains = ["example.com", "example.org", "example.net"];

    /// <summary>
    /// Card numbers the processors publish for testing (Stripe, Adyen and Braintree documentation); all Luhn-valid,
    /// none issued to a cardholder.
    /// </summary>
    public static readonly string[] TestCards =
    [
        "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556",
        "5555555555554444", "5105105105105100", "2223003122003222", "5200828282828210",
        "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
        "3056930009020004", "3566002020360505", "6200000000000005",
    ];

    // Real NANP area codes: only the 555-0100..0199 block after them is fictional (NANPA), so the area code may be real.
    private static readonly string[] s_nanpAreaCodes = ["202", "206", "212", "303", "305", "312", "415", "512", "617", "702"];

    // HMRC: prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated as National Insurance numbers (NIM39110).
    private static readonly string[] s_unallocatedNinoPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    /// <summary>A work address's domain: the company's name under the reserved <c>.example</c> TLD (RFC 2606 §2).</summary>
    public static string WorkMailDomain(string companySlug) =>
        (companySlug.Length > 0 ? companySlug[..Math.Min(companySlug.Length, 40)] : "mail") + ".example";

    /// <summary>A published test card number, or one of <paramref name="length"/> digits when the contract fixes it.</summary>
    public static string TestCard(Prng rng, int? length = null)
    {
        var fitting = length is { } l ? TestCards.Where(c => c.Length == l).ToArray() : TestCards;
        return rng.Pick(fitting.Length > 0 ? fitting : TestCards);
    }

    /// <summary>
    /// Phone numbers in fictional ranges, in several written shapes so one fits the contract's pattern: for
    /// <c>en_GB</c> Ofcom's drama ranges (07700 900000-900999, 020 7946 0000-0999), otherwise NANP 555-0100..0199.
    /// </summary>
    public static IEnumerable<string> FictionalPhones(Prng rng, string locale)
    {
        var shapes = new List<string>();
        if (locale == "en_GB")
        {
            var mobile = rng.NextInt(0, 999).ToString("000", CultureInfo.InvariantCulture);
            var london = rng.NextInt(0, 999).ToString("000", CultureInfo.InvariantCulture);
            shapes.AddRange([$"+44 7700 900{mobile}", $"07700 900{mobile}", $"+447700900{mobile}", $"020 7946 0{london}", $"+44 20 7946 0{london}", $"+442079460{london}"]);
        }
        else
        {
            var area = rng.Pick(s_nanpAreaCodes);
            var line = rng.NextInt(0, 99).ToString("00", CultureInfo.InvariantCulture);
            shapes.AddRange([$"+1 {area}-555-01{line}", $"({area}) 555-01{line}", $"+1{area}55501{line}", $"{area}-555-01{line}", $"+1 ({area}) 555-01{line}", $"{area}55501{line}"]);
        }

        // A rotating start keeps variety; the rest follow in order for a pattern that accepts only one shape.
        var start = rng.NextInt(0, 2);
        return shapes.Skip(start).Concat(shapes.Take(start));
    }

    /// <summary>
    /// US Social Security numbers never issued: area 000 or 666, or area 900-999 with a group below 50, which the
    /// IRS uses for neither ITINs (groups 50-65, 70-88, 90-92, 94-99) nor ATINs (93). Dashed, then plain.
    /// </summary>
    public static IEnumerable<string> FictionalSsns(Prng rng)
    {
        var area = rng.NextInt(0, 2) switch
        {
            0 => "000",
            1 => "666",
            _ => rng.NextInt(900, 999).ToString(CultureInfo.InvariantCulture),
        };
        var group = rng.NextInt(1, 49).ToString("00", CultureInfo.InvariantCulture);
        var serial = rng.NextInt(1, 9999).ToString("0000", CultureInfo.InvariantCulture);
        return [$"{area}-{group}-{serial}", $"{area}{group}{serial}"];
    }

    /// <summary>UK National Insurance numbers with a prefix HMRC never allocates; compact, then spaced.</summary>
    public static IEnumerable<string> FictionalNinos(Prng rng)
    {
        var prefix = rng.Pick(s_unallocatedNinoPrefixes);
        var digits = rng.NextInt(0, 999999).ToString("000000", CultureInfo.InvariantCulture);
        var suffix = (char)('A' + rng.NextInt(0, 3));
        return [$"{prefix}{digits}{suffix}", $"{prefix} {digits[..2]} {digits[2..4]} {digits[4..]} {suffix}"];
    }
}
