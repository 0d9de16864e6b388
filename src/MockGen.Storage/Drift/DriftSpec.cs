namespace MockGen.Storage.Drift;

/// <summary>The drift orchestrator's input: re-validate a finished run's dataset against another contract version.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="RunId">The run whose dataset is re-validated.</param>
/// <param name="ContractName">The contract (normally the run's).</param>
/// <param name="AgainstVersion">The contract version to validate against.</param>
/// <param name="MaxParallelShards">How many validate-shard activities may run at once.</param>
public sealed record DriftSpec(string Tenant, string RunId, string ContractName, string AgainstVersion, int MaxParallelShards);
