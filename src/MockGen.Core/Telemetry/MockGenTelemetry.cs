using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MockGen.Core.Telemetry;

/// <summary>
/// MockGen's one <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>,
/// both named <see cref="Name"/>. Every layer (Core, Storage, the service and the hosts) records through these; the
/// OpenTelemetry SDK and its exporters are wired only in the hosts, which subscribe by this name.
/// </summary>
/// <remarks>
/// With nobody listening, <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and every
/// instrument's <see cref="Instrument.Enabled"/> is false, so callers skip building tags: telemetry then costs a field
/// read per batch on the hot path. Nothing recorded here ever shapes a payload.
/// </remarks>
public static class MockGenTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>MockGen</c>.</summary>
    public const string Name = "MockGen";

    /// <summary>The source of every MockGen span (names in <see cref="SpanNames"/>).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The meter of every MockGen instrument (see <see cref="MockGenMetrics"/> and docs/METRICS.md).</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>
    /// The W3C trace id of the current span when it is being recorded (a listener sampled it), else null: what the
    /// run manifest, lineage rows and summaries carry, so a run traced nowhere keeps its bytes.
    /// </summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } current ? current.TraceId.ToHexString() : null;

    /// <summary>Marks <paramref name="activity"/> failed with the OpenTelemetry <c>exception.*</c> tags; null does nothing.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }
}
