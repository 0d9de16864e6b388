namespace MockGen.Storage.Runs;

/// <summary>
/// The generation run as a replay-safe orchestration: list targets (activity), plan shards (pure), fan out one
/// generate-shard activity per shard with bounded concurrency, fan in the small results and seal the manifest
/// (activity). No I/O, clock or randomness here, so Durable Functions can replay it; the local runner runs the
/// same code in-process.
/// </summary>
public static class RunOrchestrator
{
    /// <summary>The orchestration's name.</summary>
    public const string Name = "MockGen_Run";

#pragma warning disable CA2007 // Orchestrator code must not use ConfigureAwait(false).
    /// <summary>Runs the orchestration.</summary>
    public static async Task<RunOutcome> RunAsync(IOrchestrationContext context, RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spec);
        var targets = await context.CallActivityAsync<TargetList>(ActivityNames.ListTargets, new TargetListRequest(spec.Tenant, spec.ContractName, spec.ContractVersion));
        var shards = ShardPlanner.Plan(spec, targets.TargetIds);
        var results = await FanOut.RunAsync(shards, spec.MaxParallelShards, shard => context.CallActivityAsync<ShardResult>(ActivityNames.GenerateShard, shard));

        var failures = results.Where(r => r.Failure is not null).Select(r => r.ShardKey + ": " + r.Failure).Take(100).ToList();
        var reused = results.Count(r => r.Reused);
        var failedIndexes = results.SelectMany(r => r.FailedIndexes.Select(f => r.ShardKey + ": " + f)).Take(100).ToList();
        var request = new ManifestRequest(spec, shards.Count, results.Length - reused, reused, failures) { FailedIndexes = failedIndexes };
        return await context.CallActivityAsync<RunOutcome>(ActivityNames.WriteManifest, request);
    }
#pragma warning restore CA2007
}
