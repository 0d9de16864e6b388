using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>A <c>$ref</c> that names another document than the one it sits in.</summary>
/// <param name="DocumentUri">The absolute URI of the named document, without fragment.</param>
/// <param name="Reference">The <c>$ref</c> value as written.</param>
/// <param name="Pointer">Where the <c>$ref</c> sits, in URI-fragment form (<c>#/paths/~1pets/get/...</c>).</param>
/// <param name="Referrer">The document that holds the <c>$ref</c>.</param>
internal sealed record ExternalReference(Uri DocumentUri, string Reference, string Pointer, SchemaDocument Referrer);
