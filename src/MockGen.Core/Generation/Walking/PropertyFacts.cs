using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>One property name of an object: the schemas of its value and the verdicts drawn from them alone.</summary>
/// <param name="Schemas">The schemas the value must meet; shared, never modified.</param>
/// <param name="ExcludedByDirection">readOnly in a request or writeOnly in a response.</param>
/// <param name="Forbidden">The location of a false schema among them, or null.</param>
/// <param name="Conflict">A proven conflict among them, or null.</param>
internal sealed record PropertyFacts(List<SchemaNode> Schemas, bool ExcludedByDirection, string? Forbidden, WalkFailure? Conflict);
