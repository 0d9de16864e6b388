using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MockGen.Core.Telemetry;

namespace MockGen.Service.Telemetry;

/// <summary>
/// Counts every answered request in <see cref="MockGenMetrics.HttpRequests"/> by route template (never the raw path,
/// which holds tenant and run ids and would explode the series), method and status.
/// </summary>
internal static class HttpRequestMetrics
{
    /// <summary>The route of a request that matched no endpoint.</summary>
    public const string Unmatched = "(unmatched)";

    /// <summary>The middleware: place it first, so it sees the final status code.</summary>
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
                MockGenMetrics.HttpRequests.Add(1, new TagList
                {
                    { TelemetryTags.HttpRoute, route },
                    { TelemetryTags.HttpMethod, context.Request.Method },
                    { TelemetryTags.HttpStatus, context.Response.StatusCode },
                });
            }
        }
    }
}
