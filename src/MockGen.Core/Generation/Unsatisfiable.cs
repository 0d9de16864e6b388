namespace MockGen.Core.Generation;

/// <summary>No valid payload exists, or none was found within the attempt budget.</summary>
/// <param name="Reason">Why, e.g. <c>minLength 5 is above maxLength 3</c>.</param>
/// <param name="SchemaLocation">The keyword path responsible.</param>
internal sealed record Unsatisfiable(string Reason, string SchemaLocation) : GenerationResult;
