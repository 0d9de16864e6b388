namespace MockGen.Core.Schema;

/// <summary>
/// The OpenAPI <c>discriminator</c>: the property whose value names the matching subschema. An annotation
/// for validation (oneOf/anyOf still decide); the generator uses it to pick and stamp a branch.
/// </summary>
/// <param name="PropertyName">The discriminating property.</param>
/// <param name="Mapping">Value to schema reference as written, in document order (empty for Swagger 2.0's string form).</param>
/// <param name="Targets">
/// The mapping resolved to compiled nodes, in document order; entries whose reference does not resolve are left out.
/// </param>
internal sealed record Discriminator(
    string PropertyName,
    IReadOnlyList<KeyValuePair<string, string>> Mapping,
    IReadOnlyList<KeyValuePair<string, SchemaNode>> Targets);
