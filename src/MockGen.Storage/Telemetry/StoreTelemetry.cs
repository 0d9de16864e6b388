using System.Diagnostics;
using MockGen.Core.Telemetry;

namespace MockGen.Storage.Telemetry;

/// <summary>
/// One store call as telemetry: a span named <c>mockgen.store.&lt;operation&gt;</c> (a child of the activity that
/// made the call) and a <see cref="MockGenMetrics.StoreDuration"/> measurement. With nothing listening it is a
/// struct holding a timestamp.
/// </summary>
internal readonly struct StoreTelemetry : IDisposable
{
    private readonly Activity? _activity;
    private readonly string? _store;
    private readonly string? _operation;
    private readonly long _started;

    private StoreTelemetry(Activity? activity, string store, string operation, long started)
    {
        _activity = activity;
        _store = store;
        _operation = operation;
        _started = started;
    }

    /// <summary>Starts measuring one call.</summary>
    public static StoreTelemetry Start(string store, string operation, string path)
    {
        var activity = MockGenTelemetry.ActivitySource.StartActivity(SpanNames.StorePrefix + operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.Store, store);
            activity.SetTag(TelemetryTags.StoreOperation, operation);
            activity.SetTag(TelemetryTags.StorePath, path);
        }

        return new StoreTelemetry(activity, store, operation, MockGenMetrics.StoreDuration.Enabled ? Stopwatch.GetTimestamp() : 0);
    }

    /// <summary>Marks the call failed.</summary>
    public void Fail(Exception exception) => MockGenTelemetry.Fail(_activity, exception);

    /// <summary>Counts bytes written by the call.</summary>
    public void Written(long bytes)
    {
        _activity?.SetTag("mockgen.store.bytes", bytes);
        if (MockGenMetrics.StoreBytesWritten.Enabled)
        {
            MockGenMetrics.StoreBytesWritten.Add(bytes, new KeyValuePair<string, object?>(TelemetryTags.Store, _store), new KeyValuePair<string, object?>(TelemetryTags.StoreOperation, _operation));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_started != 0 && MockGenMetrics.StoreDuration.Enabled)
        {
            MockGenMetrics.StoreDuration.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>(TelemetryTags.Store, _store),
                new KeyValuePair<string, object?>(TelemetryTags.StoreOperation, _operation));
        }

        _activity?.Dispose();
    }
}
