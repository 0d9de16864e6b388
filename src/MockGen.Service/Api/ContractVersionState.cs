using MockGen.Storage.Governance;
using MockGen.Storage.Registry;

namespace MockGen.Service.Api;

/// <summary>A contract version as the API shows it: what the registry recorded, plus its approval record and whether it is active.</summary>
/// <param name="Tenant">The owning tenant.</param>
/// <param name="Name">The contract name.</param>
/// <param name="Version">The version, <c>sha256:…</c>.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Format">The contract kind the loader detected.</param>
/// <param name="TargetCount">How many targets it describes.</param>
/// <param name="Diagnostics">The loader's messages.</param>
/// <param name="Status">Ready or Failed (whether it loads).</param>
/// <param name="UploadedAt">When this version was first seen.</param>
/// <param name="IsActive">Whether it is the active version.</param>
/// <param name="Approval">Its approval record (state, classification, breaking changes, who published and decided), or null for a failed version.</param>
public sealed record ContractVersionState(
    string Tenant,
    string Name,
    string Version,
    long Size,
    string Format,
    int TargetCount,
    IReadOnlyList<string> Diagnostics,
    ContractStatus Status,
    string UploadedAt,
    bool IsActive,
    VersionDecision? Approval)
{
    internal static ContractVersionState Of(ContractVersion v, VersionDecision? decision, string? active) =>
        new(v.Tenant, v.Name, v.Version, v.Size, v.Format, v.TargetCount, v.Diagnostics, v.Status, v.UploadedAt, string.Equals(v.Version, active, StringComparison.Ordinal), decision);
}
