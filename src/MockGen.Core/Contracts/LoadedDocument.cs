using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>A file of a contract: its schema document and what the version hash needs.</summary>
/// <param name="Document">The parsed document with its base URI and dialect.</param>
/// <param name="Canonical">Canonical bytes (see <see cref="ContractFileReader.Canonicalize"/>).</param>
/// <param name="HashName">
/// The file's name in the version hash and in target ids: empty for the root file, the path relative to
/// the root file's folder (with <c>/</c>) for local files, the remote URI for mapped remote documents.
/// </param>
internal sealed record LoadedDocument(SchemaDocument Document, byte[] Canonical, string HashName);
