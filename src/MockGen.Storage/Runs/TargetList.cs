namespace MockGen.Storage.Runs;

/// <summary>The list-targets activity's output: target ids in the loader's order (their position is the ordinal).</summary>
/// <param name="TargetIds">The target ids.</param>
public sealed record TargetList(IReadOnlyList<string> TargetIds);
