using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace MockGen.Core.Generation.Random;

/// <summary>
/// MockGen's own pseudo-random generator: xoshiro256** (Blackman and Vigna, 2018) seeded from SHA-256.
/// </summary>
/// <remarks>
/// Why not <see cref="System.Random"/>: its algorithm is an implementation detail that has changed between
/// .NET versions, and byte-identical payloads on any machine are a product promise. xoshiro256** is
/// specified in a page of arithmetic, so its output is ours to keep stable. Seeds are derived by hashing
/// the labelled inputs (never <c>GetHashCode</c>, which is randomized per process).
/// Not thread-safe: each payload (and each JSON Pointer inside it, via <see cref="Fork"/>) gets its own.
/// </remarks>
internal sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;

    // Set on a Fork result until its first use: the state then still holds the parent's state, and the SHA-256
    // derivation runs on demand. Many forked streams (a record's, a realism fallback's) are never drawn from,
    // and the hash was the largest single cost of generation; deferring it changes no drawn number.
    private string? _pendingLabel;

    private Prng(ReadOnlySpan<byte> seed32)
    {
        _s0 = BinaryPrimitives.ReadUInt64LittleEndian(seed32);
        _s1 = BinaryPrimitives.ReadUInt64LittleEndian(seed32[8..]);
        _s2 = BinaryPrimitives.ReadUInt64LittleEndian(seed32[16..]);
        _s3 = BinaryPrimitives.ReadUInt64LittleEndian(seed32[24..]);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // The all-zero state is the one fixed point of xoshiro; SHA-256 output is never expected to hit it.
            _s0 = 0x9E3779B97F4A7C15UL;
        }
    }

    private Prng(ulong s0, ulong s1, ulong s2, ulong s3, string pendingLabel)
    {
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        _pendingLabel = pendingLabel;
    }

    private Prng(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 0x9E3779B97F4A7C15UL;
        }
    }

    // SplitMix64 (Steele, Lea and Flood, 2014), the seeding function the xoshiro authors recommend.
    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A generator with a given raw state, for checking against the reference implementation's vectors.</summary>
    internal static Prng FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        Span<byte> state = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(state, s0);
        BinaryPrimitives.WriteUInt64LittleEndian(state[8..], s1);
        BinaryPrimitives.WriteUInt64LittleEndian(state[16..], s2);
        BinaryPrimitives.WriteUInt64LittleEndian(state[24..], s3);
        return new Prng(state);
    }

    /// <summary>Creates a generator whose stream is a pure function of the labelled parts, in order.</summary>
    public static Prng FromParts(params ReadOnlySpan<string> parts)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        foreach (var part in parts)
        {
            AppendLengthPrefixed(buffer, part);
        }

        Span<byte> hash = stackalloc byte[32];
        SeedHash.HashData(buffer.WrittenSpan, hash);
        return new Prng(hash);
    }

    /// <summary>
    /// An independent sub-stream named by <paramref name="label"/> (usually a JSON Pointer), derived from this
    /// stream's current state without advancing it. Adding a property elsewhere leaves this stream unchanged.
    /// </summary>
    public Prng Fork(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        Materialize();
        return new Prng(_s0, _s1, _s2, _s3, label);
    }

    /// <summary>
    /// A cheap independent sub-stream named by <paramref name="label"/>, derived from this stream's current state
    /// without advancing it: FNV-1a over the label's UTF-16 code units mixed into the state and expanded with
    /// SplitMix64. About fifty times cheaper than <see cref="Fork"/> (no SHA-256, no allocation but the result);
    /// the generator uses it for the many per-value sub-streams of a payload and keeps <see cref="Fork"/> for seeds.
    /// </summary>
    public Prng Split(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        Materialize();
        var hash = 0xcbf29ce484222325UL;
        foreach (var c in label)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        var x = _s0 ^ ulong.RotateLeft(_s1, 17) ^ ulong.RotateLeft(_s2, 31) ^ ulong.RotateLeft(_s3, 47) ^ hash;
        var s0 = SplitMix64(ref x);
        var s1 = SplitMix64(ref x);
        var s2 = SplitMix64(ref x);
        var s3 = SplitMix64(ref x);
        return new Prng(s0, s1, s2, s3);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        if (_pendingLabel is not null)
        {
            Materialize();
        }

        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public long NextInt64(long minInclusive, long maxInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minInclusive, maxInclusive);
        var range = (ulong)(maxInclusive - minInclusive);
        if (range == ulong.MaxValue)
        {
            return (long)NextUInt64();
        }

        return minInclusive + (long)NextBelow(range + 1);
    }

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int NextInt(int minInclusive, int maxInclusive) => (int)NextInt64(minInclusive, maxInclusive);

    /// <summary>A uniform double in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool NextBool(double probability = 0.5) => NextDouble() < probability;

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        return items[NextInt(0, items.Count - 1)];
    }

    // Lemire's nearly-divisionless bounded integers, with rejection so every value is equally likely.
    private ulong NextBelow(ulong bound)
    {
        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return product;
    }

    // Derives a forked stream's state: SHA-256 over the parent's state (little-endian) and the length-prefixed label.
    private void Materialize()
    {
        if (_pendingLabel is not { } label)
        {
            return;
        }

        _pendingLabel = null;
        // Built on the stack: a heap buffer per fork was a measurable share of generation.
        var maxLength = 36 + Encoding.UTF8.GetMaxByteCount(label.Length);
        byte[]? rented = null;
        var input = maxLength <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        BinaryPrimitives.WriteUInt64LittleEndian(input, _s0);
        BinaryPrimitives.WriteUInt64LittleEndian(input[8..], _s1);
        BinaryPrimitives.WriteUInt64LittleEndian(input[16..], _s2);
        BinaryPrimitives.WriteUInt64LittleEndian(input[24..], _s3);
        var byteCount = Encoding.UTF8.GetBytes(label, input[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(input[32..], byteCount);
        Span<byte> hash = stackalloc byte[32];
        SeedHash.HashData(input[..(36 + byteCount)], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        _s0 = BinaryPrimitives.ReadUInt64LittleEndian(hash);
        _s1 = BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]);
        _s2 = BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]);
        _s3 = BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 0x9E3779B97F4A7C15UL;
        }
    }

    // Length-prefixing each part keeps ("ab","c") and ("a","bc") apart.
    private static void AppendLengthPrefixed(ArrayBufferWriter<byte> buffer, string text)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), byteCount);
        buffer.Advance(4);
        buffer.Advance(Encoding.UTF8.GetBytes(text, buffer.GetSpan(byteCount)));
    }
}
