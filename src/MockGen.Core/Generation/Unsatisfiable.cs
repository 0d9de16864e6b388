namespace MockGen.Core.Generation;

/// <summary>A proven conflict: no valid payload exists (e.g. <c>minLength 5 is above maxLength 3</c>).</summary>
/// <param name="Reason">Why, e.g. <c>minLength 5 is above maxLength 3</c>.</param>
/// <param name="SchemaLocation">The keyword path responsible.</param>
internal sealed record Unsatisfiable(string Reason, string SchemaLocation) : GenerationResult;
