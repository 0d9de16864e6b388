namespace MockGen.Service.Auth;

/// <summary>What one tenant endpoint requires: the role a principal must hold, and the audit action it records when it mutates.</summary>
/// <param name="EndpointName">The endpoint's name: serve's <c>WithName</c> and the Functions app's <c>[Function]</c> name.</param>
/// <param name="Role">The single role required.</param>
/// <param name="AuditAction">The action recorded in the audit log for every call (e.g. <c>contract.upload</c>); null for reads, which are audited only when refused.</param>
public sealed record ApiRoute(string EndpointName, TenantRole Role, string? AuditAction = null)
{
    /// <summary>
    /// True for a browser page only <c>mockgen serve</c> maps (the dashboard: HTML, excluded from the API description);
    /// it goes through the same gate, but the Functions app does not host it. Default: false.
    /// </summary>
    public bool ServeOnly { get; init; }

    /// <summary>True for an endpoint that changes state, so every call is audited.</summary>
    public bool IsMutating => AuditAction is not null;
}
