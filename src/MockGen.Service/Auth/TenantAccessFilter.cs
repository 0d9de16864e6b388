using Microsoft.AspNetCore.Http;

namespace MockGen.Service.Auth;

/// <summary>
/// Guards every <c>/v1/tenants/{tenant}/...</c> endpoint of <c>mockgen serve</c> with the shared
/// <see cref="TenantAuthorizer"/>, so serve and the Functions app cannot disagree on who may see a tenant.
/// </summary>
internal sealed class TenantAccessFilter(TenantAuthorizer authorizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var refusal = await authorizer.AuthorizeAsync(http.Request, http.Request.RouteValues["tenant"] as string, http.RequestAborted).ConfigureAwait(false);
        return refusal ?? await next(context).ConfigureAwait(false);
    }
}
