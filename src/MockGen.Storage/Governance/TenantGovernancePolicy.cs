namespace MockGen.Storage.Governance;

/// <summary>
/// A tenant's approval policy (the <c>governance</c> section of its profile). The policy that applies to a change is
/// the one in the profile that is active when the change is published.
/// </summary>
public sealed record TenantGovernancePolicy
{
    /// <summary>Whether every new contract version waits for an approver, breaking or not. Default: false (only breaking ones wait).</summary>
    public bool ApproveAllContractChanges { get; init; }

    /// <summary>Whether a new profile version waits for an approver. Default: false.</summary>
    public bool ApproveProfileChanges { get; init; }

    /// <summary>Whether a new prompt template version waits for an approver. Default: true.</summary>
    public bool ApprovePromptChanges { get; init; } = true;
}
