namespace MockGen.Core.Schema;

/// <summary>
/// Supplies documents that a <c>$ref</c> names but that were not loaded up front: another local file of a
/// multi-file contract, or a remote URI the user mapped to a local file. Remote URIs are never fetched.
/// </summary>
public interface ISchemaDocumentResolver
{
    /// <summary>
    /// Returns the document at <paramref name="documentUri"/> (absolute, no fragment), or
    /// <see langword="null"/> when there is none. Throws when the URI is refused (an unmapped remote URI).
    /// </summary>
    SchemaDocument? Resolve(Uri documentUri);
}
