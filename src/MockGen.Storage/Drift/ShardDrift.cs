namespace MockGen.Storage.Drift;

/// <summary>The validate-shard activity's output: counts only, never payloads.</summary>
/// <param name="TargetId">The target.</param>
/// <param name="Payloads">Payloads validated.</param>
/// <param name="Failing">Payloads with at least one failure.</param>
/// <param name="Keywords">Failures per keyword (top 20).</param>
/// <param name="Paths">Failures per instance path (top 20).</param>
public sealed record ShardDrift(string TargetId, long Payloads, long Failing, IReadOnlyList<DriftCount> Keywords, IReadOnlyList<DriftCount> Paths);
