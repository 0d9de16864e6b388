namespace MockGen.Storage.Registry;

/// <summary>One immutable version of a tenant's contract, as recorded in the contracts table.</summary>
/// <param name="Tenant">The owning tenant.</param>
/// <param name="Name">The contract's file name under <c>contracts/{tenant}/</c>.</param>
/// <param name="Version">The version, <c>sha256:&lt;hex&gt;</c>.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Format">The contract kind the loader detected.</param>
/// <param name="TargetCount">How many targets it describes.</param>
/// <param name="Diagnostics">The loader's messages.</param>
/// <param name="Status">Ready or Failed.</param>
/// <param name="UploadedAt">When this version was first seen (ISO-8601, from the injected clock).</param>
public sealed record ContractVersion(
    string Tenant,
    string Name,
    string Version,
    long Size,
    string Format,
    int TargetCount,
    IReadOnlyList<string> Diagnostics,
    ContractStatus Status,
    string UploadedAt);
