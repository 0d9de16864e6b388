using System.Net;
using static MockGen.Testing.FakeAzureOpenAI.Tests.FakeClients;

namespace MockGen.Testing.FakeAzureOpenAI.Tests;

/// <summary>Stop, restart, reset and the request log.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Stop_RefusesConnections_StartAgain_ServesTheSameEndpoint()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var endpoint = server.Endpoint;
        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.NotEqual(0, endpoint.Port);
        using var http = Http(server);
        using (var before = await PostAsync(http, ClassicPath(), Body(), server.ApiKey))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await server.StopAsync();
        Assert.False(server.IsRunning);
        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(http, ClassicPath(), Body(), server.ApiKey));

        await server.StartAgainAsync();
        using var after = await PostAsync(http, ClassicPath(), Body(), server.ApiKey);

        Assert.True(server.IsRunning);
        Assert.Equal(endpoint, server.Endpoint);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal([1, 2], server.Requests.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Reset_ForgetsRequestsQueuesAndAttempts()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var http = Http(server);
        server.Enqueue(FakeResponse.ServerError(500));
        int? attempt = null;
        server.Responder = request =>
        {
            attempt = request.Attempt;
            return null;
        };
        using (await PostAsync(http, ClassicPath(), Body(), server.ApiKey))
        {
        }

        server.Enqueue(FakeResponse.ServerError(500));
        server.Reset();
        using var response = await PostAsync(http, ClassicPath(), Body(), server.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(server.Requests);
        Assert.Equal(1, attempt);
    }

    [Fact]
    public async Task Requests_RecordRejectedOnesToo_WithTheirStatus()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var http = Http(server);

        using (await PostAsync(http, ClassicPath(), Body(), "wrong"))
        {
        }

        using (await PostAsync(http, ClassicPath(), "{}", server.ApiKey))
        {
        }

        Assert.Equal([401, 400], server.Requests.Select(r => r.ResponseStatus));
        Assert.Equal(["rejected", "rejected"], server.Requests.Select(r => r.Scenario));
        Assert.Equal("wrong", server.Requests[0].Headers["api-key"]);
        Assert.Equal("{}", server.Requests[1].Body);
    }

    [Fact]
    public async Task TwoServers_RunSideBySide_OnDifferentPorts()
    {
        await using var first = await FakeAzureOpenAIServer.StartAsync();
        await using var second = await FakeAzureOpenAIServer.StartAsync();

        Assert.NotEqual(first.Endpoint, second.Endpoint);
    }
}
