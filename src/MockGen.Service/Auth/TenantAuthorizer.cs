using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using MockGen.Service.Api;
using MockGen.Storage;
using MockGen.Storage.Audit;

namespace MockGen.Service.Auth;

/// <summary>
/// The one gate every host runs around a <c>/v1/tenants/{tenant}/...</c> handler: <c>mockgen serve</c> through
/// <see cref="TenantAccessFilter"/>, the Azure Functions app from each HTTP function (function keys do not isolate
/// tenants, so the app's triggers are anonymous and this is the gate). It
/// <list type="number">
/// <item>finds the endpoint's required role in <see cref="ApiRoutes"/> (an undeclared endpoint is refused);</item>
/// <item>authenticates the credential: an API key (<c>X-Api-Key</c>, or <c>Authorization: Bearer</c>) from
/// <see cref="ApiKeyStore"/>, or, when Entra ID is configured, a bearer token <see cref="EntraTokenValidator"/> accepts
/// (refused: 401 without saying why);</item>
/// <item>checks the tenant: a principal of another tenant gets 404, the same answer as a tenant that does not exist,
/// so credentials cannot probe for tenants;</item>
/// <item>checks the role: a principal of the tenant without it gets 403;</item>
/// <item>runs the handler, and appends to the tenant's audit log every refusal and every call of a mutating endpoint.</item>
/// </list>
/// </summary>
public sealed class TenantAuthorizer
{
    private static readonly object PrincipalKey = new();
    private readonly ApiKeyStore _keys;
    private readonly EntraTokenValidator? _entra;
    private readonly AuditLog _audit;

    /// <summary>Creates the gate over the API key store and, optionally, an Entra ID token validator and an audit log.</summary>
    /// <param name="keys">The per-tenant API keys.</param>
    /// <param name="entra">Validates bearer tokens shaped like JWTs. Default: <see langword="null"/>: every bearer value is an API key.</param>
    /// <param name="audit">The audit log. Default: the log beside the keys, in the same table store.</param>
    public TenantAuthorizer(ApiKeyStore keys, EntraTokenValidator? entra = null, AuditLog? audit = null)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _entra = entra;
        _audit = audit ?? new AuditLog(keys.Tables, TimeProvider.System);
    }

    /// <summary>The principal the gate accepted for this request, or null (anonymous routes, or before the gate ran).</summary>
    public static TenantPrincipal? PrincipalOf(HttpContext context) =>
        context is not null && context.Items.TryGetValue(PrincipalKey, out var p) ? p as TenantPrincipal : null;

    /// <summary>
    /// Authorizes the request for <paramref name="endpointName"/> on <paramref name="tenant"/>, runs
    /// <paramref name="handler"/> when allowed, and audits as <see cref="ApiRoutes"/> declares.
    /// </summary>
    /// <returns>The handler's result, or the refusal.</returns>
    public async Task<IResult> InvokeAsync(HttpRequest request, string? tenant, string endpointName, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        var refusal = await AuthorizeAsync(request, tenant, endpointName, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var route = ApiRoutes.Find(endpointName)!;
        var result = await handler().ConfigureAwait(false);
        if (route.IsMutating)
        {
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            var note = AuditNote.Of(request.HttpContext);
            var outcome = note.Outcome ?? (status < 400 ? "ok" : "failed:" + status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await AppendAsync(request, tenant!, PrincipalOf(request.HttpContext)!.Id, route, route.AuditAction!, outcome, note, CancellationToken.None).ConfigureAwait(false);
            }
            catch (MockGenStorageException e)
            {
                // The store refused the audit entry too (read-only, full, down): a failed call keeps its own answer;
                // a call that succeeded but could not be audited says so, as the handlers answer store failures.
                return status >= 400 ? result : Problems.From(e);
            }
        }

        return result;
    }

    /// <summary>
    /// Null when the request may call <paramref name="endpointName"/> on <paramref name="tenant"/> (the principal is then
    /// available through <see cref="PrincipalOf"/>); otherwise the problem to return, already audited.
    /// </summary>
    public async Task<IResult?> AuthorizeAsync(HttpRequest request, string? tenant, string endpointName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = ApiRoutes.Find(endpointName);
        if (route is null)
        {
            // Fail closed: a route that did not declare its role is not reachable.
            return Results.Problem(detail: $"endpoint '{endpointName}' declares no role", statusCode: StatusCodes.Status500InternalServerError, title: "Endpoint not governed");
        }

        var (principal, grants, refusal) = await AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            await RefusedAsync(request, tenant, "anonymous", route, StatusCodes.Status401Unauthorized, cancellationToken).ConfigureAwait(false);
            return refusal;
        }

        if (!Identifiers.IsTenant(tenant) || !grants!.TryGetValue(tenant!, out var roles))
        {
            await RefusedAsync(request, tenant, principal + "@" + string.Join('+', grants!.Keys.Order(StringComparer.Ordinal)), route, StatusCodes.Status404NotFound, cancellationToken).ConfigureAwait(false);
            return Problems.NotFound("tenant", tenant ?? string.Empty);
        }

        var accepted = new TenantPrincipal(tenant!, principal!, roles);
        if (!accepted.Has(route.Role))
        {
            await RefusedAsync(request, tenant, accepted.Id, route, StatusCodes.Status403Forbidden, cancellationToken).ConfigureAwait(false);
            return Problems.Forbidden($"this credential lacks the '{TenantRoles.Name(route.Role)}' role on tenant '{tenant}'");
        }

        request.HttpContext.Items[PrincipalKey] = accepted;
        return null;
    }

    /// <summary>Appends an audit entry for an action outside a request (the CLI, the contract watcher).</summary>
    public Task AuditAsync(AuditEvent audit, CancellationToken cancellationToken = default) => _audit.AppendAsync(audit, cancellationToken);

    private async Task<(string? Principal, IReadOnlyDictionary<string, TenantRole>? Grants, IResult? Refusal)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (presented, bearer) = PresentedCredential(request);
        if (presented is null)
        {
            return (null, null, _entra is null
                ? Problems.Unauthorized("an API key is required (X-Api-Key or Authorization: Bearer)")
                : new BearerChallengeResult(Problems.Unauthorized("an API key (X-Api-Key) or an Entra ID bearer token is required"), tokenRefused: false));
        }

        if (bearer && _entra is not null && _entra.LooksLikeToken(presented))
        {
            var token = await _entra.ValidateAsync(presented, cancellationToken).ConfigureAwait(false);
            switch (token.Status)
            {
                case EntraTokenStatus.Valid:
                    return ("entra:" + token.Subject, token.Grants, null);
                case EntraTokenStatus.Unavailable:
                    return (null, null, Problems.Unavailable("bearer tokens cannot be checked right now; retry later or use an API key"));
                default:
                    // An API key that happens to have the JWT shape still works; anything else is a refused token.
                    if (await _keys.AuthenticateAsync(presented, cancellationToken).ConfigureAwait(false) is { } shaped)
                    {
                        return KeyPrincipal(shaped);
                    }

                    return (null, null, new BearerChallengeResult(Problems.Unauthorized("the bearer token is not valid"), tokenRefused: true));
            }
        }

        return await _keys.AuthenticateAsync(presented, cancellationToken).ConfigureAwait(false) is { } key
            ? KeyPrincipal(key)
            : (null, null, Problems.Unauthorized("the API key is not valid"));
    }

    private static (string?, IReadOnlyDictionary<string, TenantRole>?, IResult?) KeyPrincipal(ApiKeyRecord key) =>
        ("key:" + key.Id, new Dictionary<string, TenantRole>(StringComparer.Ordinal) { [key.Tenant] = TenantRoles.Parse(key.Roles) }, null);

    private async Task RefusedAsync(HttpRequest request, string? tenant, string principal, ApiRoute route, int status, CancellationToken cancellationToken)
    {
        // A tenant id that is not one has no log to write to (and must not create one).
        if (Identifiers.IsTenant(tenant))
        {
            await AppendAsync(request, tenant!, principal, route, route.AuditAction ?? "read:" + route.EndpointName, "refused:" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<AuditEntry> AppendAsync(HttpRequest request, string tenant, string principal, ApiRoute route, string action, string outcome, AuditNote? note, CancellationToken cancellationToken) =>
        _audit.AppendAsync(
            new AuditEvent(tenant, principal, TenantRoles.Name(route.Role), action, outcome)
            {
                Resource = note?.Resource ?? string.Empty,
                Version = note?.Version ?? string.Empty,
                Detail = note?.Detail ?? string.Empty,
                RequestId = Activity.Current?.TraceId.ToString() ?? request.HttpContext.TraceIdentifier,
            },
            cancellationToken);

    private static (string? Value, bool Bearer) PresentedCredential(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && key.Count == 1 && !string.IsNullOrEmpty(key[0]))
        {
            return (key[0], false);
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var credential = value["Bearer ".Length..].Trim();
            return (credential.Length == 0 ? null : credential, true);
        }

        // A browser's HTTP Basic sign-in (the dashboard): the password is the API key; the user name only says the tenant.
        if (BasicCredential(request) is { } basic && basic.Key.Length > 0)
        {
            return (basic.Key, false);
        }

        return (null, false);
    }

    /// <summary>
    /// The user name and password of an <c>Authorization: Basic</c> header (how a browser signs in to the dashboard:
    /// user name = tenant, password = API key), or null when there is none or it is malformed.
    /// </summary>
    public static (string User, string Key)? BasicCredential(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1 || authorization[0] is not { } value || !value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Span<byte> decoded = stackalloc byte[512];
        if (!Convert.TryFromBase64String(value["Basic ".Length..].Trim(), decoded, out var written))
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(decoded[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
    }
}
