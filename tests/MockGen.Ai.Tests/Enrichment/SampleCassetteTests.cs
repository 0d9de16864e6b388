using System.Runtime.CompilerServices;
using System.Text.Json;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Measurement;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Generation;
using MockGen.Testing.FakeAzureOpenAI;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MockGen.Ai.Tests.Enrichment;

/// <summary>
/// The cassette committed under <c>samples/ai-store</c>, so a newcomer runs an enriched generation of the sample
/// offline. It was recorded through the real client and cassette path against the loopback fake, whose answers are
/// the scripted pools below (no Azure OpenAI account is reachable where it was made). Re-record it after changing
/// the prompt, the planner or the sample: <c>MOCKGEN_WRITE_SAMPLE_CASSETTE=1 dotnet test --filter SampleCassette</c>.
/// </summary>
public sealed class SampleCassetteTests(ITestOutputHelper output)
{
    // Realistic pools per field path, as a model would answer the built-in prompt for the sample.
    private static readonly Dictionary<string, string[]> Script = new(StringComparer.Ordinal)
    {
        ["/metadata/*"] = ["order-84213", "web-checkout", "spring-sale-2025", "loyalty-gold", "mobile-app-ios", "subscription-renewal",
            "gift-card", "referral-partner-17", "INV-2025-00412", "store-berlin-mitte", "priority-shipping", "b2b-wholesale"],
        ["/data/*/metadata/*"] = ["order-51877", "pos-terminal-3", "black-friday", "loyalty-silver", "android-app", "first-purchase",
            "marketplace-seller-88", "INV-2025-01907", "call-center", "store-lyon-part-dieu", "express-delivery", "trial-conversion"],
        ["/detail"] = ["The amount must be greater than zero.", "Currency XYZ is not a supported ISO 4217 code.",
            "No payment with this id exists for the tenant.", "The card was declined by the issuer.", "A refund cannot exceed the captured amount.",
            "The idempotency key was already used with a different request body.", "The customer email address is missing.",
            "The billing address country must be a two-letter ISO 3166 code.", "The payment has already been captured.",
            "Too many requests; retry after a few seconds.", "The statement descriptor may contain at most 22 characters.",
            "This payment method type is not enabled for the account."],
        ["/next_cursor"] = ["eyJpZCI6IjAwMTIzIn0", "cursor_9f8e7d6c5b4a3921", "c2VxPTQyJmxpbWl0PTIw", "pg_20250314_000187", "eyJhZnRlciI6IjQ1NiJ9",
            "cursor_1a2b3c4d5e6f7a8b", "c2VxPTg0JmxpbWl0PTIw", "pg_20250602_004411", "eyJhZnRlciI6Ijc4OSJ9", "cursor_0f1e2d3c4b5a6978",
            "c2VxPTEyNiZsaW1pdD0yMA", "pg_20251120_010233"],
    };

    private static readonly DateTimeOffset RecordedAt = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SampleCassette_IsWhatItsScriptRecords()
    {
        using var store = new TempStore();
        await using var fake = await FakeAzureOpenAIServer.StartAsync();
        fake.Responder = Answer;
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var gateway = AiGateways.Build(CassetteMode.Record, store.Cassettes, null, new() { Endpoint = fake.Endpoint, ApiKey = fake.ApiKey }, clock: new FakeTimeProvider(RecordedAt));

        // The CLI's defaults, so the stored plans are the ones `mockgen generate` looks up.
        var planning = await new EnrichmentPlanner(new PlanStore(store.Store.Blobs), CassetteMode.Record, null).PlanAsync(new DatasetGenerator(new GenerationOptions()), contract, contract.Targets);
        var run = await new ValueEnricher(gateway, CliDefaults()).EnrichAsync(planning.Plans, new EnrichmentContext(contract.Version, "0", null, "en"));

        Assert.Equal(run.Report.Exchanges.Count, run.Report.Accepted);
        Assert.Equal(contract.Targets.Count, planning.Probed);
        var recorded = Path.Combine(store.Root, CassetteStore.Container, CassetteStore.NoTenant);
        var committed = Path.Combine(RepoRoot(), "samples", "ai-store", CassetteStore.Container, CassetteStore.NoTenant);
        if (Environment.GetEnvironmentVariable("MOCKGEN_WRITE_SAMPLE_CASSETTE") == "1")
        {
            if (Directory.Exists(committed))
            {
                Directory.Delete(committed, recursive: true);
            }

            foreach (var folder in (string[])["", PlanStore.Folder])
            {
                Directory.CreateDirectory(Path.Combine(committed, folder));
                foreach (var file in Directory.GetFiles(Path.Combine(recorded, folder)))
                {
                    File.Copy(file, Path.Combine(committed, folder, Path.GetFileName(file)));
                }
            }
        }

        // The answers, then the plans stored beside them.
        foreach (var folder in (string[])["", PlanStore.Folder])
        {
            Assert.Equal(Names(Path.Combine(recorded, folder)), Names(Path.Combine(committed, folder)));
            foreach (var name in Names(Path.Combine(recorded, folder)))
            {
                Assert.Equal(File.ReadAllText(Path.Combine(recorded, folder, name)), File.ReadAllText(Path.Combine(committed, folder, name)));
            }
        }
    }

    [Fact]
    public async Task SampleCassette_StoredPlans_AreTheProbedPlans_SoReplayProbesNoTarget()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var blobs = MockGen.Storage.Stores.PipelineStore.LocalFolder(Path.Combine(RepoRoot(), "samples", "ai-store")).Blobs;
        var generator = new DatasetGenerator(new GenerationOptions { Count = 50, Seed = "7" });

        var replay = await new EnrichmentPlanner(new PlanStore(blobs), CassetteMode.Replay, null).PlanAsync(generator, contract, contract.Targets);
        var probed = generator.PlanEnrichment(contract);

        // Seed and count are not part of a plan: one stored plan serves every run of the CLI's defaults.
        Assert.Equal((0, contract.Targets.Count), (replay.Probed, replay.Stored));
        Assert.Equal(JsonSerializer.Serialize(probed), JsonSerializer.Serialize(replay.Plans));
    }

    [Fact]
    public async Task SampleCassette_ReplaysOffline_AndCutsRandomLetterNoise()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var store = new CassetteStore(MockGen.Storage.Stores.PipelineStore.LocalFolder(Path.Combine(RepoRoot(), "samples", "ai-store")).Blobs);
        var options = new GenerationOptions { Count = 50, Variants = [GenerationVariant.Typical] };
        var deterministic = EnrichedGeneration.Generate(contract, options);

        var run = await new ValueEnricher(AiGateways.Build(CassetteMode.Replay, store, null, null), CliDefaults()).EnrichAsync(
            new DatasetGenerator(options).PlanEnrichment(contract), new EnrichmentContext(contract.Version, options.Seed, null, options.Locale));
        options.Enrichment = run.Pools;
        var enriched = EnrichedGeneration.Generate(contract, options);

        EnrichedGeneration.AssertEveryPayloadValid(contract, enriched);
        var before = NoiseShare(deterministic);
        var after = NoiseShare(enriched);
        output.WriteLine($"random-letter noise among string leaves: deterministic {before:P1}, enriched {after:P1}; tokens {run.Report.PromptTokens}+{run.Report.CompletionTokens}");
        Assert.True(after < before / 2, $"noise deterministic {before:P1}, enriched {after:P1}");
    }

    private static double NoiseShare(byte[] ndjson) =>
        RandomLetterNoise.Share(EnrichedGeneration.Records(ndjson).SelectMany(r => EnrichedGeneration.Strings(r.GetProperty("payload"))));

    // The built-in defaults `mockgen generate --ai enrich --ai-deployment gpt-4o-mini` runs with.
    private static EnrichmentSettings CliDefaults() => new() { Deployment = "gpt-4o-mini" };

    private static FakeResponse Answer(FakeChatRequest request)
    {
        var properties = request.Schema!.Value.GetProperty("properties");
        var answer = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in properties.EnumerateObject())
        {
            var description = field.Value.GetProperty("description").GetString()!;
            var path = description[(description.IndexOf(" values for ", StringComparison.Ordinal) + 12)..].Split(',')[0];
            answer[field.Name] = Script.TryGetValue(path, out var values) ? values : [];
        }

        return FakeResponse.Content(JsonSerializer.Serialize(answer));
    }

    private static List<string> Names(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    private static string RepoRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
