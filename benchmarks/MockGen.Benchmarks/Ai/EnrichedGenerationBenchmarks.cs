using BenchmarkDotNet.Attributes;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Output;

namespace MockGen.Benchmarks.Ai;

/// <summary>
/// Replay throughput: a whole dataset of the sample with and without enrichment pools (what a replayed cassette
/// hands the generator), so the "within 20% of deterministic generation" can be read off the two means.
/// The cassette read itself happens once per run, before generation, and is not part of this loop.
/// </summary>
[MemoryDiagnoser]
public class EnrichedGenerationBenchmarks
{
    private Contract _contract = null!;
    private GenerationOptions _options = null!;

    [Params(false, true)]
    public bool Enriched { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _contract = new ContractLoader().Load("payments-api.yaml", File.ReadAllBytes(SamplePath()));
        _options = new GenerationOptions { Seed = "1", Count = 200 };
        if (Enriched)
        {
            var ai = new PayloadAiMeta("gpt-4o-mini", "gpt-4o-2024-08-06", "sha256:" + new string('1', 64), "sha256:" + new string('2', 64));
            IReadOnlyList<string> values = ["order-84213", "web-checkout", "spring-sale-2025", "loyalty-gold", "mobile-app-ios", "gift-card"];
            var plans = new DatasetGenerator(_options).PlanEnrichment(_contract);
            _options.Enrichment = new EnrichmentPools(plans.Select(p => new TargetEnrichment(p.TargetId, ai, p.Fields.Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Path, values)))));
        }
    }

    [Benchmark]
    public long Dataset()
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(_options).Generate(_contract, null, writer);
            writer.Complete();
        }

        return stream.Length;
    }

    private static string SamplePath()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "samples", "payments-api.yaml")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory ?? ".", "samples", "payments-api.yaml");
    }
}
