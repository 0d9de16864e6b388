using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MockGen.Ai.Enrichment;

/// <summary>
/// The best-effort seed MockGen sends with a model request: a non-negative 63-bit number from the SHA-256 of the
/// parts joined by U+001F. Each mode passes its own prefix and the contract-derived parts (never the run's seed), so
/// one recorded cassette serves every run seed and count, and the key stays the same on every machine.
/// </summary>
internal static class ModelSeed
{
    public static long From(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 1);
    }
}
