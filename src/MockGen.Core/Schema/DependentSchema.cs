namespace MockGen.Core.Schema;

/// <summary>One entry of <c>dependentSchemas</c> (or a schema-valued draft-04..07 <c>dependencies</c> entry).</summary>
/// <param name="Property">When this property is present...</param>
/// <param name="Node">...the whole object must also match this schema.</param>
internal sealed record DependentSchema(string Property, SchemaNode Node);
