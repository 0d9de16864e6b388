namespace MockGen.Core.Schema;

/// <summary>A <c>pattern</c> or <c>patternProperties</c> name of a compiled schema, and the grammar it is read with.</summary>
/// <param name="DocumentUri">The document holding it (no fragment).</param>
/// <param name="JsonPointer">JSON Pointer to the keyword inside that document: <c>/properties/code/pattern</c>, <c>/patternProperties/^x-</c>.</param>
/// <param name="Pattern">The pattern as written.</param>
/// <param name="Syntax">Unicode mode, or Annex B when Unicode mode rejects the pattern's syntax.</param>
public sealed record SchemaPattern(string DocumentUri, string JsonPointer, string Pattern, PatternSyntax Syntax);
