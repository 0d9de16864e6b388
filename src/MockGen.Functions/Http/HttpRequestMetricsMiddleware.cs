using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using MockGen.Service.Telemetry;

namespace MockGen.Functions.Http;

/// <summary>
/// Counts the HTTP functions' requests in <c>mockgen.http.requests</c>, as <c>mockgen serve</c> counts its own
/// (<see cref="HttpRequestMetrics"/>): by route template, method and final status. The worker has no endpoint
/// routing, so the template is the function's <see cref="HttpTriggerAttribute.Route"/>, which equals serve's route
/// (host.json's route prefix is empty).
/// </summary>
internal sealed class HttpRequestMetricsMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>Function name → route template with a leading slash, for every HTTP-triggered function of this app.</summary>
    public static FrozenDictionary<string, string> Routes { get; } = typeof(HttpRequestMetricsMiddleware).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
        .Where(f => f.Function is not null && f.Trigger is not null)
        .ToFrozenDictionary(f => f.Function!.Name, f => "/" + (f.Trigger!.Route ?? f.Function!.Name).TrimStart('/'), StringComparer.Ordinal);

    /// <summary>Arranges for <paramref name="http"/> to be counted under <paramref name="functionName"/>'s route once answered; other functions are ignored.</summary>
    public static void Track(string functionName, HttpContext http)
    {
        if (Routes.TryGetValue(functionName, out var route))
        {
            HttpRequestMetrics.CountWhenCompleted(http, route);
        }
    }

    /// <inheritdoc />
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            Track(context.FunctionDefinition.Name, http);
        }

        return next(context);
    }
}
