using System.Text;
using System.Text.Json;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Contracts;
using MockGen.Core.Enrichment;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Ai.Tests.Enrichment;

/// <summary>The edge mode end to end: the loopback fake, cassettes in a real local store, repair, the gate, the run summary.</summary>
public sealed class EdgeCaseProposerTests : IAsyncLifetime
{
    private const string Deployment = "gpt-4o-mini";

    private const string CustomerSchema = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Customer","type":"object","required":["name","age"],
         "properties":{"name":{"type":"string","minLength":1,"maxLength":40},"age":{"type":"integer","minimum":0,"maximum":130},
         "tags":{"type":"array","items":{"type":"string"},"maxItems":3}},"additionalProperties":false}
        """;

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
    public async Task RecordThenReplay_FakeStopped_ByteIdenticalGatedAndCounted()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var (recorded, recordRun, recordSummaries) = await RunAsync(contract, Stack(CassetteMode.Record), Settings(), count: 10);
        var sent = _fake.Requests.Count;
        await _fake.StopAsync();

        var (replayed, replayRun, replaySummaries) = await RunAsync(contract, Stack(CassetteMode.Replay), Settings(), count: 10);

        Assert.True(sent > 0);
        Assert.Equal(sent, _fake.Requests.Count);
        Assert.Equal(Encoding.UTF8.GetString(recorded), Encoding.UTF8.GetString(replayed));
        Assert.True(recordRun.Report.Proposed > 0);
        Assert.Equal(recordRun.Report.Proposed, replayRun.Report.Proposed);
        // Every proposal reaching generation is counted once: accepted, repaired or rejected.
        Assert.Equal(replayRun.Report.Proposed, replaySummaries.Sum(s => s.ProposalsAccepted + s.ProposalsRepaired + s.ProposalsRejected));
        Assert.Equal(recordSummaries.Sum(s => s.ProposalsAccepted), replaySummaries.Sum(s => s.ProposalsAccepted));
        Assert.All(EnrichedGeneration.Records(replayed), r => Assert.Equal("edge", r.GetProperty("meta").GetProperty("variant").GetString()));
        var stamped = EnrichedGeneration.Records(replayed).Where(r => r.GetProperty("meta").TryGetProperty("ai", out _)).ToList();
        Assert.Equal(replaySummaries.Sum(s => s.ProposalsAccepted + s.ProposalsRepaired), stamped.Count);
        Assert.All(stamped, r => Assert.True(r.GetProperty("meta").GetProperty("index").GetInt64() < Settings().EdgeCount));
        EnrichedGeneration.AssertEveryPayloadValid(contract, replayed);
    }

    [Fact]
    public async Task Request_ResponseFormatIsTheTargetsStrictListSchema()
    {
        var contract = Customer();
        var target = contract.Targets[0];

        await RunAsync(contract, Stack(CassetteMode.Live), Settings(), count: 2);

        var body = Assert.Single(_fake.Requests).Json!.Value;
        var format = body.GetProperty("response_format").GetProperty("json_schema");
        var strict = new StrictSchemaTransform().TransformList(contract, target, Settings().EdgeCount);
        Assert.True(format.GetProperty("strict").GetBoolean());
        Assert.Equal(strict.Name, format.GetProperty("name").GetString());
        Assert.Equal(strict.Json, JsonSerializer.Serialize(format.GetProperty("schema")));
    }

    [Fact]
    public async Task InvalidValues_AreRegeneratedTheRestKept()
    {
        var contract = Customer();
        var longName = new string('é', 41);
        _fake.Enqueue(FakeResponse.Content(
            "{\"payloads\":[{\"name\":\"Zoë 李 عربي\",\"age\":130,\"tags\":null},{\"name\":\"x\",\"age\":200,\"tags\":[\"a\"]},{\"name\":\"" + longName + "\",\"age\":5,\"tags\":[\"a\",\"b\",\"c\",\"d\"]}]}"));
        var settings = Settings();
        settings.EdgeCount = 3;

        var (ndjson, run, summaries) = await RunAsync(contract, Stack(CassetteMode.Live), settings, count: 4);

        var payloads = EnrichedGeneration.Records(ndjson).Select(r => r.GetProperty("payload")).ToList();
        Assert.Equal(4, payloads.Count);
        Assert.Equal("{\"name\":\"Zoë 李 عربي\",\"age\":130}", payloads[0].GetRawText());
        Assert.Equal("x", payloads[1].GetProperty("name").GetString());
        Assert.InRange(payloads[1].GetProperty("age").GetInt32(), 0, 130);
        Assert.NotEqual(longName, payloads[2].GetProperty("name").GetString());
        Assert.Equal(5, payloads[2].GetProperty("age").GetInt32());
        Assert.Equal("[\"a\",\"b\",\"c\"]", payloads[2].GetProperty("tags").GetRawText());
        var summary = Assert.Single(summaries);
        Assert.Equal((1, 2, 0, 2), (summary.ProposalsAccepted, summary.ProposalsRepaired, summary.ProposalsRejected, summary.ProposalValuesRegenerated));
        Assert.Equal(3, run.Report.Proposed);
        // The index past the proposals is generated (boundary-shaped) and carries no AI provenance.
        Assert.False(EnrichedGeneration.Records(ndjson).Last().GetProperty("meta").TryGetProperty("ai", out _));
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
    }

    [Fact]
    public async Task Truncated_ReaskedOnceWithTwiceTheTokens_RecordedAndReplayed()
    {
        var contract = Customer();
        var settings = Settings();
        settings.FirstRequestTokens = 512;
        _fake.Enqueue(FakeResponse.Truncated());

        var (recorded, run, _) = await RunAsync(contract, Stack(CassetteMode.Record), settings, count: 3);
        await _fake.StopAsync();
        var (replayed, replayRun, _) = await RunAsync(contract, Stack(CassetteMode.Replay), settings, count: 3);

        var requests = _fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(512, requests[0].Json!.Value.GetProperty("max_tokens").GetInt32());
        Assert.Equal(1024, requests[1].Json!.Value.GetProperty("max_tokens").GetInt32());
        Assert.Equal(1, run.Report.Reasked);
        Assert.Equal(ModelOutcome.Truncated, run.Report.Exchanges[0].Outcome);
        Assert.True(run.Report.Exchanges[1].Reask);
        Assert.True(run.Report.Proposed > 0);
        Assert.Equal(recorded, replayed);
        Assert.Equal(1, replayRun.Report.Reasked);
        EnrichedGeneration.AssertEveryPayloadValid(contract, replayed);
    }

    [Fact]
    public async Task Truncated_AtThePerRequestLimit_NotReaskedFallsBackDeterministically()
    {
        var contract = Customer();
        _fake.Enqueue(FakeResponse.Truncated());

        var (ndjson, run, summaries) = await RunAsync(contract, Stack(CassetteMode.Live), Settings(), count: 3);

        Assert.Single(_fake.Requests);
        Assert.Equal(0, run.Report.Reasked);
        var exchange = Assert.Single(run.Report.Exchanges);
        Assert.Equal(AnswerVerdict.Rejected, exchange.Verdict);
        Assert.Contains("per-request limit", exchange.Reason, StringComparison.Ordinal);
        Assert.Equal(0, run.Report.Proposed);
        Assert.Equal(Generate(contract, EdgeOptions(3), null).Ndjson, ndjson);
        Assert.Equal(0, summaries.Sum(s => s.ProposalsAccepted + s.ProposalsRepaired + s.ProposalsRejected));
    }

    [Fact]
    public async Task Truncated_ReaskBeyondTheBudget_NotSent()
    {
        var contract = Customer();
        var settings = Settings();
        settings.FirstRequestTokens = 512;
        settings.TokenBudget = 900;
        _fake.Enqueue(FakeResponse.Truncated());

        var (_, run, _) = await RunAsync(contract, Stack(CassetteMode.Live), settings, count: 2);

        Assert.Single(_fake.Requests);
        Assert.Contains("budget", Assert.Single(run.Report.Exchanges).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PiiInProposals_IsMaskedBeforeGeneration()
    {
        var contract = Customer();
        _fake.Enqueue(FakeResponse.Content("{\"payloads\":[{\"name\":\"jane.doe@gmail.com\",\"age\":30,\"tags\":[\"4539 1488 0343 6467\"]}]}"));

        var (ndjson, run, _) = await RunAsync(contract, Stack(CassetteMode.Live), Settings(), count: 1);

        var text = Encoding.UTF8.GetString(ndjson);
        Assert.DoesNotContain("gmail.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4539 1488 0343 6467", text, StringComparison.Ordinal);
        Assert.NotEmpty(run.Report.Pii);
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
    }

    private static Contract Customer() => new ContractLoader().Load("customer.json", Encoding.UTF8.GetBytes(CustomerSchema));

    private static EnrichmentSettings Settings() => new() { Deployment = Deployment, Cost = new AiCostTable(0.15m, 0.6m) };

    private static GenerationOptions EdgeOptions(long count) => new() { Seed = "1", Count = count, Variants = [GenerationVariant.Edge] };

    private static async Task<(byte[] Ndjson, EnrichmentRun Run, IReadOnlyList<TargetRunSummary> Summaries)> RunAsync(Contract contract, IModelGateway gateway, EnrichmentSettings settings, long count)
    {
        var options = EdgeOptions(count);
        var run = await new EdgeCaseProposer(gateway, settings).ProposeAsync(contract, contract.Targets, new EnrichmentContext(contract.Version, options.Seed, options.Tenant, options.Locale));
        var (ndjson, summaries) = Generate(contract, options, run);
        return (ndjson, run, summaries);
    }

    private static (byte[] Ndjson, IReadOnlyList<TargetRunSummary> Summaries) Generate(Contract contract, GenerationOptions options, EnrichmentRun? run)
    {
        options.Enrichment = run?.Pools;
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(options).Generate(contract, null, writer);
            writer.Complete();
        }

        return (stream.ToArray(), summaries);
    }

    private IModelGateway Stack(CassetteMode mode) => AiGateways.Build(
        mode,
        _store.Cassettes,
        tenant: null,
        mode == CassetteMode.Replay ? null : new AzureOpenAIGatewayOptions
        {
            Endpoint = _fake.Endpoint,
            ApiKey = _fake.ApiKey,
            TimeProvider = _clock,
            Retry = new ModelRetryOptions { MaxAttempts = 2 },
        });
}
