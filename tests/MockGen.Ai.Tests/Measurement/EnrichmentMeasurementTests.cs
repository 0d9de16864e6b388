using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Measurement;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Storage.Stores;
using MockGen.Testing.FakeAzureOpenAI;
using Xunit.Abstractions;

namespace MockGen.Ai.Tests.Measurement;

/// <summary>
/// The "measure and report", enriched against deterministic, with the loopback fake's answers standing in for
/// the model (no Azure OpenAI account is reachable here): random-letter noise among string leaves, gate acceptance
/// (first candidates the gate passed), repairs per payload (edge proposals), tokens and estimated cost per 1,000 payloads,
/// and that a replay from the recorded cassette with the fake stopped gives the same bytes. The sample always runs and
/// asserts; a large contract runs when <c>MOCKGEN_MEASURE_CONTRACT</c> names it (README "Measured"), and
/// <c>MOCKGEN_MEASURE_STORE</c> keeps the recorded cassette for the replay benchmark.
/// </summary>
public sealed class EnrichmentMeasurementTests(ITestOutputHelper output)
{
    /// <summary>gpt-4o-mini list prices (USD per 1,000 tokens: 0.15 and 0.60 per million), the profile's cost table.</summary>
    private static readonly AiCostTable Gpt4oMini = new(0.00015m, 0.0006m);

    [Fact]
    public async Task Measure_Sample_EnrichedHasLessNoise_EveryPayloadValid_ReplayIdentical()
    {
        var report = await MeasureAsync(await EnrichedGeneration.LoadSampleAsync(), count: 50, keep: null);

        output.WriteLine(report.Text);
        Assert.True(report.NoiseEnriched < report.NoiseDeterministic, report.Text);
        Assert.True(report.Exchanges > 0, report.Text);
    }

    [Fact]
    public async Task Measure_LargeContract_WhenMOCKGEN_MEASURE_CONTRACTIsSet()
    {
        if (Environment.GetEnvironmentVariable("MOCKGEN_MEASURE_CONTRACT") is not { Length: > 0 } path)
        {
            output.WriteLine("MOCKGEN_MEASURE_CONTRACT is not set: nothing to measure (the sample case always runs)");
            return;
        }

        var count = int.Parse(Environment.GetEnvironmentVariable("MOCKGEN_MEASURE_COUNT") ?? "10", CultureInfo.InvariantCulture);
        var report = await MeasureAsync(await new ContractLoader().LoadAsync(path), count, Environment.GetEnvironmentVariable("MOCKGEN_MEASURE_STORE"));
        output.WriteLine(report.Text);
        if (Environment.GetEnvironmentVariable("MOCKGEN_MEASURE_OUT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report.Text);
        }

        Assert.True(report.NoiseEnriched <= report.NoiseDeterministic, report.Text);
    }

    private static async Task<Measured> MeasureAsync(Contract contract, int count, string? keep)
    {
        using var temp = new TempStore();
        var store = keep is null ? temp.Store : PipelineStore.LocalFolder(keep);
        var cassettes = new CassetteStore(store.Blobs);
        var planStore = new PlanStore(store.Blobs);
        var settings = new EnrichmentSettings { Deployment = "gpt-4o-mini", Cost = Gpt4oMini };
        var typical = new GenerationOptions { Seed = "1", Count = count, Variants = [GenerationVariant.Typical] };

        var deterministic = Generate(contract, typical, out var plainRuns);
        var targets = contract.Targets.ToList();
        // Record probes every target once and stores its plan next to the cassette.
        var recordPlanning = await new EnrichmentPlanner(planStore, CassetteMode.Record, null).PlanAsync(new DatasetGenerator(typical), contract, targets);
        var plans = recordPlanning.Plans;
        var context = new EnrichmentContext(contract.Version, typical.Seed, null, typical.Locale);

        await using var fake = await FakeAzureOpenAIServer.StartAsync();
        var live = new MockGen.Ai.Gateway.AzureOpenAIGatewayOptions { Endpoint = fake.Endpoint, ApiKey = fake.ApiKey, Retry = new MockGen.Ai.Gateway.ModelRetryOptions { MaxAttempts = 2 } };
        // A circuit that never opens: a measurement asks every target, whatever the previous answers were.
        var recordGateway = AiGateways.Build(CassetteMode.Record, cassettes, null, live, circuitThreshold: int.MaxValue);
        var values = await new ValueEnricher(recordGateway, settings).EnrichAsync(plans, context);
        var edges = await new EdgeCaseProposer(recordGateway, settings).ProposeAsync(contract, targets, context);
        await fake.StopAsync();

        var enrichedOptions = new GenerationOptions { Seed = "1", Count = count, Variants = [GenerationVariant.Typical], Enrichment = values.Pools };
        var enriched = Generate(contract, enrichedOptions, out var enrichedRuns);
        var edgeOptions = new GenerationOptions { Seed = "1", Count = settings.EdgeCount, Variants = [GenerationVariant.Edge], Enrichment = edges.Pools };
        var edged = Generate(contract, edgeOptions, out var edgeRuns);

        // Replay with the fake stopped: the stored plans instead of probing (no target probed again), the same
        // plans, the same pools, so the same bytes.
        var replayPlanning = await new EnrichmentPlanner(planStore, CassetteMode.Replay, null).PlanAsync(new DatasetGenerator(typical), contract, targets);
        Assert.Equal((targets.Count, 0), (recordPlanning.Probed, recordPlanning.Stored));
        Assert.Equal((0, targets.Count), (replayPlanning.Probed, replayPlanning.Stored));
        Assert.Equal(JsonSerializer.Serialize(plans), JsonSerializer.Serialize(replayPlanning.Plans));
        var replayGateway = AiGateways.Build(CassetteMode.Replay, cassettes, null, null, circuitThreshold: int.MaxValue);
        var replayed = await new ValueEnricher(replayGateway, settings).EnrichAsync(replayPlanning.Plans, context);
        Assert.Equal(enriched, Generate(contract, new GenerationOptions { Seed = "1", Count = count, Variants = [GenerationVariant.Typical], Enrichment = replayed.Pools }, out _));

        AssertEveryPayloadValid(contract, enriched);
        AssertEveryPayloadValid(contract, edged);
        return Measured.From(contract, count, deterministic, plainRuns, enriched, enrichedRuns, edgeRuns, values.Report, edges.Report, plans.Sum(p => p.Fields.Count));
    }

    /// <summary>Every payload record validates against its original target (error records, the indexes the gate never passed, carry no payload).</summary>
    private static void AssertEveryPayloadValid(Contract contract, byte[] ndjson)
    {
        foreach (var record in EnrichedGeneration.Records(ndjson))
        {
            if (record.TryGetProperty("payload", out var payload))
            {
                var target = contract.GetTarget(record.GetProperty("meta").GetProperty("target").GetString()!);
                var result = contract.Schemas.Validate(target.SchemaUri, payload, new Core.Validation.ValidationOptions { Direction = target.Direction });
                Assert.True(result.IsValid, target.Id + ": " + result);
            }
        }
    }

    private static byte[] Generate(Contract contract, GenerationOptions options, out IReadOnlyList<TargetRunSummary> runs)
    {
        using var stream = new MemoryStream();
        using (var writer = new Core.Generation.Output.DatasetWriter(stream, Core.Generation.Output.OutputFormat.Ndjson))
        {
            runs = new DatasetGenerator(options).Generate(contract, null, writer);
            writer.Complete();
        }

        return stream.ToArray();
    }

    private sealed record Measured(double NoiseDeterministic, double NoiseEnriched, int Exchanges, string Text)
    {
        public static Measured From(Contract contract, int count, byte[] deterministic, IReadOnlyList<TargetRunSummary> plainRuns, byte[] enriched, IReadOnlyList<TargetRunSummary> enrichedRuns, IReadOnlyList<TargetRunSummary> edgeRuns, EnrichmentReport values, EnrichmentReport edges, int fields)
        {
            var ic = CultureInfo.InvariantCulture;
            var plainStrings = Strings(deterministic);
            var enrichedStrings = Strings(enriched);
            var noiseBefore = RandomLetterNoise.Share(plainStrings);
            var noiseAfter = RandomLetterNoise.Share(enrichedStrings);
            var payloads = enrichedRuns.Sum(r => r.Generated);
            var edgePayloads = edgeRuns.Sum(r => r.Generated);
            var proposed = edgeRuns.Sum(r => r.ProposalsAccepted + r.ProposalsRepaired + r.ProposalsRejected);
            var text = new StringBuilder();
            text.AppendLine(string.Create(ic, $"contract {contract.Name}: {contract.Targets.Count} targets, {fields} free string field(s) planned for enrichment; typical x {count}"));
            text.AppendLine(string.Create(ic, $"random-letter noise among string leaves: deterministic {noiseBefore:P2} of {plainStrings.Count}, enriched {noiseAfter:P2} of {enrichedStrings.Count}"));
            text.AppendLine(string.Create(ic, $"gate acceptance of first candidates: deterministic {Acceptance(plainRuns):P2}, enriched {Acceptance(enrichedRuns):P2} ({payloads} payloads, {enrichedRuns.Sum(r => r.Failed)} failed)"));
            text.AppendLine(string.Create(ic, $"value pools: {values.Exchanges.Count} request(s): {values.Accepted} accepted, {values.Repaired} repaired, {values.Rejected} rejected, {values.Skipped} skipped; values {values.ValuesKept} kept, {values.ValuesDropped} dropped"));
            text.AppendLine(string.Create(ic, $"edge: {edges.Exchanges.Count} request(s), {proposed} proposal(s) used: {edgeRuns.Sum(r => r.ProposalsAccepted)} accepted as proposed, {edgeRuns.Sum(r => r.ProposalsRepaired)} repaired, {edgeRuns.Sum(r => r.ProposalsRejected)} rejected; {Per(edgeRuns.Sum(r => r.ProposalValuesRegenerated), proposed):0.00} value(s) regenerated per proposal ({edgePayloads} edge payloads)"));
            text.AppendLine(string.Create(ic, $"tokens: pools {values.PromptTokens} in + {values.CompletionTokens} out (one preparation per target, any count), edge {edges.PromptTokens} + {edges.CompletionTokens}"));
            text.AppendLine(string.Create(ic, $"per 1,000 typical payloads at {count} per target: {Per(values.PromptTokens + values.CompletionTokens, payloads) * 1000:0} tokens, estimated {Per(values.EstimatedCost, payloads) * 1000:0.#####} USD (gpt-4o-mini list prices)"));
            text.AppendLine(string.Create(ic, $"per 1,000 edge payloads: {Per(edges.PromptTokens + edges.CompletionTokens, edgePayloads) * 1000:0} tokens, estimated {Per(edges.EstimatedCost, edgePayloads) * 1000:0.#####} USD"));
            return new Measured(noiseBefore, noiseAfter, values.Exchanges.Count, text.ToString());
        }

        private static List<string> Strings(byte[] ndjson) =>
            [.. EnrichedGeneration.Records(ndjson).Where(r => r.TryGetProperty("payload", out _)).SelectMany(r => EnrichedGeneration.Strings(r.GetProperty("payload")))];

        private static double Acceptance(IReadOnlyList<TargetRunSummary> runs)
        {
            var generated = runs.Sum(r => r.Generated);
            return generated + runs.Sum(r => r.Retries) == 0 ? 0 : (double)generated / (generated + runs.Sum(r => r.Retries));
        }

        private static double Per(long value, long over) => over == 0 ? 0 : (double)value / over;

        private static decimal Per(decimal value, long over) => over == 0 ? 0 : value / over;
    }
}
