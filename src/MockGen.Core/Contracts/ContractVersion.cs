using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MockGen.Core.Contracts;

/// <summary>
/// The contract version: SHA-256 over canonical bytes, as <c>sha256:&lt;lowercase hex&gt;</c>.
/// Canonical bytes of a file are its UTF-8 bytes without BOM and with CRLF/CR turned into LF, so a
/// checkout on Windows hashes like one on Linux. A one-file contract's version is the plain SHA-256 of
/// that file's canonical bytes (check it with <c>sha256sum</c>). A multi-file contract hashes the root
/// file's canonical bytes, then for each other file, ordered by name (ordinal): a NUL byte, its name
/// (path relative to the root file's folder with <c>/</c>, or the remote URI of a mapped document), a
/// NUL, its byte count in decimal, a NUL, and its canonical bytes. Renaming the root file keeps the
/// version; renaming or editing any referenced file changes it.
/// </summary>
internal static class ContractVersion
{
    /// <summary>Computes the version of a set of files whose first entry is the root.</summary>
    public static string Compute(IReadOnlyList<LoadedDocument> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(files[0].Canonical);
        foreach (var file in files.Skip(1).OrderBy(f => f.HashName, StringComparer.Ordinal))
        {
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(file.HashName));
            hash.AppendData([0]);
            hash.AppendData(Encoding.ASCII.GetBytes(file.Canonical.Length.ToString(CultureInfo.InvariantCulture)));
            hash.AppendData([0]);
            hash.AppendData(file.Canonical);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
