using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MockGen.Core.Telemetry;
using MockGen.Service.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MockGen.Service.Telemetry;

/// <summary>
/// The OpenTelemetry wiring of <c>mockgen serve</c>: MockGen's meter is always collected for Prometheus text at
/// <see cref="MetricsPath"/>; traces, metrics and logs also go over OTLP when <see cref="ServeOptions.Otlp"/> is set
/// (from the standard <c>OTEL_EXPORTER_OTLP_*</c> variables). Traces are collected only when exported, so a run
/// traced nowhere writes no trace id and keeps its manifest bytes.
/// </summary>
public static class ServeTelemetry
{
    /// <summary>Where Prometheus scrapes: <c>/metrics</c>.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The <c>service.name</c> resource attribute (OTEL_SERVICE_NAME overrides it).</summary>
    public const string ServiceName = "mockgen-serve";

    /// <summary>Registers logging format, meters, tracing and exporters.</summary>
    internal static void Add(WebApplicationBuilder builder, ServeOptions options)
    {
        // Every log line written inside a span carries its TraceId and SpanId (as scopes), so a failing payload's
        // run id, its trace and its log lines join up.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (options.LogFormat == ServeLogFormat.Json)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var otlp = options.Otlp;
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(MockGenTelemetry.Name).AddPrometheusExporter();
            if (otlp is { ExportsMetrics: true })
            {
                metrics.AddOtlpExporter(o => otlp.Configure(o, "metrics"));
            }
        });
        if (otlp is { ExportsTraces: true })
        {
            telemetry.WithTracing(tracing => tracing.AddSource(MockGenTelemetry.Name).AddOtlpExporter(o => otlp.Configure(o, "traces")));
        }

        if (otlp is { ExportsLogs: true })
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => otlp.Configure(o, "logs")));
        }
    }

    /// <summary>Adds the request counter (first, so it sees final status codes) and the scraping endpoint.</summary>
    internal static void Use(WebApplication app)
    {
        app.Use(HttpRequestMetrics.InvokeAsync);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
    }
}
