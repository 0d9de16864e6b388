using Microsoft.Azure.Functions.Worker;
using MockGen.Storage.Drift;
using MockGen.Storage.Runs;

namespace MockGen.Functions.Orchestration;

/// <summary>One activity function per <see cref="ActivityNames"/> entry, each calling the matching <see cref="PipelineActivities"/> body.</summary>
public sealed class ActivityFunctions(PipelineActivities activities)
{
    /// <summary><see cref="ActivityNames.ListTargets"/>.</summary>
    [Function(ActivityNames.ListTargets)]
    public Task<TargetList> ListTargetsAsync([ActivityTrigger] TargetListRequest request, CancellationToken cancellationToken) =>
        activities.ListTargetsAsync(request, cancellationToken);

    /// <summary><see cref="ActivityNames.GenerateShard"/>.</summary>
    [Function(ActivityNames.GenerateShard)]
    public Task<ShardResult> GenerateShardAsync([ActivityTrigger] ShardSpec shard, CancellationToken cancellationToken) =>
        activities.GenerateShardAsync(shard, cancellationToken);

    /// <summary><see cref="ActivityNames.WriteManifest"/>.</summary>
    [Function(ActivityNames.WriteManifest)]
    public Task<RunOutcome> WriteManifestAsync([ActivityTrigger] ManifestRequest request, CancellationToken cancellationToken) =>
        activities.WriteManifestAsync(request, cancellationToken);

    /// <summary><see cref="ActivityNames.ListRunShards"/>.</summary>
    [Function(ActivityNames.ListRunShards)]
    public Task<ShardRefList> ListRunShardsAsync([ActivityTrigger] DriftSpec spec, CancellationToken cancellationToken) =>
        activities.ListRunShardsAsync(spec, cancellationToken);

    /// <summary><see cref="ActivityNames.ValidateShard"/>.</summary>
    [Function(ActivityNames.ValidateShard)]
    public Task<ShardDrift> ValidateShardAsync([ActivityTrigger] ValidateShardRequest request, CancellationToken cancellationToken) =>
        activities.ValidateShardAsync(request, cancellationToken);

    /// <summary><see cref="ActivityNames.WriteDriftReport"/>.</summary>
    [Function(ActivityNames.WriteDriftReport)]
    public Task<DriftReport> WriteDriftReportAsync([ActivityTrigger] DriftReport report, CancellationToken cancellationToken) =>
        activities.WriteDriftReportAsync(report, cancellationToken);
}
