namespace MockGen.Storage.Runs;

/// <summary>The input of the list-targets activity.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="ContractName">The contract name.</param>
/// <param name="ContractVersion">The contract version.</param>
public sealed record TargetListRequest(string Tenant, string ContractName, string ContractVersion);
