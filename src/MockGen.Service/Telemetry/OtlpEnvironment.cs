using OpenTelemetry.Exporter;

namespace MockGen.Service.Telemetry;

/// <summary>
/// Where OTLP goes, read from the standard OpenTelemetry variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
/// <c>OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_SDK_DISABLED</c>). Hosts read it once at start and configure the
/// exporters from it explicitly, so a test can point one host at a loopback receiver without touching the process
/// environment.
/// </summary>
/// <param name="Endpoint">The base endpoint (signal paths are appended for http/protobuf), or null.</param>
/// <param name="TracesEndpoint">The traces endpoint as given (used as is), or null.</param>
/// <param name="MetricsEndpoint">The metrics endpoint as given, or null.</param>
/// <param name="LogsEndpoint">The logs endpoint as given, or null.</param>
/// <param name="Protocol">grpc or http/protobuf (the OpenTelemetry default for .NET is grpc).</param>
/// <param name="Headers">Extra headers, <c>key=value,key2=value2</c>, or null.</param>
public sealed record OtlpEnvironment(Uri? Endpoint, Uri? TracesEndpoint, Uri? MetricsEndpoint, Uri? LogsEndpoint, OtlpExportProtocol Protocol, string? Headers)
{
    /// <summary>Reads the variables; null when no endpoint is set or the SDK is disabled (then nothing is exported).</summary>
    /// <exception cref="ArgumentException">An endpoint is not an absolute URI or the protocol is unknown (named in the message).</exception>
    public static OtlpEnvironment? Read(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (string.Equals(variable("OTEL_SDK_DISABLED")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var endpoint = Endpoint("OTEL_EXPORTER_OTLP_ENDPOINT");
        var traces = Endpoint("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var metrics = Endpoint("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        var logs = Endpoint("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT");
        if (endpoint is null && traces is null && metrics is null && logs is null)
        {
            return null;
        }

        var protocol = variable("OTEL_EXPORTER_OTLP_PROTOCOL")?.Trim() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new ArgumentException($"OTEL_EXPORTER_OTLP_PROTOCOL: '{other}' is not grpc or http/protobuf"),
        };
        return new OtlpEnvironment(endpoint, traces, metrics, logs, protocol, variable("OTEL_EXPORTER_OTLP_HEADERS"));

        Uri? Endpoint(string name) => variable(name) is { Length: > 0 } value
            ? Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new ArgumentException($"{name}: '{value}' is not an absolute http(s) URI")
            : null;
    }

    /// <summary>Whether traces are exported.</summary>
    public bool ExportsTraces => TracesEndpoint is not null || Endpoint is not null;

    /// <summary>Whether metrics are exported.</summary>
    public bool ExportsMetrics => MetricsEndpoint is not null || Endpoint is not null;

    /// <summary>Whether logs are exported.</summary>
    public bool ExportsLogs => LogsEndpoint is not null || Endpoint is not null;

    /// <summary>Configures one signal's exporter: the signal's own endpoint as given, else the base endpoint plus the signal path for http/protobuf.</summary>
    /// <param name="options">The exporter's options.</param>
    /// <param name="signal">traces, metrics or logs.</param>
    public void Configure(OtlpExporterOptions options, string signal)
    {
        ArgumentNullException.ThrowIfNull(options);
        var specific = signal switch
        {
            "traces" => TracesEndpoint,
            "metrics" => MetricsEndpoint,
            "logs" => LogsEndpoint,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "traces, metrics or logs"),
        };
        options.Protocol = Protocol;

        // The SDK appends /v1/{signal} only to an endpoint it read from the environment itself; set in code, the
        // endpoint is used as is, so the spec's rule is applied here.
        options.Endpoint = specific ?? (Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint!.AbsoluteUri.TrimEnd('/') + "/v1/" + signal)
            : Endpoint!);
        if (Headers is not null)
        {
            options.Headers = Headers;
        }
    }
}
