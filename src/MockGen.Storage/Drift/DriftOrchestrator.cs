using MockGen.Storage.Runs;

namespace MockGen.Storage.Drift;

/// <summary>
/// The drift run as a replay-safe orchestration: list the run's shards (activity), fan out one validate-shard
/// activity per shard, aggregate the counts (pure) and store the report (activity).
/// </summary>
public static class DriftOrchestrator
{
    /// <summary>The orchestration's name.</summary>
    public const string Name = "MockGen_Drift";

#pragma warning disable CA2007 // Orchestrator code must not use ConfigureAwait(false).
    /// <summary>Runs the orchestration.</summary>
    public static async Task<DriftReport> RunAsync(IOrchestrationContext context, DriftSpec spec)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spec);
        var shards = await context.CallActivityAsync<ShardRefList>(ActivityNames.ListRunShards, spec);
        var results = await FanOut.RunAsync(
            shards.Shards,
            spec.MaxParallelShards,
            shard => context.CallActivityAsync<ShardDrift>(ActivityNames.ValidateShard, new ValidateShardRequest(spec.Tenant, spec.ContractName, spec.AgainstVersion, shard)));
        var targets = DriftAggregation.PerTarget(results);
        var report = new DriftReport(spec.Tenant, spec.RunId, spec.ContractName, shards.FromVersion, spec.AgainstVersion, targets.Sum(t => t.Payloads), targets.Sum(t => t.Failing), targets);
        return await context.CallActivityAsync<DriftReport>(ActivityNames.WriteDriftReport, report);
    }
#pragma warning restore CA2007
}
