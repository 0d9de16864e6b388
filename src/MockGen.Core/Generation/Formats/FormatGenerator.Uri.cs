using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Formats;

internal static partial class FormatGenerator
{
    private static readonly string[] s_pathWords = ["users", "orders", "items", "v1", "api", "docs", "invoices", "products", "reports", "files"];
    private static readonly string[] s_internationalSegments = ["café", "straße", "münchen", "résumé", "документы", "資料"];

    private static string? Uri(Prng rng, int lo, int hi, bool international)
    {
        var length = Target(rng, lo, hi, 20, 48);
        if (length < 5)
        {
            return null;
        }

        if (length < 13)
        {
            // An URN is the shortest absolute URI that every parser accepts: "urn:" + a name.
            return "urn:" + Word(rng, length - 4);
        }

        const string Scheme = "https://";
        var hostLength = Math.Min(length - Scheme.Length, rng.NextInt(8, 18));
        var host = HostnameOfLength(rng, hostLength, international && rng.NextBool(0.3));
        return host is null ? null : Scheme + host + Path(rng, length - Scheme.Length - hostLength, international);
    }

    private static string? UriReference(Prng rng, int lo, int hi, bool international)
    {
        var length = Target(rng, lo, hi, 6, 30);
        if (length >= 13 && rng.NextBool(0.4))
        {
            return Uri(rng, length, length, international);
        }

        // A relative reference: an absolute path (RFC 3986 §4.2), or a fragment-only one when very short.
        if (length == 0)
        {
            return string.Empty;
        }

        return length == 1 || rng.NextBool(0.1) ? "#" + Word(rng, length - 1) : Path(rng, length, international);
    }

    // "/seg/seg" of exactly `length` code points (0: empty), optionally ending in a query.
    private static string Path(Prng rng, int length, bool international)
    {
        if (length <= 0)
        {
            return string.Empty;
        }

        var path = new StringBuilder();
        var written = 0;
        var usedInternational = false;
        while (written < length)
        {
            var remaining = length - written;
            if (remaining >= 8 && written > 0 && rng.NextBool(0.25))
            {
                // "?page=N" with the number padded out to the remaining length.
                var digits = remaining - 6;
                path.Append("?page=").Append(rng.NextInt(1, 9).ToString(CultureInfo.InvariantCulture)).Append(Digits(rng, digits - 1));
                break;
            }

            path.Append('/');
            written++;
            remaining--;
            if (remaining == 0)
            {
                break;
            }

            string segment;
            if (international && !usedInternational && remaining >= 6)
            {
                segment = rng.Pick(s_internationalSegments);
                usedInternational = true;
            }
            else
            {
                segment = rng.Pick(s_pathWords);
            }

            var segmentLength = CodePointLength(segment);
            if (segmentLength > remaining)
            {
                segment = Word(rng, remaining);
            }
            else if (segmentLength == remaining - 1)
            {
                // A lone '/' would be left over; take the last code point into this segment.
                segment += Letters(rng, 1);
            }

            path.Append(segment);
            written += CodePointLength(segment);
        }

        return path.ToString();
    }

    private static string? UriTemplate(Prng rng, int lo, int hi)
    {
        // RFC 6570: literals and {expressions}; a variable name may be any length of ALPHA.
        var length = Target(rng, lo, hi, 12, 40);
        if (length < 3)
        {
            return length == 0 ? string.Empty : Word(rng, length);
        }

        var expression = rng.Pick(["{id}", "{?page,size}", "{/path*}", "{+base}", "{#section}"]);
        if (length < expression.Length + 2)
        {
            return "{" + Word(rng, length - 2) + "}";
        }

        return "/" + Word(rng, length - expression.Length - 2) + "/" + expression;
    }

    private static string? JsonPointer(Prng rng, int lo, int hi)
    {
        var length = Target(rng, lo, hi, 4, 24);
        if (length == 0)
        {
            return string.Empty;
        }

        // RFC 6901: "/" segments, where '~' and '/' inside a segment are written "~0" and "~1".
        var pointer = new StringBuilder();
        while (pointer.Length < length)
        {
            var remaining = length - pointer.Length;
            pointer.Append('/');
            remaining--;
            if (remaining == 0)
            {
                break;
            }

            var size = remaining <= 12 ? remaining : rng.NextInt(1, Math.Min(10, remaining - 2));
            if (size == remaining - 1)
            {
                size++;
            }

            if (size >= 3 && rng.NextBool(0.1))
            {
                pointer.Append(rng.Pick(["~0", "~1"])).Append(Word(rng, size - 2));
            }
            else if (rng.NextBool(0.2))
            {
                pointer.Append(rng.NextInt(1, 9).ToString(CultureInfo.InvariantCulture)).Append(Digits(rng, size - 1));
            }
            else
            {
                pointer.Append(Word(rng, size));
            }
        }

        return pointer.ToString();
    }

    private static string? RelativeJsonPointer(Prng rng, int lo, int hi)
    {
        // A non-negative integer without leading zeros, then "#" or a JSON Pointer (draft-handrews-relative-json-pointer-01).
        var length = Target(rng, lo, hi, 1, 16);
        if (length < 1)
        {
            return null;
        }

        var prefix = rng.NextInt(0, 3).ToString(CultureInfo.InvariantCulture);
        var rest = length - 1;
        if (rest == 0)
        {
            return prefix;
        }

        return rest == 1 && rng.NextBool() ? prefix + "#" : prefix + JsonPointer(rng, rest, rest);
    }

    private static string? Regex(Prng rng, int lo, int hi)
    {
        var length = Target(rng, lo, hi, 6, 20);
        var core = rng.Pick(["^[a-z]+$", @"^\d{3}-\d{4}$", "[A-Z]{2,3}", "^(foo|bar)$", @"\w+@\w+\.com", "^[0-9a-f]{8}$"]);
        if (core.Length > length)
        {
            return Word(rng, length);
        }

        // Letters are literals in any regex, so padding after the leading anchor keeps it valid.
        var at = core.StartsWith('^') ? 1 : 0;
        return core.Insert(at, Word(rng, length - core.Length));
    }

    private static string? Uuid(Prng rng, int lo, int hi)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, rng.NextUInt64());
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], rng.NextUInt64());

        // RFC 4122 §4.4: version 4 in the high nibble of octet 6, variant 10xx in octet 8.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string? IntegerText(Prng rng, int lo, int hi, long minimum, long maximum)
    {
        var maxDigits = maximum.ToString(CultureInfo.InvariantCulture).Length;
        var digits = Target(rng, lo, hi, 1, Math.Min(6, maxDigits));
        if (digits < 1 || digits > maxDigits)
        {
            return null;
        }

        var from = digits == 1 ? 0 : (long)Math.Pow(10, digits - 1);
        var to = digits == maxDigits ? maximum : (long)Math.Pow(10, digits) - 1;
        return rng.NextInt64(from, to).ToString(CultureInfo.InvariantCulture);
    }

    private static string? DecimalText(Prng rng, int lo, int hi)
    {
        var length = Target(rng, lo, hi, 4, 8);
        if (length < 1)
        {
            return null;
        }

        if (length < 3)
        {
            return rng.NextInt(1, 9).ToString(CultureInfo.InvariantCulture) + Digits(rng, length - 1);
        }

        var whole = rng.NextInt(1, Math.Max(1, length - 2));
        return rng.NextInt(1, 9).ToString(CultureInfo.InvariantCulture) + Digits(rng, whole - 1) + "." + Digits(rng, length - whole - 1);
    }

    private static string? Base64(Prng rng, int lo, int hi)
    {
        // RFC 4648 §4 with padding: the length is a multiple of 4.
        var from = (lo + 3) / 4;
        var to = Math.Min(hi / 4, 1024);
        if (from > to)
        {
            return null;
        }

        var quads = rng.NextInt(from, Math.Max(from, Math.Min(to, from + 8)));
        if (quads == 0)
        {
            return string.Empty;
        }

        var bytes = new byte[(quads * 3) - rng.NextInt(0, 2)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)rng.NextInt(0, 255);
        }

        return Convert.ToBase64String(bytes);
    }

    private static string? Binary(Prng rng, int lo, int hi) =>
        Letters(rng, Target(rng, lo, hi, 16, 32), "0123456789abcdef");

    private static string? Password(Prng rng, int lo, int hi)
    {
        var length = Target(rng, lo, hi, 12, 16);
        const string Lower = "abcdefghijkmnopqrstuvwxyz", Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", Digit = "23456789", Symbol = "!#$%&*+-=?@_";
        var password = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // One of each class first, so a password policy pattern usually holds.
            var alphabet = (i % 4) switch { 0 => Upper, 1 => Lower, 2 => Digit, _ => rng.NextBool(0.3) ? Symbol : Lower };
            password.Append(alphabet[rng.NextInt(0, alphabet.Length - 1)]);
        }

        return password.ToString();
    }
}
