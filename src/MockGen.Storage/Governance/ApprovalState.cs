namespace MockGen.Storage.Governance;

/// <summary>Where a version stands in the approval flow. Which approved version is active is recorded separately (one per name).</summary>
public enum ApprovalState
{
    /// <summary>Approved (at once, or by an approver): it is, was or may again be made the active version.</summary>
    Approved,

    /// <summary>Waiting for an approver (a breaking contract change, or any change the tenant's policy gates).</summary>
    PendingApproval,

    /// <summary>Rejected by an approver; it can never become active (upload it again under a change to try again).</summary>
    Rejected,
}
