namespace MockGen.Storage.Runs;

/// <summary>The activity names the orchestrators call; a Durable Functions host registers functions with exactly these names.</summary>
public static class ActivityNames
{
    /// <summary>Input <see cref="TargetListRequest"/>, output <see cref="TargetList"/>.</summary>
    public const string ListTargets = "MockGen_ListTargets";

    /// <summary>Input <see cref="ShardSpec"/>, output <see cref="ShardResult"/>.</summary>
    public const string GenerateShard = "MockGen_GenerateShard";

    /// <summary>Input <see cref="ManifestRequest"/>, output <see cref="RunOutcome"/>.</summary>
    public const string WriteManifest = "MockGen_WriteManifest";

    /// <summary>Input <see cref="Drift.DriftSpec"/>, output <see cref="Drift.ShardRefList"/>.</summary>
    public const string ListRunShards = "MockGen_ListRunShards";

    /// <summary>Input <see cref="Drift.ValidateShardRequest"/>, output <see cref="Drift.ShardDrift"/>.</summary>
    public const string ValidateShard = "MockGen_ValidateShard";

    /// <summary>Input <see cref="Drift.DriftReport"/>, output <see cref="Drift.DriftReport"/> (as stored).</summary>
    public const string WriteDriftReport = "MockGen_WriteDriftReport";
}
