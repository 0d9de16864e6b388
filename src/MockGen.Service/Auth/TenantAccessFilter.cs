using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MockGen.Service.Auth;

/// <summary>
/// Guards every <c>/v1/tenants/{tenant}/...</c> endpoint of <c>mockgen serve</c> with the shared
/// <see cref="TenantAuthorizer"/>, by the endpoint's name in <see cref="ApiRoutes"/>, so serve and the Functions app
/// cannot disagree on who may call what.
/// </summary>
internal sealed class TenantAccessFilter(TenantAuthorizer authorizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? string.Empty;
        object? returned = null;
        var result = await authorizer.InvokeAsync(
            http.Request,
            http.Request.RouteValues["tenant"] as string,
            name,
            async () =>
            {
                returned = await next(context).ConfigureAwait(false);
                return returned as IResult ?? Results.Ok(returned);
            },
            http.RequestAborted).ConfigureAwait(false);
        return returned is not null && returned is not IResult ? returned : result;
    }
}
