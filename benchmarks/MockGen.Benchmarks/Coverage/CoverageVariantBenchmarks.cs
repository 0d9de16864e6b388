using BenchmarkDotNet.Attributes;
using MockGen.Benchmarks.Generation;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Benchmarks.Coverage;

/// <summary>
/// Issue 11: what the coverage variant costs. It draws up to 8 rounds × 8 candidates from each of four variants
/// and breaks one valid payload per round once per breakable constraint, gating all of them, to keep a few. The
/// baseline is typical at 64 payloads per target (one source variant's whole pool); the second case generates all
/// five variants at 64 each (about the candidate pool, written). Payments sample, Payment and Refund targets,
/// NDJSON to a null stream, one thread.
/// </summary>
[MemoryDiagnoser]
public class CoverageVariantBenchmarks
{
    private const int Count = 64;

    private Contract _contract = null!;
    private IReadOnlyList<ContractTarget> _targets = [];

    [GlobalSetup]
    public void Setup()
    {
        _contract = new ContractLoader().Load("payments-api.yaml", File.ReadAllBytes(GenerationBenchmarks.SamplePath()));
        _targets = [_contract.GetTarget("#/components/schemas/Payment"), _contract.GetTarget("#/components/schemas/Refund")];
    }

    /// <summary>Typical, 64 payloads per target.</summary>
    [Benchmark(Baseline = true)]
    public long Typical64() => Generate([GenerationVariant.Typical]);

    /// <summary>typical, minimal, maximal, boundary and negative, 64 payloads each per target.</summary>
    [Benchmark]
    public long AllFive64() => Generate(GenerationVariantNames.All);

    /// <summary>The coverage variant: as many payloads as its greedy cover keeps.</summary>
    [Benchmark]
    public long Coverage() => Generate([GenerationVariant.Coverage]);

    private long Generate(IReadOnlyList<GenerationVariant> variants)
    {
        var generator = new DatasetGenerator(new GenerationOptions { Count = Count, Variants = variants, Tenant = "bench", Seed = "bench" });
        using var writer = new DatasetWriter(Stream.Null, OutputFormat.Ndjson);
        var summaries = generator.Generate(_contract, _targets, writer);
        writer.Complete();
        return summaries.Sum(s => s.Generated);
    }
}
