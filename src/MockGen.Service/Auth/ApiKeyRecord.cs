namespace MockGen.Service.Auth;

/// <summary>What is known about an API key besides its secret: what key listings show. The secret itself is never stored.</summary>
/// <param name="Id">The key's id (<c>k</c> + 16 hex digits, or <c>boot-…</c> for a <c>serve --api-key</c> bootstrap key).</param>
/// <param name="Tenant">The one tenant it is bound to.</param>
/// <param name="Roles">Its roles there (<c>reader</c>, <c>runner</c>, <c>publisher</c>, <c>approver</c>, <c>admin</c>).</param>
/// <param name="Name">A label chosen at creation (e.g. <c>ci-pipeline</c>), or empty.</param>
/// <param name="CreatedAt">When it was created (ISO-8601 UTC).</param>
/// <param name="ExpiresAt">When it stops working (ISO-8601 UTC), or null for never.</param>
/// <param name="LastUsedAt">When it last authenticated a request (to within a minute), or null.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="RotatedTo">The id of the key that replaced it in a rotation, or null.</param>
/// <param name="CreatedBy">Who created it (a principal id, or <c>cli:&lt;user&gt;</c>, <c>serve --api-key</c>).</param>
public sealed record ApiKeyRecord(
    string Id,
    string Tenant,
    IReadOnlyList<string> Roles,
    string Name,
    string CreatedAt,
    string? ExpiresAt,
    string? LastUsedAt,
    string? RevokedAt,
    string? RotatedTo,
    string CreatedBy);
