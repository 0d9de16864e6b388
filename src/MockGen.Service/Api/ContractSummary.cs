using MockGen.Storage.Registry;

namespace MockGen.Service.Api;

/// <summary>One contract of a tenant with all its versions, oldest first.</summary>
/// <param name="Name">The contract name.</param>
/// <param name="Versions">Its versions.</param>
public sealed record ContractSummary(string Name, IReadOnlyList<ContractVersion> Versions);
