namespace MockGen.Core.Generation.Output;

/// <summary>The one constraint a negative payload breaks, as the validator reports it.</summary>
/// <param name="Keyword">The schema keyword, e.g. <c>maximum</c>.</param>
/// <param name="InstancePath">The JSON Pointer of the offending value in the payload.</param>
/// <param name="SchemaPath">The keyword's location in the schema (keyword path).</param>
public sealed record PayloadViolation(string Keyword, string InstancePath, string SchemaPath);
