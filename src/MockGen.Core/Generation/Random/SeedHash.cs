using System.Buffers.Binary;

namespace MockGen.Core.Generation.Random;

/// <summary>
/// SHA-256 (FIPS 180-4, section 6.2) in managed code, for deriving <see cref="Prng"/> states: the same digest as
/// <see cref="System.Security.Cryptography.SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>, bit for bit.
/// </summary>
/// <remarks>
/// Why not the platform's: a forked stream hashes 36 to about 100 bytes (one or two blocks), and for inputs that
/// small the platform call (OpenSSL 3's EVP digest through interop on Linux) costs more than the compression itself.
/// SHA-256 was about 20% of gated generation's CPU time (payments <c>Payment</c>, dotnet-trace, 2026-12-04); this
/// is about twice as fast for one block. It is not for security: no constant-time promise, no secret inputs.
/// <c>SeedHashTests</c> compares it with the platform's over every length up to several blocks.
/// </remarks>
internal static class SeedHash
{
    /// <summary>The digest's length in bytes.</summary>
    public const int Length = 32;

    private const int BlockLength = 64;

    // The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).
    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Writes the SHA-256 digest of <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));

        // The initial hash value: fractional parts of the square roots of the first 8 primes (FIPS 180-4, 5.3.3).
        Span<uint> state = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> schedule = stackalloc uint[64];
        var whole = data.Length / BlockLength;
        for (var i = 0; i < whole; i++)
        {
            Compress(state, schedule, data.Slice(i * BlockLength, BlockLength));
        }

        // Padding (5.1.1): a 1 bit, zeros, and the message length in bits as a big-endian 64-bit number.
        Span<byte> tail = stackalloc byte[2 * BlockLength];
        tail.Clear();
        var rest = data[(whole * BlockLength)..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= BlockLength ? BlockLength : 2 * BlockLength;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)data.Length * 8);
        for (var offset = 0; offset < tailLength; offset += BlockLength)
        {
            Compress(state, schedule, tail.Slice(offset, BlockLength));
        }

        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], state[i]);
        }
    }

    // One block of the hash computation (6.2.2).
    private static void Compress(Span<uint> state, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var x = w[t - 15];
            var y = w[t - 2];
            var sigma0 = uint.RotateRight(x, 7) ^ uint.RotateRight(x, 18) ^ (x >> 3);
            var sigma1 = uint.RotateRight(y, 17) ^ uint.RotateRight(y, 19) ^ (y >> 10);
            w[t] = w[t - 16] + sigma0 + w[t - 7] + sigma1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + (uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            var t2 = (uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
