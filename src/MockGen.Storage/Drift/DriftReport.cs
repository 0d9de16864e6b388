namespace MockGen.Storage.Drift;

/// <summary>What a contract change breaks in an existing dataset, per target.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="RunId">The run whose dataset was re-validated.</param>
/// <param name="ContractName">The contract.</param>
/// <param name="FromVersion">The version the dataset was generated from.</param>
/// <param name="AgainstVersion">The version it was validated against.</param>
/// <param name="Payloads">Payloads validated.</param>
/// <param name="Failing">Payloads that now fail.</param>
/// <param name="Targets">Per target, in ordinal order of target id.</param>
public sealed record DriftReport(string Tenant, string RunId, string ContractName, string FromVersion, string AgainstVersion, long Payloads, long Failing, IReadOnlyList<ShardDrift> Targets);
