using System.Text;
using System.Text.Json;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Privacy;
using MockGen.Ai.Scenarios;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Ai.Tests.Scenarios;

/// <summary>The scenarios mode end to end on the sample's Payment: the loopback fake, cassettes in a real local store, the gate.</summary>
public sealed class ScenarioEnricherTests : IAsyncLifetime
{
    private const string Deployment = "gpt-4o-mini";
    private readonly TempStore _store = new();
    private readonly RecordingTimeProvider _clock = new();
    private FakeAzureOpenAIServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeAzureOpenAIServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task RecordThenReplay_FakeStopped_ByteIdentical_EveryPayloadGatedAndStamped()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var scenarios = ScenarioMatrix.Parse("currency=EUR,JPY;status=pending,captured");
        var (recorded, recordRun) = await RunAsync(contract, Stack(CassetteMode.Record), scenarios, count: 7);
        var sent = _fake.Requests.Count;
        await _fake.StopAsync();

        var (replayed, _) = await RunAsync(contract, Stack(CassetteMode.Replay), scenarios, count: 7);
        var (fewer, _) = await RunAsync(contract, Stack(CassetteMode.Replay), scenarios, count: 3);

        // 7 payloads a scenario need two requests of five each; a run of 3 replays the first of them.
        Assert.Equal(8, sent);
        Assert.Equal(8, recordRun.Report.Exchanges.Count);
        Assert.Equal(Encoding.UTF8.GetString(recorded), Encoding.UTF8.GetString(replayed));
        EnrichedGeneration.AssertEveryPayloadValid(contract, recorded);
        var records = EnrichedGeneration.Records(recorded).ToList();
        Assert.Equal(28, records.Count);
        Assert.Equal(scenarios.Select(s => s.Name), records.Select(r => r.GetProperty("meta").GetProperty("scenario").GetProperty("name").GetString()).Distinct());
        Assert.All(records, r => Assert.Equal(JsonValueKind.Object, r.GetProperty("meta").GetProperty("scenario").GetProperty("parameters").ValueKind));
        // The fake answers 1-3 of the 5 payloads asked, in the strict shape but ignoring patterns: what it answered is
        // kept (repaired where it breaks the contract) and carries meta.ai; the indexes it left out are regenerated whole.
        var answers = records.Select(r => r.GetProperty("meta").GetProperty("scenario").GetProperty("answer").GetString()).ToList();
        Assert.Contains(answers, a => a is "accepted" or "repaired");
        Assert.Contains("regenerated", answers);
        Assert.All(records, r => Assert.Equal(
            r.GetProperty("meta").GetProperty("scenario").GetProperty("answer").GetString() != "regenerated",
            r.GetProperty("meta").TryGetProperty("ai", out var ai) && ai.GetProperty("cassetteKey").GetString()!.StartsWith("sha256:", StringComparison.Ordinal)));
        var firstThree = EnrichedGeneration.Records(fewer).Where(r => r.GetProperty("meta").GetProperty("scenario").GetProperty("name").GetString() == "EUR-pending").Select(r => r.GetProperty("payload").GetRawText());
        Assert.Equal(records.Take(3).Select(r => r.GetProperty("payload").GetRawText()), firstThree);
    }

    [Fact]
    public async Task Replay_WithoutCassette_ThrowsNamingTheKey()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();

        var error = await Assert.ThrowsAsync<CassetteMissingException>(() => RunAsync(contract, Stack(CassetteMode.Replay), ScenarioMatrix.Parse("currency=EUR"), count: 1));

        Assert.Contains("no cassette entry for prompt 'scenario-payloads' on deployment 'gpt-4o-mini'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task PiiLadenAndUnusableAnswers_AreMaskedOrRegenerated_NeverWrittenUngated()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        _fake.Enqueue(FakeResponse.PiiLaden(), FakeResponse.Truncated());

        var (ndjson, run) = await RunAsync(contract, Stack(CassetteMode.Record), ScenarioMatrix.Parse("currency=EUR,USD"), count: 2);

        Assert.True(run.Report.Pii.Values.Sum() > 0);
        Assert.Equal([AnswerVerdict.Repaired, AnswerVerdict.Rejected], run.Report.Exchanges.Select(e => e.Verdict));
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
        var records = EnrichedGeneration.Records(ndjson).ToList();
        Assert.Equal(["regenerated", "regenerated"], records.Skip(2).Select(r => r.GetProperty("meta").GetProperty("scenario").GetProperty("answer").GetString()));
        Assert.All(records.Skip(2), r => Assert.False(r.GetProperty("meta").TryGetProperty("ai", out _)));
        var text = Encoding.UTF8.GetString(ndjson);
        Assert.DoesNotContain("@gmail.com", text, StringComparison.Ordinal);
    }

    private static async Task<(byte[] Ndjson, ScenarioRun Run)> RunAsync(Contract contract, IModelGateway gateway, IReadOnlyList<Scenario> scenarios, long count)
    {
        var target = contract.GetTarget("#/components/schemas/Payment");
        var options = new GenerationOptions { Seed = "1", Count = count };
        var planner = new DatasetGenerator(options);
        var plans = planner.PlanEnrichment(contract, [target]);
        var run = await new ScenarioEnricher(gateway, new EnrichmentSettings { Deployment = Deployment, PiiPolicy = PiiPolicy.Mask })
            .EnrichAsync(contract, [(target, plans[0])], scenarios, count, new EnrichmentContext(contract.Version, options.Seed, null, options.Locale));
        options.Scenarios = run.Scenarios;
        using var stream = new MemoryStream();
        using (var writer = new Core.Generation.Output.DatasetWriter(stream, Core.Generation.Output.OutputFormat.Ndjson))
        {
            new DatasetGenerator(options).Generate(contract, [target], writer);
            writer.Complete();
        }

        return (stream.ToArray(), run);
    }

    private IModelGateway Stack(CassetteMode mode) => AiGateways.Build(
        mode,
        _store.Cassettes,
        tenant: null,
        mode == CassetteMode.Replay ? null : new AzureOpenAIGatewayOptions { Endpoint = _fake.Endpoint, ApiKey = _fake.ApiKey, TimeProvider = _clock },
        clock: _clock);
}
