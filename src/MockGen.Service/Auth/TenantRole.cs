namespace MockGen.Service.Auth;

/// <summary>
/// What a principal may do within one tenant. Roles are independent (none implies another), so duties can be
/// separated: a publisher cannot approve its own breaking change unless it also holds <see cref="Approver"/>.
/// The bootstrap key (<c>serve --api-key</c>) and the legacy Entra app role <c>MockGen.Tenant.&lt;tenant&gt;</c> hold all five.
/// </summary>
[Flags]
public enum TenantRole
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary>List and read contracts, versions, runs, datasets, payloads and drift reports.</summary>
    Reader = 1,

    /// <summary>Start runs, drift runs and reproductions.</summary>
    Runner = 2,

    /// <summary>Upload contracts, tenant profiles and prompt templates (new versions).</summary>
    Publisher = 4,

    /// <summary>Approve or reject pending versions, and make a version active (rollback).</summary>
    Approver = 8,

    /// <summary>Manage API keys and read the audit log.</summary>
    Admin = 16,

    /// <summary>Every role.</summary>
    All = Reader | Runner | Publisher | Approver | Admin,
}
