using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Formats;

/// <summary>
/// Valid values for every string <c>format</c> the validator asserts, within code-point length bounds. Each
/// format has one generator that aims at a target length; the dispatcher checks the result and retries a few times.
/// </summary>
/// <remarks>
/// The value grammars follow the RFCs the formats name (JSON Schema 2020-12 validation §7.3): RFC 3339 dates and
/// times (with Appendix A durations), RFC 5321 mailboxes, RFC 1123 host names, RFC 2673/4291 addresses,
/// RFC 3986/3987 URIs and IRIs, RFC 4122 UUIDs, RFC 6570 templates, RFC 6901 pointers and relative pointers,
/// ECMA-262 regexes. Generated values stay in the conservative middle of each grammar (no leap seconds, no
/// quoted local parts, no zone identifiers) so any correct validator accepts them.
/// </remarks>
internal static partial class FormatGenerator
{
    private const int Attempts = 8;

    /// <summary>The fixed window that dates and times fall in when no realism window is given: never the wall clock.</summary>
    public static readonly DateTimeOffset DefaultWindowStart = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The end of <see cref="DefaultWindowStart"/>'s window.</summary>
    public static readonly DateTimeOffset DefaultWindowEnd = new(2025, 12, 31, 23, 59, 59, TimeSpan.Zero);

    private delegate string? Generator(Prng rng, int lo, int hi);

    private static readonly Dictionary<string, Generator> s_generators = new(StringComparer.Ordinal)
    {
        ["date-time"] = DateTime,
        ["date"] = Date,
        ["time"] = Time,
        ["duration"] = Duration,
        ["email"] = (rng, lo, hi) => Email(rng, lo, hi, international: false, lifelike: false),
        ["idn-email"] = (rng, lo, hi) => Email(rng, lo, hi, international: true, lifelike: false),
        ["hostname"] = (rng, lo, hi) => Hostname(rng, lo, hi, international: false),
        ["idn-hostname"] = (rng, lo, hi) => Hostname(rng, lo, hi, international: true),
        ["ipv4"] = Ipv4,
        ["ipv6"] = Ipv6,
        ["uri"] = (rng, lo, hi) => Uri(rng, lo, hi, international: false),
        ["iri"] = (rng, lo, hi) => Uri(rng, lo, hi, international: true),
        ["uri-reference"] = (rng, lo, hi) => UriReference(rng, lo, hi, international: false),
        ["iri-reference"] = (rng, lo, hi) => UriReference(rng, lo, hi, international: true),
        ["uuid"] = Uuid,
        ["uri-template"] = UriTemplate,
        ["json-pointer"] = JsonPointer,
        ["relative-json-pointer"] = RelativeJsonPointer,
        ["regex"] = Regex,
        ["int32"] = (rng, lo, hi) => IntegerText(rng, lo, hi, int.MinValue, int.MaxValue),
        ["int64"] = (rng, lo, hi) => IntegerText(rng, lo, hi, long.MinValue, long.MaxValue),
        ["float"] = DecimalText,
        ["double"] = DecimalText,
        ["byte"] = Base64,
        ["binary"] = Binary,
        ["password"] = Password,
        ["url"] = Url,
        ["phone"] = FictionalPhone,
        ["phone-number"] = FictionalPhone,
        ["color"] = Color,
        ["host-name"] = (rng, lo, hi) => Hostname(rng, Math.Max(lo, 4), hi, international: false),
        ["domain"] = (rng, lo, hi) => Hostname(rng, Math.Max(lo, 4), hi, international: false),
        ["fqdn"] = (rng, lo, hi) => Hostname(rng, Math.Max(lo, 4), hi, international: false),
        ["ip-address"] = Ipv4,
    };

    // Realism "lifelike": any domain and any country's numbers, as before privacy by default (generator 1.1.0).
    private static readonly Dictionary<string, Generator> s_lifelikeGenerators = new(StringComparer.Ordinal)
    {
        ["email"] = (rng, lo, hi) => Email(rng, lo, hi, international: false, lifelike: true),
        ["idn-email"] = (rng, lo, hi) => Email(rng, lo, hi, international: true, lifelike: true),
        ["phone"] = Phone,
        ["phone-number"] = Phone,
    };

    /// <summary>The formats this generator knows, in ordinal order.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = [.. s_generators.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="format"/> has a generator here.</summary>
    public static bool IsKnown(string format) => s_generators.ContainsKey(format);

    /// <summary>
    /// A valid <paramref name="format"/> value of <paramref name="minLength"/> to <paramref name="maxLength"/> code
    /// points (null: unbounded). False for an unknown format or when no value of the format fits the lengths.
    /// Emails use reserved domains (RFC 2606/6761) and phones fictional ranges unless <paramref name="lifelike"/>.
    /// </summary>
    public static bool TryGenerate(string format, Prng rng, int minLength, int? maxLength, out string value, bool lifelike = false)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(rng);
        value = string.Empty;
        var lo = Math.Max(0, minLength);
        var hi = Math.Min(maxLength ?? int.MaxValue, 100_000);
        if (lo > hi || !((lifelike && s_lifelikeGenerators.TryGetValue(format, out var generator)) || s_generators.TryGetValue(format, out generator)))
        {
            return false;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var candidate = generator(rng, lo, hi);
            if (candidate is not null)
            {
                var length = CodePointLength(candidate);
                if (length >= lo && length <= hi && Conforms(format, candidate))
                {
                    value = candidate;
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The numeric range an OpenAPI numeric format implies (int32, int64), for number and integer schemas.
    /// </summary>
    public static bool TryGetIntegerRange(string format, out long minimum, out long maximum)
    {
        (minimum, maximum) = format switch
        {
            "int32" => (int.MinValue, int.MaxValue),
            "int64" => (long.MinValue, long.MaxValue),
            _ => (0L, -1L),
        };
        return minimum <= maximum;
    }

    internal static int CodePointLength(string text)
    {
        // Without surrogates every char is one code point: the common case, asked of every candidate string.
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text.Length;
        }

        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    // A length to aim for: inside [lo, hi] and, when possible, inside the format's natural range.
    private static int Target(Prng rng, int lo, int hi, int naturalMin, int naturalMax)
    {
        var from = Math.Max(lo, naturalMin);
        var to = Math.Min(hi, naturalMax);
        if (from <= to)
        {
            return rng.NextInt(from, to);
        }

        return hi < naturalMin ? hi : Math.Max(lo, Math.Min(hi, naturalMin));
    }

    private static string Letters(Prng rng, int count, string alphabet = "abcdefghijklmnopqrstuvwxyz")
    {
        var text = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            text.Append(alphabet[rng.NextInt(0, alphabet.Length - 1)]);
        }

        return text.ToString();
    }

    private static string Digits(Prng rng, int count) => Letters(rng, count, "0123456789");

    // Lowercase words from a small vocabulary, joined and cut to exactly `length` letters.
    private static string Word(Prng rng, int length)
    {
        var word = new StringBuilder(rng.Pick(s_words));
        while (word.Length < length)
        {
            word.Append(rng.Pick(s_words));
        }

        return word.ToString(0, Math.Max(0, length));
    }

    private static readonly string[] s_words =
    [
        "api", "app", "data", "shop", "mail", "north", "cloud", "orders", "billing", "account", "service", "payments",
        "acme", "contoso", "fabrikam", "globex", "initech", "umbrella", "stark", "wayne", "example", "status", "files",
    ];
}
