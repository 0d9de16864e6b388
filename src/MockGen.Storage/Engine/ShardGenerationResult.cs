namespace MockGen.Storage.Engine;

/// <summary>The outcome of generating one shard.</summary>
/// <param name="Written">How many records were written (each passed the validation gate).</param>
/// <param name="Failure">Null on success; otherwise why the target could not be satisfied (with its schema location).</param>
public sealed record ShardGenerationResult(int Written, string? Failure);
