using MockGen.Ai.Gateway;
using MockGen.Ai.Tests.Support;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Ai.Tests.Gateway;

/// <summary>The Azure OpenAI adapter against the loopback fake (a real Kestrel speaking the chat-completions protocol).</summary>
public sealed class AzureOpenAIGatewayTests : IAsyncLifetime
{
    private FakeAzureOpenAIServer _fake = null!;
    private readonly RecordingTimeProvider _clock = new();

    public async Task InitializeAsync() => _fake = await FakeAzureOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Complete_Valid_SpeaksTheClassicProtocol()
    {
        var result = await Gateway().CompleteAsync(Request());

        Assert.Equal(ModelOutcome.Completed, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("gpt-4o-2024-08-06", result.Model);
        Assert.True(result.Usage.TotalTokens > 0);
        var sent = Assert.Single(_fake.Requests);
        Assert.Equal("/openai/deployments/pools/chat/completions", sent.Path);
        Assert.Contains("api-version=2024-10-21", sent.Query, StringComparison.Ordinal);
        Assert.Equal(_fake.ApiKey, sent.Headers["api-key"]);
        var body = sent.Json!.Value;
        Assert.Equal(7, body.GetProperty("seed").GetInt64());
        Assert.True(body.GetProperty("response_format").GetProperty("json_schema").GetProperty("strict").GetBoolean());
    }

    [Fact]
    public async Task Complete_ThrottledWithRetryAfterMs_WaitsWhatTheServerSays()
    {
        _fake.Enqueue(FakeResponse.Throttled(retryAfterMs: 300, retryAfterSeconds: 5), FakeResponse.Valid());

        var result = await Gateway().CompleteAsync(Request());

        Assert.Equal(ModelOutcome.Completed, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal([TimeSpan.FromMilliseconds(300)], _clock.Delays);
        Assert.Equal(2, _fake.Requests.Count);
    }

    [Fact]
    public async Task Complete_ThrottledWithRetryAfterSeconds_WaitsThoseSeconds()
    {
        _fake.Enqueue(FakeResponse.Throttled(retryAfterMs: null, retryAfterSeconds: 2), FakeResponse.Valid());

        var result = await Gateway().CompleteAsync(Request());

        Assert.Equal(ModelOutcome.Completed, result.Outcome);
        Assert.Equal([TimeSpan.FromSeconds(2)], _clock.Delays);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task Complete_ServerErrors_RetryWithExponentialBackoff(int status)
    {
        _fake.Enqueue([.. FakeResponse.ServerError(status).Times(3), FakeResponse.Valid()]);

        var result = await Gateway().CompleteAsync(Request());

        Assert.Equal(ModelOutcome.Completed, result.Outcome);
        Assert.Equal(4, result.Attempts);
        Assert.Equal([TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600), TimeSpan.FromMilliseconds(3200)], _clock.Delays);
    }

    [Fact]
    public async Task Complete_ServerErrorsBeyondTheBudget_FailsWithoutThrowing()
    {
        _fake.Enqueue(FakeResponse.ServerError(502).Times(6));

        var result = await Gateway().CompleteAsync(Request());

        Assert.Equal(ModelOutcome.Failed, result.Outcome);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, _fake.Requests.Count);
        Assert.Contains("gave up after 4 attempts", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_PromptFiltered_IsNotRetried()
    {
        _fake.Enqueue(FakeResponse.PromptFiltered());

        var result = await Gateway().CompleteAsync(Request());

        Assert.Equal(ModelOutcome.ContentFiltered, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public async Task Complete_TruncatedFilteredRefused_AreOutcomesWithoutContent()
    {
        _fake.Enqueue(FakeResponse.Truncated(), FakeResponse.OutputFiltered(), FakeResponse.Refusal());
        var gateway = Gateway();

        var truncated = await gateway.CompleteAsync(Request());
        var filtered = await gateway.CompleteAsync(Request());
        var refused = await gateway.CompleteAsync(Request());

        Assert.Equal((ModelOutcome.Truncated, "length"), (truncated.Outcome, truncated.FinishReason));
        Assert.Equal((ModelOutcome.ContentFiltered, "content_filter"), (filtered.Outcome, filtered.FinishReason));
        Assert.Contains("output:violence", filtered.FilteredCategories);
        Assert.Equal(ModelOutcome.Refused, refused.Outcome);
        Assert.All([truncated, filtered, refused], r => Assert.False(r.HasContent));
    }

    [Fact]
    public async Task Complete_SlowAnswer_TimesOutAndRetries()
    {
        _fake.Enqueue(FakeResponse.Slow(TimeSpan.FromSeconds(5)), FakeResponse.Valid());

        var result = await Gateway(attemptTimeout: TimeSpan.FromMilliseconds(400)).CompleteAsync(Request());

        Assert.Equal(ModelOutcome.Completed, result.Outcome);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task Complete_WrongKey_FailsWithoutRetry()
    {
        var gateway = new AzureOpenAIGateway(new AzureOpenAIGatewayOptions { Endpoint = _fake.Endpoint, ApiKey = "wrong", TimeProvider = _clock });

        var result = await gateway.CompleteAsync(Request());

        Assert.Equal((ModelOutcome.Failed, 401, 1), (result.Outcome, result.Status, result.Attempts));
    }

    [Fact]
    public async Task Complete_EntraCredential_SendsABearerTokenForTheCognitiveServicesScope()
    {
        await using var fake = await FakeAzureOpenAIServer.StartAsync(new FakeAzureOpenAIOptions { BearerTokens = { "entra-token" } });
        var credential = new StaticTokenCredential("entra-token");
        var gateway = new AzureOpenAIGateway(new AzureOpenAIGatewayOptions { Endpoint = fake.Endpoint, Credential = credential, TimeProvider = _clock });

        var result = await gateway.CompleteAsync(Request());

        Assert.Equal(ModelOutcome.Completed, result.Outcome);
        Assert.Equal([AzureOpenAIGatewayOptions.EntraScope], credential.Scopes.Distinct());
        var sent = Assert.Single(fake.Requests);
        Assert.Equal("Bearer entra-token", sent.Headers["authorization"]);
        Assert.False(sent.Headers.ContainsKey("api-key"));
    }

    [Fact]
    public async Task Circuit_OpensAfterConsecutiveFailures_AndStopsCalling()
    {
        _fake.Enqueue(FakeResponse.ServerError(500).Times(20));
        var circuit = new CircuitBreakerGateway(Gateway(maxAttempts: 2), threshold: 2);

        var first = await circuit.CompleteAsync(Request());
        var second = await circuit.CompleteAsync(Request());
        var third = await circuit.CompleteAsync(Request());

        Assert.Equal([ModelOutcome.Failed, ModelOutcome.Failed, ModelOutcome.CircuitOpen], [first.Outcome, second.Outcome, third.Outcome]);
        Assert.Equal(4, _fake.Requests.Count);
        Assert.True(circuit.IsOpen);
    }

    private sealed class StaticTokenCredential(string token) : Azure.Core.TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new Azure.Core.AccessToken(token, DateTimeOffset.MaxValue);
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private AzureOpenAIGateway Gateway(int maxAttempts = 4, TimeSpan? attemptTimeout = null) => new(new AzureOpenAIGatewayOptions
    {
        Endpoint = _fake.Endpoint,
        ApiKey = _fake.ApiKey,
        TimeProvider = _clock,
        Retry = new ModelRetryOptions { MaxAttempts = maxAttempts, AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30) },
    });

    private static ModelRequest Request() => new()
    {
        Deployment = "pools",
        PromptId = "test",
        PromptVersion = "sha256:" + new string('0', 64),
        Messages = [new ModelMessage("system", "You write test data."), new ModelMessage("user", "Three notes.")],
        SchemaName = "mockgen_value_pools",
        Schema = """{"type":"object","properties":{"f1":{"type":"array","items":{"type":"string"}}},"required":["f1"],"additionalProperties":false}""",
        Seed = 7,
        MaxOutputTokens = 256,
    };
}
