using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MockGen.Benchmarks.Generation;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MockGen.Benchmarks.Telemetry;

/// <summary>
/// Issue 11: what telemetry costs generation. The same <see cref="DatasetGenerator.Generate"/> call (the payments
/// sample's Payment and Refund targets, typical and negative, realism and the gate on, written as NDJSON to a null
/// stream) with nothing listening (the baseline) and with the OpenTelemetry SDK collecting MockGen's meter and
/// source into in-memory exporters, every span sampled. The budget is a ratio under 1.05.
/// </summary>
[MemoryDiagnoser]
public class TelemetryOverheadBenchmarks
{
    private const int Count = 200;

    private DatasetGenerator _generator = null!;
    private Contract _contract = null!;
    private IReadOnlyList<ContractTarget> _targets = [];
    private MeterProvider? _meters;
    private TracerProvider? _tracer;
    private readonly List<Metric> _metrics = [];
    private readonly List<Activity> _spans = [];

    [GlobalSetup(Target = nameof(NoListener))]
    public void SetupNoListener() => Load();

    [GlobalSetup(Target = nameof(InMemoryExporter))]
    public void SetupInMemory()
    {
        Load();

        // Each benchmark case runs in its own process, so these providers never listen to the baseline.
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(MockGenTelemetry.Name).AddInMemoryExporter(_metrics).Build();
        _tracer = Sdk.CreateTracerProviderBuilder().AddSource(MockGenTelemetry.Name).SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(_spans).Build();
        using var activity = MockGenTelemetry.ActivitySource.StartActivity("warm-up");
        if (activity is null)
        {
            throw new InvalidOperationException("the in-memory tracer does not listen");
        }
    }

    /// <summary>One dataset of 2 targets × 2 variants × 200 payloads, nobody listening.</summary>
    [Benchmark(Baseline = true)]
    public long NoListener() => Generate();

    /// <summary>The same dataset with MockGen's meter and source exported in memory.</summary>
    [Benchmark]
    public long InMemoryExporter()
    {
        var generated = Generate();

        // Keep the exported spans bounded over many iterations.
        _spans.Clear();
        return generated;
    }

    private void Load()
    {
        _contract = new ContractLoader().Load("payments-api.yaml", File.ReadAllBytes(GenerationBenchmarks.SamplePath()));
        _targets = [_contract.GetTarget("#/components/schemas/Payment"), _contract.GetTarget("#/components/schemas/Refund")];
        _generator = new DatasetGenerator(new GenerationOptions { Count = Count, Variants = [GenerationVariant.Typical, GenerationVariant.Negative], Tenant = "bench", Seed = "bench" });
    }

    private long Generate()
    {
        using var writer = new DatasetWriter(Stream.Null, OutputFormat.Ndjson);
        var summaries = _generator.Generate(_contract, _targets, writer);
        writer.Complete();
        return summaries.Sum(s => s.Generated);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tracer?.Dispose();
        _meters?.Dispose();
    }
}
