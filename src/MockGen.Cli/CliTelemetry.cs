using System.Diagnostics;
using MockGen.Core.Telemetry;
using MockGen.Service.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MockGen.Cli;

/// <summary>
/// Telemetry of one <c>mockgen</c> command (all but <c>serve</c>, which wires its own): when the standard
/// <c>OTEL_EXPORTER_OTLP_*</c> variables name an endpoint, MockGen's spans and metrics are exported over OTLP and
/// flushed before the process exits; otherwise nothing listens and the command only prints its summary.
/// </summary>
internal sealed class CliTelemetry : IDisposable
{
    /// <summary>The <c>service.name</c> resource attribute (OTEL_SERVICE_NAME overrides it).</summary>
    public const string ServiceName = "mockgen-cli";

    private readonly TracerProvider? _tracing;
    private readonly MeterProvider? _metrics;

    private CliTelemetry(TracerProvider? tracing, MeterProvider? metrics)
    {
        _tracing = tracing;
        _metrics = metrics;
    }

    /// <summary>Reads the OTLP variables; a malformed one is bad input (exit 2) naming the variable.</summary>
    /// <exception cref="CliException">A variable is malformed.</exception>
    public static OtlpEnvironment? ReadOtlp(Func<string, string?> variable)
    {
        try
        {
            return OtlpEnvironment.Read(variable);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>Starts exporting when <paramref name="otlp"/> is set; null otherwise.</summary>
    public static CliTelemetry? Start(OtlpEnvironment? otlp)
    {
        if (otlp is null)
        {
            return null;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(ServiceName);
        var tracing = otlp.ExportsTraces
            ? Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(MockGenTelemetry.Name).AddOtlpExporter(o => otlp.Configure(o, "traces")).Build()
            : null;
        var metrics = otlp.ExportsMetrics
            ? Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(MockGenTelemetry.Name).AddOtlpExporter(o => otlp.Configure(o, "metrics")).Build()
            : null;
        return new CliTelemetry(tracing, metrics);
    }

    /// <summary>The root span of one command: every run, generation and validation pass of it is a child.</summary>
    public static Activity? StartCommand(string command)
    {
        var activity = MockGenTelemetry.ActivitySource.StartActivity(SpanNames.Cli);
        activity?.SetTag(TelemetryTags.Command, command);
        return activity;
    }

    /// <summary>Flushes and stops the exporters (metrics are exported once more on the way out).</summary>
    public void Dispose()
    {
        _tracing?.Dispose();
        _metrics?.Dispose();
    }
}
