using System.Diagnostics;
using MockGen.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MockGen.Core.Tests.Telemetry;

/// <summary>
/// The OpenTelemetry SDK with in-memory exporters, listening to MockGen's meter and source the way a host does.
/// Listeners are process-wide and tests run in parallel, so a capture owns one tenant: metric points are read for
/// that tenant only, and only traces whose root span carries it are sampled (others' spans are never created, so no
/// other test's manifest gets a trace id).
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly string _tenant;
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly MeterProvider _meters;
    private readonly TracerProvider _tracer;

    public TelemetryCapture(string tenant)
    {
        _tenant = tenant;
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(MockGenTelemetry.Name).AddInMemoryExporter(_metrics).Build();
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(MockGenTelemetry.Name)
            .SetSampler(new ParentBasedSampler(new TenantSampler(tenant)))
            .AddInMemoryExporter(Spans)
            .Build();
    }

    /// <summary>Finished spans of this tenant's traces, in the order they ended.</summary>
    public List<Activity> Spans { get; } = [];

    /// <summary>The sum (counters) or count (histograms) of an instrument's points for this tenant that carry every given tag.</summary>
    public double Sum(string instrument, params (string Tag, object Value)[] filter) => Total(Points(instrument, filter, ownTenantOnly: true));

    /// <summary>
    /// Like <see cref="Sum"/>, for instruments without a tenant tag (<c>mockgen.http.requests</c>): every process's
    /// point counts, so only a test that runs alone (a non-parallel collection) may expect exact values.
    /// </summary>
    public double SumUntenanted(string instrument, params (string Tag, object Value)[] filter) => Total(Points(instrument, filter, ownTenantOnly: false));

    /// <summary>The distinct values of one tag among an instrument's points for this tenant.</summary>
    public IReadOnlyList<string> TagValues(string instrument, string tag) =>
        [.. Points(instrument, [], ownTenantOnly: true).Select(p => Tag(p.Point, tag)?.ToString() ?? string.Empty).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Like <see cref="TagValues"/>, over every test's points (for instruments without a tenant tag).</summary>
    public IReadOnlyList<string> TagValuesUntenanted(string instrument, string tag) =>
        [.. Points(instrument, [], ownTenantOnly: false).Select(p => Tag(p.Point, tag)?.ToString() ?? string.Empty).Distinct().Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        _tracer.Dispose();
        _meters.Dispose();
    }

    private List<(MetricType Type, MetricPoint Point)> Points(string instrument, (string Tag, object Value)[] filter, bool ownTenantOnly)
    {
        // Cumulative temporality: the latest export holds every point's total.
        _metrics.Clear();
        _meters.ForceFlush();
        var found = new List<(MetricType, MetricPoint)>();
        foreach (var metric in _metrics.Where(m => m.Name == instrument))
        {
            foreach (var point in metric.MetricPoints)
            {
                if ((!ownTenantOnly || Equals(Tag(point, TelemetryTags.Tenant), _tenant)) && filter.All(f => Equals(Tag(point, f.Tag), f.Value)))
                {
                    found.Add((metric.MetricType, point));
                }
            }
        }

        return found;
    }

    private static double Total(List<(MetricType Type, MetricPoint Point)> points)
    {
        double total = 0;
        foreach (var point in points)
        {
            total += point.Type switch
            {
                MetricType.LongSum or MetricType.LongSumNonMonotonic => point.Point.GetSumLong(),
                MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.Point.GetSumDouble(),
                MetricType.Histogram => point.Point.GetHistogramCount(),
                _ => throw new InvalidOperationException("not summed here: " + point.Type),
            };
        }

        return total;
    }

    private static object? Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }

    /// <summary>Samples a root span only when it is created with this tenant's tag; children follow their parent.</summary>
    private sealed class TenantSampler(string tenant) : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            foreach (var tag in samplingParameters.Tags ?? [])
            {
                if (tag.Key == TelemetryTags.Tenant && Equals(tag.Value, tenant))
                {
                    return new SamplingResult(SamplingDecision.RecordAndSample);
                }
            }

            return new SamplingResult(SamplingDecision.Drop);
        }
    }
}
