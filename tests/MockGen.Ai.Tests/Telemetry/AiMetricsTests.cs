using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Telemetry;
using MockGen.Core.Tests.Telemetry;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Ai.Tests.Telemetry;

/// <summary>
/// Issue 11: <c>mockgen.ai.requests</c>, <c>.tokens</c> and <c>.fallbacks</c> after an enrichment run equal what the
/// run's enrichment report says. These series carry no tenant and the meter is process-wide, so each test reads only
/// its own deployment's points.
/// </summary>
public sealed class AiMetricsTests : IAsyncLifetime
{
    private readonly TempStore _store = new();
    private FakeAzureOpenAIServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeAzureOpenAIServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task RecordedRunWithABudget_RequestsTokensAndBudgetFallbacksEqualTheReport()
    {
        var deployment = "metrics-budget-" + Guid.NewGuid().ToString("N")[..8];
        using var capture = new TelemetryCapture("ai-metrics");
        var settings = new EnrichmentSettings { Deployment = deployment, Cost = new AiCostTable(0.15m, 0.6m), TokenBudget = 1 };

        var (_, run) = await EnrichedGeneration.RunAsync(await EnrichedGeneration.LoadSampleAsync(), Gateway(CassetteMode.Record, 4), settings);

        var sent = run.Report.Exchanges.Where(e => e.Outcome is not null).ToList();
        Assert.NotEmpty(sent);
        Assert.True(run.Report.Skipped > 0);
        Assert.Equal(sent.Count, capture.SumUntenanted("mockgen.ai.requests", (TelemetryTags.AiDeployment, deployment)));
        Assert.Equal(sent.Count, capture.SumUntenanted("mockgen.ai.requests", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiOutcome, "completed")));
        Assert.Equal(sent.Sum(e => e.Usage.PromptTokens), capture.SumUntenanted("mockgen.ai.tokens", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiTokenKind, "prompt")));
        Assert.Equal(sent.Sum(e => e.Usage.CompletionTokens), capture.SumUntenanted("mockgen.ai.tokens", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiTokenKind, "completion")));
        Assert.True(capture.SumUntenanted("mockgen.ai.tokens", (TelemetryTags.AiDeployment, deployment)) > 0);
        Assert.Equal(run.Report.Skipped, capture.SumUntenanted("mockgen.ai.fallbacks", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiFallbackReason, "budget")));
        Assert.Equal(run.Report.Skipped, capture.SumUntenanted("mockgen.ai.fallbacks", (TelemetryTags.AiDeployment, deployment)));
    }

    [Fact]
    public async Task ModelDown_FailedRequestsAndCircuitFallbacksEqualTheReport()
    {
        var deployment = "metrics-down-" + Guid.NewGuid().ToString("N")[..8];
        using var capture = new TelemetryCapture("ai-metrics");
        _fake.Responder = _ => FakeResponse.ServerError(503);
        var settings = new EnrichmentSettings { Deployment = deployment, Cost = new AiCostTable(0.15m, 0.6m) };

        var (_, run) = await EnrichedGeneration.RunAsync(await EnrichedGeneration.LoadSampleAsync(), Gateway(CassetteMode.Live, 2), settings);

        Assert.True(run.Report.CircuitOpened);
        Assert.Equal(run.Report.Rejected, capture.SumUntenanted("mockgen.ai.requests", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiOutcome, "failed")));
        Assert.Equal(run.Report.Skipped, capture.SumUntenanted("mockgen.ai.requests", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiOutcome, "circuit_open")));
        Assert.Equal(run.Report.Rejected, capture.SumUntenanted("mockgen.ai.fallbacks", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiFallbackReason, "rejected")));
        Assert.Equal(run.Report.Skipped, capture.SumUntenanted("mockgen.ai.fallbacks", (TelemetryTags.AiDeployment, deployment), (TelemetryTags.AiFallbackReason, "circuit_open")));
        Assert.Equal(0, capture.SumUntenanted("mockgen.ai.tokens", (TelemetryTags.AiDeployment, deployment)));
    }

    private IModelGateway Gateway(CassetteMode mode, int maxAttempts) => AiGateways.Build(
        mode,
        _store.Cassettes,
        tenant: null,
        new AzureOpenAIGatewayOptions
        {
            Endpoint = _fake.Endpoint,
            ApiKey = _fake.ApiKey,
            TimeProvider = new RecordingTimeProvider(),
            Retry = new ModelRetryOptions { MaxAttempts = maxAttempts },
        });
}
