using System.Diagnostics.Metrics;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Telemetry;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Ai.Tests.Telemetry;

/// <summary>
/// Issue 11: <c>mockgen.ai.requests</c>, <c>.tokens</c> and <c>.fallbacks</c> after an enrichment run equal what the
/// run's enrichment report says. The meter is process-wide, so each test listens only to its own deployment's series.
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
        using var capture = new AiMeasurements(deployment);
        var settings = new EnrichmentSettings { Deployment = deployment, Cost = new AiCostTable(0.15m, 0.6m), TokenBudget = 1 };

        var (_, run) = await EnrichedGeneration.RunAsync(await EnrichedGeneration.LoadSampleAsync(), Gateway(CassetteMode.Record, 4), settings);

        var sent = run.Report.Exchanges.Where(e => e.Outcome is not null).ToList();
        Assert.NotEmpty(sent);
        Assert.True(run.Report.Skipped > 0);
        Assert.Equal(sent.Count, capture.Sum("mockgen.ai.requests"));
        Assert.Equal(sent.Count, capture.Sum("mockgen.ai.requests", (TelemetryTags.AiOutcome, "completed")));
        Assert.Equal(sent.Sum(e => e.Usage.PromptTokens), capture.Sum("mockgen.ai.tokens", (TelemetryTags.AiTokenKind, "prompt")));
        Assert.Equal(sent.Sum(e => e.Usage.CompletionTokens), capture.Sum("mockgen.ai.tokens", (TelemetryTags.AiTokenKind, "completion")));
        Assert.True(capture.Sum("mockgen.ai.tokens") > 0);
        Assert.Equal(run.Report.Skipped, capture.Sum("mockgen.ai.fallbacks", (TelemetryTags.AiFallbackReason, "budget")));
        Assert.Equal(run.Report.Skipped, capture.Sum("mockgen.ai.fallbacks"));
    }

    [Fact]
    public async Task ModelDown_FailedRequestsAndCircuitFallbacksEqualTheReport()
    {
        var deployment = "metrics-down-" + Guid.NewGuid().ToString("N")[..8];
        using var capture = new AiMeasurements(deployment);
        _fake.Responder = _ => FakeResponse.ServerError(503);
        var settings = new EnrichmentSettings { Deployment = deployment, Cost = new AiCostTable(0.15m, 0.6m) };

        var (_, run) = await EnrichedGeneration.RunAsync(await EnrichedGeneration.LoadSampleAsync(), Gateway(CassetteMode.Live, 2), settings);

        Assert.True(run.Report.CircuitOpened);
        Assert.Equal(run.Report.Rejected, capture.Sum("mockgen.ai.requests", (TelemetryTags.AiOutcome, "failed")));
        Assert.Equal(run.Report.Skipped, capture.Sum("mockgen.ai.requests", (TelemetryTags.AiOutcome, "circuit_open")));
        Assert.Equal(run.Report.Rejected, capture.Sum("mockgen.ai.fallbacks", (TelemetryTags.AiFallbackReason, "rejected")));
        Assert.Equal(run.Report.Skipped, capture.Sum("mockgen.ai.fallbacks", (TelemetryTags.AiFallbackReason, "circuit_open")));
        Assert.Equal(0, capture.Sum("mockgen.ai.tokens"));
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

    // Listens to MockGen's AI instruments and keeps the measurements tagged with one deployment.
    private sealed class AiMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measurements = [];

        public AiMeasurements(string deployment)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MockGenTelemetry.Name && instrument.Name.StartsWith("mockgen.ai.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var map = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var tag in tags)
                {
                    map[tag.Key] = tag.Value?.ToString();
                }

                if (map.GetValueOrDefault(TelemetryTags.AiDeployment) == deployment)
                {
                    lock (_measurements)
                    {
                        _measurements.Add((instrument.Name, value, map));
                    }
                }
            });
            _listener.Start();
        }

        public long Sum(string instrument, params (string Key, string Value)[] tags)
        {
            lock (_measurements)
            {
                return _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
