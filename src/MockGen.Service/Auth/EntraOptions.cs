using System.Globalization;

namespace MockGen.Service.Auth;

/// <summary>
/// How the tenant check accepts Entra ID bearer tokens beside API keys: which authority issues them, which audience
/// they must carry, and which claim binds a caller to tenants. Hosts bind it from <c>MockGen:Entra</c> (the Functions
/// app) or <c>mockgen serve --entra-*</c>; validated once, when the validator is built, and copied there.
/// </summary>
public sealed class EntraOptions
{
    /// <summary>The Azure app roles prefix that binds a caller to a tenant: <c>MockGen.Tenant.acme</c> grants tenant <c>acme</c>.</summary>
    public const string DefaultTenantRolePrefix = "MockGen.Tenant.";

    /// <summary>
    /// The token issuer's authority, e.g. <c>https://login.microsoftonline.com/&lt;tenant-id&gt;/v2.0</c>; its OpenID
    /// Connect metadata lists the signing keys. Must name one directory (<c>common</c>, <c>organizations</c> and
    /// <c>consumers</c> have no single issuer). Required.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The audience tokens must carry: the API's Application ID URI or client id. Several may be given separated by
    /// commas (v1 tokens carry the URI, v2 tokens the client id). Required.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// A claim listing the tenants the caller may act for (a JSON array or a space- or comma-separated string). Default:
    /// <see langword="null"/>: app roles (<c>roles</c>) named <see cref="TenantRolePrefix"/> + tenant.
    /// </summary>
    public string? TenantClaim { get; set; }

    /// <summary>
    /// The legacy app role prefix that grants every role on a tenant (<c>MockGen.Tenant.acme</c>), used when
    /// <see cref="TenantClaim"/> is not set. Default: <c>MockGen.Tenant.</c>.
    /// </summary>
    public string TenantRolePrefix { get; set; } = DefaultTenantRolePrefix;

    /// <summary>
    /// The claim carrying role grants. Default: <c>roles</c> (Entra app roles). Its values are
    /// <see cref="RolePrefix"/> + role + <c>.</c> + tenant (<c>MockGen.Publisher.acme</c>), or, with a
    /// <see cref="TenantClaim"/>, <see cref="RolePrefix"/> + role (<c>MockGen.Publisher</c>) for every listed tenant.
    /// Roles: <c>Reader</c>, <c>Runner</c>, <c>Publisher</c>, <c>Approver</c>, <c>Admin</c> (case-insensitive).
    /// </summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The prefix of role grants in <see cref="RoleClaim"/>. Default: <c>MockGen.</c>.</summary>
    public string RolePrefix { get; set; } = "MockGen.";

    /// <summary>The metadata document. Default: <see langword="null"/>: <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>
    /// The issuer tokens must name; several may be given separated by commas (Entra v1 access tokens name
    /// <c>https://sts.windows.net/&lt;tenant-id&gt;/</c>, v2 ones the v2.0 authority). Default: <see langword="null"/>:
    /// the <c>issuer</c> of the metadata document.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>Tolerated clock difference for <c>exp</c> and <c>nbf</c>. Default: 2 minutes; at most 5.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether the metadata and keys must be fetched over HTTPS. Default: true (only tests on loopback turn it off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How long fetched metadata and keys are used before they are fetched again. Default: 12 hours.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The least time between two fetches caused by a token signed with an unknown key (a key rollover), so forged
    /// key ids cannot make every request hit the authority. Default: 5 minutes; at least 1 second.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The audiences in <see cref="Audience"/>.</summary>
    internal IReadOnlyList<string> Audiences =>
        [.. (Audience ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The issuers in <see cref="Issuer"/>; empty when the metadata's issuer applies.</summary>
    internal IReadOnlyList<string> Issuers =>
        [.. (Issuer ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The metadata address, explicit or derived from the authority.</summary>
    internal string ResolvedMetadataAddress =>
        MetadataAddress ?? (Authority ?? string.Empty).TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>Reports every invalid field in one message.</summary>
    /// <exception cref="ArgumentException">Some field is missing or out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
        {
            problems.Add("authority must be an absolute URI (https://login.microsoftonline.com/<tenant-id>/v2.0)");
        }
        else
        {
            if (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add("authority must use https");
            }

            var directory = authority.Segments.Length > 1 ? authority.Segments[1].Trim('/') : string.Empty;
            if (directory is "common" or "organizations" or "consumers")
            {
                problems.Add($"authority names '{directory}', which has no single issuer: use the directory (tenant) id");
            }
        }

        if (MetadataAddress is not null && !Uri.TryCreate(MetadataAddress, UriKind.Absolute, out _))
        {
            problems.Add("metadata address must be an absolute URI");
        }

        if (Audiences.Count == 0)
        {
            problems.Add("audience is required (the API's Application ID URI or client id)");
        }

        if (TenantClaim is { } claim && string.IsNullOrWhiteSpace(claim))
        {
            problems.Add("tenant claim must not be blank");
        }

        if (TenantClaim is null && string.IsNullOrWhiteSpace(TenantRolePrefix))
        {
            problems.Add("tenant role prefix must not be blank");
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            problems.Add("role claim must not be blank");
        }

        if (string.IsNullOrWhiteSpace(RolePrefix))
        {
            problems.Add("role prefix must not be blank");
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"clock skew must be 0 to 5 minutes (was {ClockSkew})"));
        }

        if (KeyRefreshInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add("key refresh interval must be at least 1 second");
        }

        if (MetadataRefreshInterval < KeyRefreshInterval)
        {
            problems.Add("metadata refresh interval must be at least the key refresh interval");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid Entra ID options: " + string.Join("; ", problems));
        }
    }

    /// <summary>A copy, so later changes to these options change nothing in a built validator.</summary>
    internal EntraOptions Clone() => (EntraOptions)MemberwiseClone();
}
