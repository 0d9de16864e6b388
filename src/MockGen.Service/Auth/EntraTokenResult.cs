namespace MockGen.Service.Auth;

/// <summary>The outcome of <see cref="EntraTokenValidator"/>: a status and, when valid, who the token names and the roles it grants per tenant.</summary>
internal sealed record EntraTokenResult(EntraTokenStatus Status, string Subject, IReadOnlyDictionary<string, TenantRole> Grants)
{
    public static EntraTokenResult Refused { get; } = new(EntraTokenStatus.Refused, string.Empty, new Dictionary<string, TenantRole>(StringComparer.Ordinal));

    public static EntraTokenResult Unavailable { get; } = new(EntraTokenStatus.Unavailable, string.Empty, new Dictionary<string, TenantRole>(StringComparer.Ordinal));

    /// <summary>The tenants the token reaches (with any role, or none).</summary>
    public IEnumerable<string> Tenants => Grants.Keys;

    public static EntraTokenResult Valid(string subject, IReadOnlyDictionary<string, TenantRole> grants) => new(EntraTokenStatus.Valid, subject, grants);
}
