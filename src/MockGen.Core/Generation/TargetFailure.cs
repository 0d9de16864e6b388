namespace MockGen.Core.Generation;

/// <summary>Why a target produced no (more) payloads.</summary>
/// <param name="Kind"><c>unsatisfiable</c> or <c>unsupported</c>.</param>
/// <param name="Reason">What could not be met.</param>
/// <param name="SchemaLocation">The keyword path responsible.</param>
/// <param name="Index">The payload index that failed.</param>
public sealed record TargetFailure(string Kind, string Reason, string SchemaLocation, long Index);
