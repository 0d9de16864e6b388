namespace MockGen.Core.Schema;

/// <summary>One entry of <c>properties</c>, in document order.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Node">Its compiled schema.</param>
internal sealed record SchemaProperty(string Name, SchemaNode Node);
