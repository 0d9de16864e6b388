using System.Security.Cryptography;

namespace MockGen.Storage;

/// <summary>SHA-256 in the forms the pipeline records: lowercase hex, and <c>sha256:&lt;hex&gt;</c> versions.</summary>
internal static class ContentHash
{
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Version(ReadOnlySpan<byte> bytes) => "sha256:" + Hex(bytes);

    public static async Task<string> HexAsync(Stream stream, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
}
