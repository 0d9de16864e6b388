namespace MockGen.Service.Api;

/// <summary>One contract of a tenant with all its versions, oldest first, and the one that is active.</summary>
/// <param name="Name">The contract name.</param>
/// <param name="Active">The active version (what runs use by default), or null when none is (all pending, rejected or failed).</param>
/// <param name="Versions">Its versions.</param>
public sealed record ContractSummary(string Name, string? Active, IReadOnlyList<ContractVersionState> Versions);
