using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using OpenAI.Chat;
using static MockGen.Testing.FakeAzureOpenAI.Tests.FakeClients;

namespace MockGen.Testing.FakeAzureOpenAI.Tests;

/// <summary>Throttling headers, slow answers, timeouts and cancellation, as the real client experiences them (reference §3.4).</summary>
public sealed class RetryAndTimeoutTests
{
    [Fact]
    public async Task Throttled_Is429WithBothRetryHeaders_SurfacedWithSdkRetriesOff()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Throttled(retryAfterMs: 300, retryAfterSeconds: 1));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server).CompleteChatAsync(Messages(), StrictOptions()));

        Assert.Equal(429, error.Status);
        var headers = error.GetRawResponse()!.Headers;
        Assert.True(headers.TryGetValue("retry-after-ms", out var ms));
        Assert.Equal("300", ms);
        Assert.True(headers.TryGetValue("retry-after", out var seconds));
        Assert.Equal("1", seconds);
        Assert.True(headers.TryGetValue("x-ratelimit-remaining-requests", out var remaining));
        Assert.Equal("0", remaining);
        Assert.Contains("Please retry after 1 second", ErrorBody(error).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Throttled_WithAnHttpDate_SendsRetryAfterAsADate()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var date = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        server.Enqueue(FakeResponse.Throttled(retryAfterMs: null, retryAfterSeconds: null, retryAfterDate: date));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server).CompleteChatAsync(Messages(), StrictOptions()));

        Assert.True(error.GetRawResponse()!.Headers.TryGetValue("retry-after", out var value));
        Assert.Equal(date, DateTimeOffset.Parse(value!, CultureInfo.InvariantCulture));
        Assert.False(error.GetRawResponse()!.Headers.TryGetValue("retry-after-ms", out _));
    }

    [Fact]
    public async Task Throttled_AzureClientsDefaultRetry_HonoursRetryAfterMs_ThenSucceeds()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Throttled(retryAfterMs: 250, retryAfterSeconds: null));

        var result = await Chat(server, sdkRetries: true).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        var requests = server.Requests;
        Assert.Equal([429, 200], requests.Select(r => r.ResponseStatus));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(200), $"{requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task Slow_LongerThanTheNetworkTimeout_FailsFast_AndTheFakeAbandonsTheAnswer()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Slow(TimeSpan.FromSeconds(30)));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<Exception>(() => Chat(server, networkTimeout: TimeSpan.FromMilliseconds(300)).CompleteChatAsync(Messages(), StrictOptions()));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        await WaitUntilAsync(() => server.Requests[0].Scenario == "slow (abandoned)");
        Assert.Equal(0, server.Requests[0].ResponseStatus);
    }

    [Fact]
    public async Task Slow_ClientCancellation_IsHonoured()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Slow(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();

        // Cancel once the server holds the request (a fixed 200 ms timer fired before a loaded CI machine sent it).
        var call = Chat(server).CompleteChatAsync(Messages(), StrictOptions(), cancellation.Token);
        await WaitUntilAsync(() => server.Requests.Count > 0);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        await WaitUntilAsync(() => server.Requests[0].Scenario == "slow (abandoned)");
    }

    [Fact]
    public async Task Slow_ShorterThanTheTimeout_AnswersAfterTheDelay()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Slow(TimeSpan.FromMilliseconds(300), FakeResponse.Refusal("late")));
        var watch = Stopwatch.StartNew();

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), watch.Elapsed.ToString());
        Assert.Equal("late", result.Value.Refusal);
        Assert.Equal("slow then refusal", server.Requests[0].Scenario);
    }

    [Fact]
    public async Task ServerError_Times_FailsThatManyRequestsThenAnswers()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(Deployment, FakeResponse.ServerError(502).Times(2));
        var chat = Chat(server);

        await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync(Messages(), StrictOptions()));
        await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync(Messages(), StrictOptions()));
        var third = await chat.CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal(ChatFinishReason.Stop, third.Value.FinishReason);
        Assert.Equal([502, 502, 200], server.RequestsTo(Deployment).Select(r => r.ResponseStatus));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
