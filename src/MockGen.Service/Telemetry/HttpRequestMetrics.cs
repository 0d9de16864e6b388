using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MockGen.Core.Telemetry;

namespace MockGen.Service.Telemetry;

/// <summary>
/// Counts answered API requests in <see cref="MockGenMetrics.HttpRequests"/> by route template (never the raw path,
/// which holds tenant and run ids and would explode the series), method and status. Both hosts count through here:
/// <c>mockgen serve</c> with <see cref="InvokeAsync"/>, the Functions app with <see cref="CountWhenCompleted"/> from
/// its worker middleware, where the route comes from the function's trigger instead of endpoint routing.
/// </summary>
public static class HttpRequestMetrics
{
    /// <summary>The route of a request that matched no endpoint.</summary>
    public const string Unmatched = "(unmatched)";

    /// <summary>The ASP.NET Core middleware of <c>mockgen serve</c>: place it first, so it sees the final status code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (MockGenMetrics.HttpRequests.Enabled)
            {
                var route = context.GetEndpoint() is RouteEndpoint endpoint ? "/" + endpoint.RoutePattern.RawText?.TrimStart('/')
                    : context.Request.Path.StartsWithSegments(ServeTelemetry.MetricsPath, StringComparison.Ordinal) ? ServeTelemetry.MetricsPath
                    : Unmatched;
                Count(route, context.Request.Method, context.Response.StatusCode);
            }
        }
    }

    /// <summary>
    /// Counts <paramref name="context"/>'s request under <paramref name="routeTemplate"/> once its response has been
    /// sent. A host whose handler returns a result that is executed later (an Azure Functions HTTP function returning
    /// <see cref="IResult"/>) calls this before the handler runs: only the completed response has the final status.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="routeTemplate">The route template, with a leading slash (<c>/v1/tenants/{tenant}/runs</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void CountWhenCompleted(HttpContext context, string routeTemplate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(routeTemplate);
        context.Response.OnCompleted(() =>
        {
            Count(routeTemplate, context.Request.Method, context.Response.StatusCode);
            return Task.CompletedTask;
        });
    }

    private static void Count(string route, string method, int status) =>
        MockGenMetrics.HttpRequests.Add(1, new TagList
        {
            { TelemetryTags.HttpRoute, route },
            { TelemetryTags.HttpMethod, method },
            { TelemetryTags.HttpStatus, status },
        });
}
