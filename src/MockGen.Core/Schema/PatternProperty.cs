namespace MockGen.Core.Schema;

/// <summary>One entry of <c>patternProperties</c>, in document order.</summary>
/// <param name="Pattern">The compiled ECMA-262 pattern.</param>
/// <param name="Node">The schema for matching properties.</param>
internal sealed record PatternProperty(CompiledPattern Pattern, SchemaNode Node);
