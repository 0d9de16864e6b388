namespace MockGen.Service.Telemetry;

/// <summary>How <c>mockgen serve</c> writes its log lines to standard output.</summary>
public enum ServeLogFormat
{
    /// <summary>One readable line per event (the console default).</summary>
    Text,

    /// <summary>
    /// One JSON object per line (<c>Timestamp</c>, <c>EventId</c>, <c>LogLevel</c>, <c>Category</c>, <c>Message</c>,
    /// <c>State</c> with every structured field, and <c>Scopes</c> carrying <c>TraceId</c> and <c>SpanId</c> inside a span).
    /// </summary>
    Json,
}
