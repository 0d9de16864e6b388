namespace MockGen.Storage.Drift;

/// <summary>The list-run-shards activity's output.</summary>
/// <param name="FromVersion">The contract version the run was generated from.</param>
/// <param name="Shards">The shards to re-validate (negative-variant shards are excluded: they are invalid by design).</param>
public sealed record ShardRefList(string FromVersion, IReadOnlyList<ShardRef> Shards);
