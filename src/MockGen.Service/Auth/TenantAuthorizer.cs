using Microsoft.AspNetCore.Http;
using MockGen.Service.Api;
using MockGen.Storage;

namespace MockGen.Service.Auth;

/// <summary>
/// The one tenant check every host runs before a <c>/v1/tenants/{tenant}/...</c> handler: <c>mockgen serve</c>
/// through <see cref="TenantAccessFilter"/>, the Azure Functions app from each HTTP function (function keys do not
/// isolate tenants, so the app's triggers are anonymous and this is the gate). The request must carry a credential
/// bound to exactly the tenant in the route: an API key (<c>X-Api-Key</c>, or <c>Authorization: Bearer</c>), or, when
/// Entra ID is configured, a bearer token the <see cref="EntraTokenValidator"/> accepts whose app roles or tenant
/// claim name the tenant. A credential for another tenant gets 404, the same answer as a tenant that does not exist,
/// so credentials cannot probe for tenants; a refused credential gets 401 without saying why.
/// </summary>
public sealed class TenantAuthorizer
{
    private readonly ApiKeyStore _keys;
    private readonly EntraTokenValidator? _entra;

    /// <summary>Creates the authorizer over the API key store and, optionally, an Entra ID token validator.</summary>
    /// <param name="keys">The per-tenant API keys.</param>
    /// <param name="entra">Validates bearer tokens shaped like JWTs. Default: <see langword="null"/>: every bearer value is an API key.</param>
    public TenantAuthorizer(ApiKeyStore keys, EntraTokenValidator? entra = null)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _entra = entra;
    }

    /// <summary>Null when the request may act for <paramref name="tenant"/>; otherwise the problem to return.</summary>
    public async Task<IResult?> AuthorizeAsync(HttpRequest request, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (presented, bearer) = PresentedCredential(request);
        if (presented is null)
        {
            return _entra is null
                ? Problems.Unauthorized("an API key is required (X-Api-Key or Authorization: Bearer)")
                : new BearerChallengeResult(Problems.Unauthorized("an API key (X-Api-Key) or an Entra ID bearer token is required"), tokenRefused: false);
        }

        string? owner;
        if (bearer && _entra is not null && _entra.LooksLikeToken(presented))
        {
            var token = await _entra.ValidateAsync(presented, cancellationToken).ConfigureAwait(false);
            switch (token.Status)
            {
                case EntraTokenStatus.Valid:
                    return Identifiers.IsTenant(tenant) && token.Tenants.Contains(tenant!) ? null : Problems.NotFound("tenant", tenant ?? string.Empty);
                case EntraTokenStatus.Unavailable:
                    return Problems.Unavailable("bearer tokens cannot be checked right now; retry later or use an API key");
                default:
                    // An API key that happens to have the JWT shape still works; anything else is a refused token.
                    owner = await _keys.FindTenantAsync(presented, cancellationToken).ConfigureAwait(false);
                    if (owner is null)
                    {
                        return new BearerChallengeResult(Problems.Unauthorized("the bearer token is not valid"), tokenRefused: true);
                    }

                    break;
            }
        }
        else
        {
            owner = await _keys.FindTenantAsync(presented, cancellationToken).ConfigureAwait(false);
            if (owner is null)
            {
                return Problems.Unauthorized("the API key is not valid");
            }
        }

        if (!Identifiers.IsTenant(tenant) || !string.Equals(owner, tenant, StringComparison.Ordinal))
        {
            return Problems.NotFound("tenant", tenant ?? string.Empty);
        }

        return null;
    }

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
