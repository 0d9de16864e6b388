namespace MockGen.Service.Auth;

/// <summary>The outcome of <see cref="EntraTokenValidator"/>: a status and, when valid, the tenants the token is bound to.</summary>
internal sealed record EntraTokenResult(EntraTokenStatus Status, IReadOnlySet<string> Tenants)
{
    public static EntraTokenResult Refused { get; } = new(EntraTokenStatus.Refused, new HashSet<string>(StringComparer.Ordinal));

    public static EntraTokenResult Unavailable { get; } = new(EntraTokenStatus.Unavailable, new HashSet<string>(StringComparer.Ordinal));

    public static EntraTokenResult Valid(IReadOnlySet<string> tenants) => new(EntraTokenStatus.Valid, tenants);
}
