using System.Diagnostics;
using MockGen.Core.Telemetry;

namespace MockGen.Storage.Telemetry;

/// <summary>
/// Spans and tags of the pipeline's activities and runs. A span started here is a child of the caller's current
/// span: under the local runner that is the run's <see cref="SpanNames.Run"/> span, under Durable Functions the
/// activity invocation's span (the Functions host propagates the orchestration's trace context).
/// </summary>
internal static class PipelineTelemetry
{
    /// <summary>Starts a span tagged with the tenant and contract; null when nobody samples it.</summary>
    public static Activity? Start(string name, string tenant, string contract, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = MockGenTelemetry.ActivitySource.StartActivity(name, kind);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.Tenant, tenant);
            activity.SetTag(TelemetryTags.Contract, contract);
        }

        return activity;
    }

    /// <summary>Runs <paramref name="body"/> inside a span; a failure sets the span's status to Error with the <c>exception.*</c> tags.</summary>
    public static async Task<T> TracedAsync<T>(string name, string tenant, string contract, Func<Activity?, Task<T>> body)
    {
        using var activity = Start(name, tenant, contract);
        try
        {
            return await body(activity).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            MockGenTelemetry.Fail(activity, e);
            throw;
        }
    }

    /// <summary>The tags of run-level counters.</summary>
    public static TagList RunTags(string tenant, string contract, string store) => new()
    {
        { TelemetryTags.Tenant, tenant },
        { TelemetryTags.Contract, contract },
        { TelemetryTags.Store, store },
    };
}
