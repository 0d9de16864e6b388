using System.Text;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Privacy;
using MockGen.Ai.Tests.Support;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Ai.Tests.Enrichment;

/// <summary>Enrichment end to end on the sample contract: the loopback fake, cassettes in a real local store, the gate.</summary>
public sealed class ValueEnricherTests : IAsyncLifetime
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
    public async Task RecordThenReplay_FakeStopped_ByteIdenticalAndGated()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var (recorded, recordRun) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Record), Settings());
        var sent = _fake.Requests.Count;
        await _fake.StopAsync();

        var (replayed, replayRun) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Replay), Settings());

        Assert.True(sent > 0);
        Assert.True(recordRun.Report.Accepted + recordRun.Report.Repaired > 0);
        Assert.Equal(sent, _fake.Requests.Count);
        Assert.Equal(Encoding.UTF8.GetString(recorded), Encoding.UTF8.GetString(replayed));
        Assert.Equal(recordRun.Report.ValuesKept, replayRun.Report.ValuesKept);
        var ai = EnrichedGeneration.Records(replayed).Where(r => r.GetProperty("meta").TryGetProperty("ai", out _)).ToList();
        Assert.NotEmpty(ai);
        var meta = ai[0].GetProperty("meta").GetProperty("ai");
        Assert.Equal(Deployment, meta.GetProperty("deployment").GetString());
        Assert.Equal("gpt-4o-2024-08-06", meta.GetProperty("model").GetString());
        Assert.StartsWith("sha256:", meta.GetProperty("promptVersion").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_store.Root, CassetteStore.PathOf(null, meta.GetProperty("cassetteKey").GetString()!))));
        EnrichedGeneration.AssertEveryPayloadValid(contract, replayed);
        Assert.NotEqual(EnrichedGeneration.Generate(contract, EnrichedGeneration.Options()), replayed);
    }

    [Fact]
    public async Task Replay_MissingEntry_ThrowsNamingTheKeyAndHowToRecord()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();

        var error = await Assert.ThrowsAsync<CassetteMissingException>(() => EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Replay), Settings()));

        Assert.Contains(error.Key!, error.Message, StringComparison.Ordinal);
        Assert.Contains("--ai-mode record", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Budget_Spent_StopsEnrichmentAndGenerationContinues()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var settings = Settings();
        settings.TokenBudget = 1;

        var (ndjson, run) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Record), settings);

        Assert.True(run.Report.BudgetExhausted);
        Assert.Equal(1, run.Report.Exchanges.Count(e => e.Verdict != AnswerVerdict.Skipped));
        Assert.True(run.Report.Skipped > 0);
        Assert.Single(_fake.Requests);
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
    }

    [Fact]
    public async Task Truncated_ReaskedOnceWithLargerTokensWithinTheLimit_ThenReplayedFakeStopped()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var settings = Settings();
        settings.FirstRequestTokens = 600;
        settings.MaxTokensPerRequest = 1000;
        _fake.Enqueue(FakeResponse.Truncated());

        var (recorded, run) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Record), settings);
        var sent = _fake.Requests.ToList();
        await _fake.StopAsync();
        var (replayed, _) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Replay), settings);

        Assert.Equal(1, run.Report.Reasked);
        Assert.Equal(600, sent[0].Json!.Value.GetProperty("max_tokens").GetInt32());
        // Twice 600 is over the tenant's limit: the re-ask asks for the limit, never more.
        Assert.Equal(1000, sent[1].Json!.Value.GetProperty("max_tokens").GetInt32());
        Assert.Equal(AnswerVerdict.Rejected, run.Report.Exchanges[0].Verdict);
        Assert.NotEqual(AnswerVerdict.Rejected, run.Report.Exchanges[1].Verdict);
        Assert.Equal(recorded, replayed);
        EnrichedGeneration.AssertEveryPayloadValid(contract, replayed);
    }

    [Fact]
    public async Task PiiLadenAnswers_AreMaskedAndCounted()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        _fake.Responder = _ => FakeResponse.PiiLaden();

        var (ndjson, run) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Live), Settings());

        Assert.NotEmpty(run.Report.Pii);
        var text = Encoding.UTF8.GetString(ndjson);
        Assert.All(FakePii.All, pii => Assert.DoesNotContain(pii, text, StringComparison.Ordinal));
        // Every value that reached a pool passes the guard (realism's own deterministic values are not the guard's business).
        var guard = new PiiGuard();
        var pooled = EnrichedGeneration.Records(ndjson).SelectMany(r => EnrichedGeneration.Strings(r.GetProperty("payload")))
            .Where(s => s.Contains("example.com", StringComparison.Ordinal) || s.Contains("4111", StringComparison.Ordinal) || s.Contains("555-01", StringComparison.Ordinal) || s.Contains("GB82WEST", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pooled);
        Assert.All(pooled, s => { var findings = new List<PiiKind>(); guard.Mask(s, findings); Assert.Empty(findings); });
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
    }

    [Fact]
    public async Task PiiLadenAnswers_RejectPolicy_RejectsThem()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        _fake.Responder = _ => FakeResponse.PiiLaden();
        var settings = Settings();
        settings.PiiPolicy = PiiPolicy.Reject;

        var (ndjson, run) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Live), settings);

        Assert.True(run.Report.Rejected > 0);
        Assert.Equal(EnrichedGeneration.Generate(contract, EnrichedGeneration.Options()), ndjson);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("output-filtered")]
    [InlineData("prompt-filtered")]
    [InlineData("refusal")]
    [InlineData("not-json")]
    public async Task UnusableAnswers_AreRejectedAndTheRunIsDeterministic(string scenario)
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        _fake.Responder = _ => scenario switch
        {
            "truncated" => FakeResponse.Truncated(),
            "output-filtered" => FakeResponse.OutputFiltered(),
            "prompt-filtered" => FakeResponse.PromptFiltered(),
            "refusal" => FakeResponse.Refusal(),
            _ => FakeResponse.NonJsonContent(),
        };

        var (ndjson, run) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Record), Settings());

        Assert.True(run.Report.Rejected > 0);
        Assert.Equal(0, run.Report.Accepted + run.Report.Repaired);
        Assert.Equal(EnrichedGeneration.Generate(contract, EnrichedGeneration.Options()), ndjson);
    }

    [Fact]
    public async Task SchemaViolatingAnswers_AreRepairedNeverWrittenUngated()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        _fake.Responder = _ => FakeResponse.SchemaViolating();

        var (ndjson, run) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Live), Settings());

        Assert.Equal(0, run.Report.Accepted);
        EnrichedGeneration.AssertEveryPayloadValid(contract, ndjson);
    }

    [Fact]
    public async Task ModelDown_CircuitOpens_AndGenerationFallsBackDeterministically()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();
        _fake.Responder = _ => FakeResponse.ServerError(503);

        var (ndjson, run) = await EnrichedGeneration.RunAsync(contract, Stack(CassetteMode.Live, maxAttempts: 2), Settings());

        // Three requests of two attempts each fail; the circuit then answers every later target without a call.
        Assert.True(run.Report.CircuitOpened);
        Assert.Equal(3 * 2, _fake.Requests.Count);
        Assert.Equal(3, run.Report.Rejected);
        Assert.True(run.Report.Skipped > 0);
        Assert.Equal(EnrichedGeneration.Generate(contract, EnrichedGeneration.Options()), ndjson);
    }

    private static EnrichmentSettings Settings() => new() { Deployment = Deployment, Cost = new AiCostTable(0.15m, 0.6m) };

    private IModelGateway Stack(CassetteMode mode, int maxAttempts = 4) => AiGateways.Build(
        mode,
        _store.Cassettes,
        tenant: null,
        mode == CassetteMode.Replay ? null : new AzureOpenAIGatewayOptions
        {
            Endpoint = _fake.Endpoint,
            ApiKey = _fake.ApiKey,
            TimeProvider = _clock,
            Retry = new ModelRetryOptions { MaxAttempts = maxAttempts },
        });
}
