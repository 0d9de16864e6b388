using System.Text;
using System.Text.Json;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Validation;

namespace MockGen.Ai.Tests.Support;

/// <summary>The CLI's flow without the CLI: plan, enrich through a gateway, generate through the gate, to NDJSON bytes.</summary>
internal static class EnrichedGeneration
{
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    public static Task<Contract> LoadSampleAsync() => new ContractLoader().LoadAsync(SamplePath);

    public static GenerationOptions Options(long count = 12) => new() { Seed = "1", Count = count, Variants = [GenerationVariant.Typical, GenerationVariant.Maximal] };

    public static async Task<(byte[] Ndjson, EnrichmentRun Run)> RunAsync(Contract contract, IModelGateway gateway, EnrichmentSettings settings, long count = 12)
    {
        var options = Options(count);
        var plans = new DatasetGenerator(options).PlanEnrichment(contract);
        var run = await new ValueEnricher(gateway, settings).EnrichAsync(plans, new EnrichmentContext(contract.Version, options.Seed, options.Tenant, options.Locale));
        options.Enrichment = run.Pools;
        return (Generate(contract, options), run);
    }

    public static byte[] Generate(Contract contract, GenerationOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(options).Generate(contract, null, writer);
            writer.Complete();
        }

        return stream.ToArray();
    }

    public static IEnumerable<JsonElement> Records(byte[] ndjson) =>
        Encoding.UTF8.GetString(ndjson).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone());

    /// <summary>Re-validates every written payload against its original target (the gate's verdict, checked from outside).</summary>
    public static void AssertEveryPayloadValid(Contract contract, byte[] ndjson)
    {
        var count = 0;
        foreach (var record in Records(ndjson))
        {
            var target = contract.GetTarget(record.GetProperty("meta").GetProperty("target").GetString()!);
            var result = contract.Schemas.Validate(target.SchemaUri, record.GetProperty("payload"), new ValidationOptions { Direction = target.Direction });
            Assert.True(result.IsValid, target.Id + ": " + result);
            count++;
        }

        Assert.True(count > 0);
    }

    /// <summary>Every string leaf of every payload, depth first.</summary>
    public static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
