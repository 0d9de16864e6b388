namespace MockGen.Service.Auth;

/// <summary>
/// Who a request acts as, once <see cref="TenantAuthorizer"/> has accepted its credential: an API key or an Entra ID
/// identity, the tenant it was checked against, and the roles it holds there.
/// </summary>
/// <param name="Tenant">The tenant the request was authorized for.</param>
/// <param name="Id">A stable, secret-free id for audit: <c>key:&lt;keyId&gt;</c> or <c>entra:&lt;oid or sub&gt;</c>.</param>
/// <param name="Roles">The roles it holds on <paramref name="Tenant"/>.</param>
public sealed record TenantPrincipal(string Tenant, string Id, TenantRole Roles)
{
    /// <summary>True when the principal holds <paramref name="role"/>.</summary>
    public bool Has(TenantRole role) => role != TenantRole.None && (Roles & role) == role;
}
