using Microsoft.AspNetCore.Http;
using MockGen.Service.Api;
using MockGen.Storage;

namespace MockGen.Service.Auth;

/// <summary>
/// The one tenant check every host runs before a <c>/v1/tenants/{tenant}/...</c> handler: <c>mockgen serve</c>
/// through <see cref="TenantAccessFilter"/>, the Azure Functions app from each HTTP function (function keys do not
/// isolate tenants, so the app's triggers are anonymous and this is the gate). The request must carry a credential
/// (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>) bound to exactly the tenant in the route. A credential for another
/// tenant gets 404, the same answer as a tenant that does not exist, so credentials cannot probe for tenants.
/// </summary>
public sealed class TenantAuthorizer
{
    private readonly ApiKeyStore _keys;

    /// <summary>Creates the authorizer over the API key store.</summary>
    public TenantAuthorizer(ApiKeyStore keys)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
    }

    /// <summary>Null when the request may act for <paramref name="tenant"/>; otherwise the problem to return.</summary>
    public async Task<IResult?> AuthorizeAsync(HttpRequest request, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = PresentedKey(request);
        if (presented is null)
        {
            return Problems.Unauthorized("an API key is required (X-Api-Key or Authorization: Bearer)");
        }

        var owner = await _keys.FindTenantAsync(presented, cancellationToken).ConfigureAwait(false);
        if (owner is null)
        {
            return Problems.Unauthorized("the API key is not valid");
        }

        if (!Identifiers.IsTenant(tenant) || !string.Equals(owner, tenant, StringComparison.Ordinal))
        {
            return Problems.NotFound("tenant", tenant ?? string.Empty);
        }

        return null;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && key.Count == 1 && !string.IsNullOrEmpty(key[0]))
        {
            return key[0];
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return value["Bearer ".Length..].Trim();
        }

        return null;
    }
}
