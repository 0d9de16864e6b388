using Microsoft.AspNetCore.Http;
using MockGen.Service.Api;
using MockGen.Storage;

namespace MockGen.Service.Auth;

/// <summary>
/// Guards every <c>/v1/tenants/{tenant}/...</c> endpoint: the request must carry a key (<c>X-Api-Key</c> or
/// <c>Authorization: Bearer</c>) bound to exactly the tenant in the route. A key for another tenant gets 404, the
/// same answer as a tenant that does not exist, so keys cannot probe for tenants.
/// </summary>
internal sealed class TenantAccessFilter(ApiKeyStore keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = PresentedKey(http.Request);
        if (presented is null)
        {
            return Problems.Unauthorized("an API key is required (X-Api-Key or Authorization: Bearer)");
        }

        var owner = await keys.FindTenantAsync(presented, http.RequestAborted).ConfigureAwait(false);
        if (owner is null)
        {
            return Problems.Unauthorized("the API key is not valid");
        }

        var tenant = http.Request.RouteValues["tenant"] as string;
        if (!Identifiers.IsTenant(tenant) || !string.Equals(owner, tenant, StringComparison.Ordinal))
        {
            return Problems.NotFound("tenant", tenant ?? string.Empty);
        }

        return await next(context).ConfigureAwait(false);
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
