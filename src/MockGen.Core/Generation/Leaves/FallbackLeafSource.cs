using System.Globalization;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Strings;

namespace MockGen.Core.Generation.Leaves;

/// <summary>
/// The walker's own plain values for the common formats, used when no realism source is configured or it
/// has no opinion. Deliberately small: realism lives in Generation/Realism; this keeps the gate fed.
/// </summary>
internal sealed class FallbackLeafSource : ILeafValueSource
{
    public static FallbackLeafSource Instance { get; } = new();

    public object? BeginRecord(Prng rng) => null;

    public bool TryNumber(LeafRequest request, Prng rng, out ExactDecimal value)
    {
        value = ExactDecimal.Zero;
        return false;
    }

    public bool TryString(LeafRequest request, Prng rng, out string value)
    {
        value = request.Format switch
        {
            "date-time" => Date(rng) + "T" + Time(rng) + "Z",
            "date" => Date(rng),
            "time" => Time(rng) + "Z",
            "duration" => "P" + rng.NextInt(1, 30).ToString(CultureInfo.InvariantCulture) + "D",
            "email" or "idn-email" => CodePoints.Filler(rng, 3, 8) + "@example.com",
            "hostname" or "idn-hostname" => CodePoints.Filler(rng, 3, 10) + ".example.com",
            "ipv4" => string.Join('.', Enumerable.Range(0, 4).Select(_ => rng.NextInt(1, 254).ToString(CultureInfo.InvariantCulture))),
            "ipv6" => "2001:db8::" + rng.NextInt(1, 0xffff).ToString("x", CultureInfo.InvariantCulture),
            "uri" or "iri" or "url" => "https://example.com/" + CodePoints.Filler(rng, 3, 10),
            "uri-reference" or "iri-reference" => "/" + CodePoints.Filler(rng, 3, 10),
            "uri-template" => "https://example.com/{" + CodePoints.Filler(rng, 2, 6) + "}",
            "uuid" => Uuid(rng),
            "json-pointer" => "/" + CodePoints.Filler(rng, 2, 6),
            "relative-json-pointer" => "0/" + CodePoints.Filler(rng, 2, 6),
            "regex" => "^[a-z]+$",
            "byte" => Base64(rng),
            _ => string.Empty,
        };
        return value.Length > 0;
    }

    private static string Date(Prng rng) => string.Create(CultureInfo.InvariantCulture, $"{rng.NextInt(2020, 2025):D4}-{rng.NextInt(1, 12):D2}-{rng.NextInt(1, 28):D2}");

    private static string Time(Prng rng) => string.Create(CultureInfo.InvariantCulture, $"{rng.NextInt(0, 23):D2}:{rng.NextInt(0, 59):D2}:{rng.NextInt(0, 59):D2}");

    private static string Base64(Prng rng)
    {
        Span<byte> bytes = stackalloc byte[9];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, rng.NextUInt64());
        return Convert.ToBase64String(bytes);
    }

    private static string Uuid(Prng rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, rng.NextUInt64());
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], rng.NextUInt64());
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
