using System.Text;
using System.Text.Json;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Gateway;
using MockGen.Ai.Pipeline;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Contracts;
using MockGen.Core.Validation;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Prompts;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Ai.Tests.Pipeline;

/// <summary>Pipeline runs enriched from the tenant profile, against a real Azurite and the loopback fake.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AiShardEnricherTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Profile = """
        {"variants":["typical","edge"],"countPerTarget":6,"shardSize":4,"seed":"5",
         "ai":{"enabled":true,"deployments":["gpt-4o-mini"],"edgeCount":3,"cost":{"promptPer1K":0.15,"completionPer1K":0.6}}}
        """;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private FakeAzureOpenAIServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeAzureOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Run_RecordThenReplayWithTheFakeStopped_SameDatasetEnrichedAndGated()
    {
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        var tenant = TestStores.Unique("aipipe");
        var record = Pipeline(store, new AiShardEnricherOptions { Mode = CassetteMode.Record, Live = Live() });
        var spec = await RegisterAsync(record, tenant, Profile, "rec");

        var recorded = await record.Runner.RunAsync(spec);
        var sent = _fake.Requests.Count;
        await _fake.StopAsync();
        var replay = Pipeline(store, new AiShardEnricherOptions());
        var replayed = await replay.Runner.RunAsync(spec with { RunId = "rep" });

        Assert.Equal(RunStatus.Completed, recorded.Status);
        Assert.Equal(RunStatus.Completed, replayed.Status);
        Assert.True(sent > 0);
        Assert.Equal(sent, _fake.Requests.Count);
        var recordedLines = await LinesAsync(record, tenant, "rec");
        var replayedLines = await LinesAsync(replay, tenant, "rep");
        // Byte for byte, except the run id each record carries (meta.testRunId) and the payload ids built from it.
        Assert.Equal(recordedLines.Select(l => l.Replace("\"rec", "\"rep", StringComparison.Ordinal)), replayedLines);
        Assert.Contains(replayedLines, l => l.Contains("\"variant\":\"edge\"", StringComparison.Ordinal) && l.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", StringComparison.Ordinal));
        Assert.Contains(replayedLines, l => l.Contains("\"variant\":\"typical\"", StringComparison.Ordinal) && l.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", StringComparison.Ordinal));
        Assert.NotNull(await store.Blobs.GetEntryAsync(CassetteStore.PathOf(tenant, CassetteKeyOf(replayedLines))));
        await AssertEveryPayloadValidAsync(replayedLines);

        // The same run without enrichment is different data: the pools and proposals were used.
        var plain = new MockGenPipeline(store, CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        await plain.Runner.RunAsync(spec with { RunId = "det" });
        Assert.NotEqual(recordedLines.Select(l => l.Replace("\"rec", "\"det", StringComparison.Ordinal)), await LinesAsync(plain, tenant, "det"));

        // The replay read the plans the record run stored beside the cassette instead of probing the targets: emptied
        // plans (a stand-in no probe would give) leave the typical shards without pools.
        var plans = new PlanStore(store.Blobs);
        var emptied = 0;
        await foreach (var entry in store.Blobs.ListAsync(CassetteStore.Container + "/" + tenant + "/" + PlanStore.Folder + "/"))
        {
            await using var content = (await store.Blobs.OpenReadAsync(entry.Path))!;
            var stored = (await JsonSerializer.DeserializeAsync<StoredPlan>(content, Web))!;
            await plans.WriteAsync(tenant, stored.Identity, stored.Plan with { Fields = [] });
            emptied++;
        }

        Assert.True(emptied > 0, "the record run stored no plan");
        // A fresh pipeline: one process shares a target's preparation between runs.
        var again = Pipeline(store, new AiShardEnricherOptions());
        Assert.Equal(RunStatus.Completed, (await again.Runner.RunAsync(spec with { RunId = "emp" })).Status);
        Assert.DoesNotContain(await LinesAsync(again, tenant, "emp"), l => l.Contains("\"variant\":\"typical\"", StringComparison.Ordinal) && l.Contains("\"ai\":{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reproduce_UsesTheProfileVersionTheRunRecorded_NotTheActiveOne()
    {
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        var tenant = TestStores.Unique("aiprof");
        var record = Pipeline(store, new AiShardEnricherOptions { Mode = CassetteMode.Record, Live = Live() });
        var published = await record.Publisher.PublishProfileAsync(tenant, Encoding.UTF8.GetBytes(Profile), "test");
        var version = await record.Registry.RegisterAsync(tenant, "payments-api.yaml", await File.ReadAllBytesAsync(EnrichedGeneration.SamplePath));
        var spec = RunSpec.FromProfile(tenant, "payments-api.yaml", version.Version, TenantProfile.Parse("profile", Encoding.UTF8.GetBytes(Profile)), "planned", maxParallelShards: 2) with { ProfileVersion = published.Version };
        await record.Runs.StartAsync(spec);
        Assert.Equal(RunStatus.Completed, (await record.Runner.RunAsync(spec)).Status);

        // Since then the tenant turned enrichment off; the run's own profile version still says how it was made.
        await record.Publisher.PublishProfileAsync(tenant, Encoding.UTF8.GetBytes("""{"countPerTarget":6,"shardSize":4,"seed":"5"}"""), "test");
        Assert.False((await record.Registry.GetProfileAsync(tenant)).Ai.Enabled);
        await _fake.StopAsync();
        var reproduction = await new RunReproducer(Pipeline(store, new AiShardEnricherOptions())).ReproduceAsync(tenant, "planned");

        Assert.True(reproduction.Reproduced, string.Join("; ", reproduction.Mismatches));
        Assert.Equal(reproduction.Shards, reproduction.Matching);
    }

    [Fact]
    public async Task Run_ProfileNamingAPrompt_PinsItsActiveVersionAtCreation_AndEveryShardUsesThatText()
    {
        const string profileJson = """
            {"variants":["typical"],"countPerTarget":4,"shardSize":4,"seed":"5",
             "ai":{"enabled":true,"deployments":["gpt-4o-mini"],"prompt":"house-values"}}
            """;
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        var tenant = TestStores.Unique("aipin");
        var record = Pipeline(store, new AiShardEnricherOptions { Mode = CassetteMode.Record, Live = Live() });
        var first = await record.Prompts.PublishAsync(tenant, "house-values", HouseStyle("HOUSE-STYLE-ONE"), null, "test");
        Assert.True(first.Version.Active, "a tenant's first version of a prompt is active at once");
        var profile = TenantProfile.Parse("profile", Encoding.UTF8.GetBytes(profileJson));
        var unpinned = await RegisterAsync(record, tenant, profileJson, runId: null);

        var spec = await RunPrompts.PinAsync(unpinned, profile.Ai, record.Prompts.Registry, runIdGiven: false);

        Assert.Equal("house-values@" + first.Version.Version, spec.PromptVersion);
        Assert.Null(spec.EdgePromptVersion);
        Assert.NotEqual(unpinned.RunId, spec.RunId);
        Assert.Equal(RunStatus.Completed, (await record.Runner.RunAsync(spec)).Status);
        var asked = _fake.Requests.Select(r => r.Body).ToList();
        Assert.NotEmpty(asked);
        Assert.All(asked, body => Assert.Contains("HOUSE-STYLE-ONE", body, StringComparison.Ordinal));
        var lines = await LinesAsync(record, tenant, spec.RunId);
        var promptVersions = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("meta"))
            .Where(m => m.TryGetProperty("ai", out _)).Select(m => m.GetProperty("ai").GetProperty("promptVersion").GetString()).Distinct().ToList();
        Assert.Equal([first.Version.Version], promptVersions);

        // A second version waits for an approver: the pinned run resumes and replays with the first, offline.
        var second = await record.Prompts.PublishAsync(tenant, "house-values", HouseStyle("HOUSE-STYLE-TWO"), null, "test");
        Assert.False(second.Version.Active);
        await _fake.StopAsync();
        var replay = Pipeline(store, new AiShardEnricherOptions());
        Assert.Equal(RunStatus.Completed, (await replay.Runner.RunAsync(spec with { RunId = "pinned-again" })).Status);
        Assert.Equal(lines.Select(l => l.Replace("\"" + spec.RunId, "\"pinned-again", StringComparison.Ordinal)), await LinesAsync(replay, tenant, "pinned-again"));

        // Once approved, a new run pins the second text, which nothing recorded: replay names the missing entry.
        await record.Prompts.ApproveAsync(tenant, "house-values", second.Version.Version, "approver", null);
        var repinned = await RunPrompts.PinAsync(unpinned, profile.Ai, record.Prompts.Registry, runIdGiven: false);
        Assert.Equal("house-values@" + second.Version.Version, repinned.PromptVersion);
        var outcome = await replay.Runner.RunAsync(repinned);
        Assert.Equal(RunStatus.CompletedWithErrors, outcome.Status);
        Assert.Contains(outcome.Failures, f => f.Contains("no cassette entry", StringComparison.Ordinal));

        // A profile naming a prompt the tenant never published cannot start a run.
        var missing = profile.Ai with { Prompt = "nowhere" };
        var refused = await Assert.ThrowsAsync<MockGenStorageException>(() => RunPrompts.PinAsync(unpinned, missing, record.Prompts.Registry, runIdGiven: false));
        Assert.Contains("ai.prompt nowhere cannot start a run", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ReplayWithoutCassette_FailsTheShardsNamingTheEntry()
    {
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        var tenant = TestStores.Unique("aimiss");
        var replay = Pipeline(store, new AiShardEnricherOptions());
        var spec = await RegisterAsync(replay, tenant, Profile, "miss");

        var outcome = await replay.Runner.RunAsync(spec);

        Assert.Equal(RunStatus.CompletedWithErrors, outcome.Status);
        Assert.Contains(outcome.Failures, f => f.Contains("AI enrichment: ai-cassettes/", StringComparison.Ordinal) && f.Contains("no cassette entry", StringComparison.Ordinal));
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Run_TenantWithoutAi_IsNotEnriched()
    {
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        var tenant = TestStores.Unique("aioff");
        var enriched = Pipeline(store, new AiShardEnricherOptions());
        var spec = await RegisterAsync(enriched, tenant, """{"countPerTarget":3,"seed":"5"}""", "off");

        var outcome = await enriched.Runner.RunAsync(spec);

        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.DoesNotContain(await LinesAsync(enriched, tenant, "off"), l => l.Contains("\"ai\":", StringComparison.Ordinal));
    }

    private static MockGenPipeline Pipeline(PipelineStore store, AiShardEnricherOptions options) =>
        new(store, CoreEngine.Create(TimeProvider.System) with { Enricher = new AiShardEnricher(store, options) }, TimeProvider.System);

    // The built-in value template's parameters with a marker line, so the requests show which text they came from.
    private static string HouseStyle(string marker) => Ai.Prompts.BuiltInPrompts.EnrichValuesText.Replace("---", marker + "\n---", StringComparison.Ordinal);

    private AzureOpenAIGatewayOptions Live() => new() { Endpoint = _fake.Endpoint, ApiKey = _fake.ApiKey, Retry = new ModelRetryOptions { MaxAttempts = 2 } };

    private static async Task<RunSpec> RegisterAsync(MockGenPipeline pipeline, string tenant, string profileJson, string? runId)
    {
        var profile = Encoding.UTF8.GetBytes(profileJson);
        await pipeline.Store.Blobs.WriteAsync("contracts/" + tenant + "/" + Identifiers.ProfileBlobName, new MemoryStream(profile));
        var version = await pipeline.Registry.RegisterAsync(tenant, "payments-api.yaml", await File.ReadAllBytesAsync(EnrichedGeneration.SamplePath));
        return RunSpec.FromProfile(tenant, "payments-api.yaml", version.Version, TenantProfile.Parse("profile", profile), runId, maxParallelShards: 2);
    }

    private static async Task<string[]> LinesAsync(MockGenPipeline pipeline, string tenant, string runId)
    {
        var output = new MemoryStream();
        await pipeline.Reader.CopyAsync(tenant, runId, new DatasetFilter(null, null, null, null), output);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string CassetteKeyOf(string[] lines) =>
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("meta")).First(m => m.TryGetProperty("ai", out _)).GetProperty("ai").GetProperty("cassetteKey").GetString()!;

    private static async Task AssertEveryPayloadValidAsync(string[] lines)
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var count = 0;
        foreach (var line in lines)
        {
            var record = JsonDocument.Parse(line).RootElement;
            if (!record.TryGetProperty("payload", out var payload))
            {
                continue;
            }

            var target = contract.GetTarget(record.GetProperty("meta").GetProperty("target").GetString()!);
            Assert.True(contract.Schemas.Validate(target.SchemaUri, payload, new ValidationOptions { Direction = target.Direction }).IsValid, line);
            count++;
        }

        Assert.Equal(lines.Length, count);
    }
}
