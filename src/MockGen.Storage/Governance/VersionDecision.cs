namespace MockGen.Storage.Governance;

/// <summary>The governance record of one version: how it was classified, where it stands, who published and decided it.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Kind">Contract, profile or prompt.</param>
/// <param name="Name">The object's name (<c>profile</c> for the tenant profile).</param>
/// <param name="Version">The version, <c>sha256:…</c>.</param>
/// <param name="State">Approved, PendingApproval or Rejected.</param>
/// <param name="Change">How it differs from the version that was active when it was published.</param>
/// <param name="ComparedTo">That active version, or null for the first one.</param>
/// <param name="BreakingChanges">The breaking changes found (at most 20, as "target path: message").</param>
/// <param name="PublishedBy">Who published it (a principal id, <c>blob-upload</c>, <c>cli:&lt;user&gt;</c>).</param>
/// <param name="PublishedAt">When (ISO-8601 UTC).</param>
/// <param name="DecidedBy">Who approved or rejected it, or null (also null when approved at once).</param>
/// <param name="DecidedAt">When, or null.</param>
/// <param name="Reason">The approver's note, or null.</param>
public sealed record VersionDecision(
    string Tenant,
    VersionKind Kind,
    string Name,
    string Version,
    ApprovalState State,
    ChangeClass Change,
    string? ComparedTo,
    IReadOnlyList<string> BreakingChanges,
    string PublishedBy,
    string PublishedAt,
    string? DecidedBy,
    string? DecidedAt,
    string? Reason);
