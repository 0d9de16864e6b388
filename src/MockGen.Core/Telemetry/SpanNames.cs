namespace MockGen.Core.Telemetry;

/// <summary>
/// The names of MockGen's spans. A run is one trace: <see cref="Run"/> is its root, every activity of the run (list
/// targets, each shard, the manifest) is a child, and each store call and validation pass is a span below those.
/// </summary>
public static class SpanNames
{
    /// <summary>One <c>mockgen</c> command (not <c>serve</c>); its command name is in <see cref="TelemetryTags.Command"/>.</summary>
    public const string Cli = "mockgen.cli";

    /// <summary>A generation run (the local runner's whole orchestration).</summary>
    public const string Run = "mockgen.run";

    /// <summary>A drift check of a stored run against another contract version.</summary>
    public const string Drift = "mockgen.drift";

    /// <summary>The list-targets activity.</summary>
    public const string ListTargets = "mockgen.activity.list_targets";

    /// <summary>The generate-shard activity.</summary>
    public const string GenerateShard = "mockgen.activity.generate_shard";

    /// <summary>The write-manifest activity.</summary>
    public const string WriteManifest = "mockgen.activity.write_manifest";

    /// <summary>The list-run-shards activity (drift).</summary>
    public const string ListRunShards = "mockgen.activity.list_run_shards";

    /// <summary>The validate-shard activity (drift): a validation pass over one shard.</summary>
    public const string ValidateShard = "mockgen.activity.validate_shard";

    /// <summary>The write-drift-report activity.</summary>
    public const string WriteDriftReport = "mockgen.activity.write_drift_report";

    /// <summary>Generating a contract's targets into a dataset (<c>DatasetGenerator.Generate</c>).</summary>
    public const string Generate = "mockgen.generate";

    /// <summary>A validation pass over a dataset (<c>mockgen validate</c>).</summary>
    public const string Validate = "mockgen.validate";

    /// <summary>A store call; the operation is in <see cref="TelemetryTags.StoreOperation"/> and the span name's suffix.</summary>
    public const string StorePrefix = "mockgen.store.";
}
