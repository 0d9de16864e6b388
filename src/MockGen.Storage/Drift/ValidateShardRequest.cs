namespace MockGen.Storage.Drift;

/// <summary>The validate-shard activity's input.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="ContractName">The contract.</param>
/// <param name="AgainstVersion">The version to validate against.</param>
/// <param name="Shard">The shard.</param>
public sealed record ValidateShardRequest(string Tenant, string ContractName, string AgainstVersion, ShardRef Shard);
