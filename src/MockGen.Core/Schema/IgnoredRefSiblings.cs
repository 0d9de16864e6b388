namespace MockGen.Core.Schema;

/// <summary>
/// A <c>$ref</c> with constraining keywords beside it in a dialect where <c>$ref</c> replaces the whole schema
/// (draft-04/06/07, OpenAPI 3.0, Swagger 2.0): MockGen follows the draft and ignores them, while ajv and most
/// tools apply them, so the two readings can disagree about a payload.
/// </summary>
/// <param name="DocumentUri">The document holding the schema (no fragment).</param>
/// <param name="JsonPointer">JSON Pointer to the schema with the <c>$ref</c>.</param>
/// <param name="Dialect">The dialect it is read with.</param>
/// <param name="Keywords">The ignored sibling keywords, in document order.</param>
public sealed record IgnoredRefSiblings(string DocumentUri, string JsonPointer, Dialect Dialect, IReadOnlyList<string> Keywords);
