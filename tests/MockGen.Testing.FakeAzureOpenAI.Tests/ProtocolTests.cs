using System.ClientModel;
using System.Net;
using System.Text.Json;
using OpenAI.Chat;
using static MockGen.Testing.FakeAzureOpenAI.Tests.FakeClients;

namespace MockGen.Testing.FakeAzureOpenAI.Tests;

/// <summary>Routes, auth and the request/response shapes, driven by Azure.AI.OpenAI 2.1.0 and raw HTTP (reference §1, §3.3).</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task CompleteChat_AzureClient_HitsTheDeploymentPathWithApiVersionAndKey_AndGetsAStrictAnswer()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();

        ClientResult<ChatCompletion> result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/openai/deployments/{Deployment}/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
        Assert.Equal(server.ApiKey, request.Headers["api-key"]);
        Assert.StartsWith("azsdk-net-AI.OpenAI/2.1.0", request.Headers["user-agent"], StringComparison.Ordinal);
        Assert.True(request.Headers.ContainsKey("x-ms-client-request-id"));
        var body = request.Json!.Value;
        Assert.Equal(Deployment, body.GetProperty("model").GetString());
        Assert.Equal(512, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(1234, body.GetProperty("seed").GetInt64());
        Assert.True(body.GetProperty("response_format").GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal(Deployment, request.Deployment);
        Assert.Equal(FakeSurface.Classic, request.Surface);
        Assert.Equal(200, request.ResponseStatus);

        var completion = result.Value;
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal("gpt-4o-2024-08-06", completion.Model);
        Assert.Equal("fp_fake0001", completion.SystemFingerprint);
        Assert.StartsWith("chatcmpl-", completion.Id, StringComparison.Ordinal);
        Assert.True(completion.Usage.InputTokenCount > 0);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
        var answer = Parse(completion.Content[0].Text);
        Assert.True(SatisfiesStrictSchema(UserSchemaJson, answer), completion.Content[0].Text);
        Assert.Equal(["id", "name", "email", "age"], answer.EnumerateObject().Select(p => p.Name));

        var raw = Parse(result.GetRawResponse().Content.ToString());
        Assert.False(raw.GetProperty("prompt_filter_results")[0].GetProperty("content_filter_results").GetProperty("hate").GetProperty("filtered").GetBoolean());
        Assert.Equal("safe", raw.GetProperty("choices")[0].GetProperty("content_filter_results").GetProperty("violence").GetProperty("severity").GetString());
        Assert.True(result.GetRawResponse().Headers.TryGetValue("apim-request-id", out _));
        Assert.True(result.GetRawResponse().Headers.TryGetValue("x-ratelimit-remaining-tokens", out _));
    }

    [Fact]
    public async Task CompleteChat_SameRequestTwice_GivesByteIdenticalAnswers_OtherSeedAnother()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var chat = Chat(server);

        var first = await chat.CompleteChatAsync(Messages(), StrictOptions());
        var second = await chat.CompleteChatAsync(Messages(), StrictOptions());
        var otherSeed = StrictOptions();
        otherSeed.Seed = 99;
        var third = await chat.CompleteChatAsync(Messages(), otherSeed);

        Assert.Equal(first.Value.Content[0].Text, second.Value.Content[0].Text);
        Assert.Equal(first.Value.Id, second.Value.Id);
        Assert.NotEqual(first.Value.Content[0].Text, third.Value.Content[0].Text);
    }

    [Fact]
    public async Task CompleteChat_WrongKey_Is401_NotRetried()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server, key: "wrong").CompleteChatAsync(Messages(), StrictOptions()));

        Assert.Equal(401, error.Status);
        Assert.StartsWith("Access denied due to invalid subscription key", ErrorBody(error).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Post_NoCredentials_Is401_BearerWithTheKeyOrAToken_Is200()
    {
        var options = new FakeAzureOpenAIOptions();
        options.BearerTokens.Add("entra-token");
        await using var server = await FakeAzureOpenAIServer.StartAsync(options);
        using var http = Http(server);

        using var none = await PostAsync(http, ClassicPath(), Body(), apiKey: null);
        using var bearerKey = await PostAsync(http, ClassicPath(), Body(), apiKey: null, bearer: server.ApiKey);
        using var bearerToken = await PostAsync(http, ClassicPath(), Body(), apiKey: null, bearer: "entra-token");
        using var badBearer = await PostAsync(http, ClassicPath(), Body(), apiKey: null, bearer: "nope");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("401", (await JsonAsync(none)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, bearerKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearerToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badBearer.StatusCode);
    }

    [Theory]
    [InlineData("openai/deployments/d/chat/completions")]
    [InlineData("openai/deployments/d/chat/completions?api-version=2023-01-01")]
    [InlineData("openai/deployments/d/embeddings?api-version=2024-10-21")]
    [InlineData("v1/chat/completions")]
    public async Task Post_MissingApiVersionOrUnknownRoute_Is404ResourceNotFound(string path)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var http = Http(server);

        using var response = await PostAsync(http, path, Body(), server.ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Resource not found", (await JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task CompleteChat_UnknownDeployment_Is404DeploymentNotFound()
    {
        var options = new FakeAzureOpenAIOptions();
        options.Deployments.Add(Deployment);
        await using var server = await FakeAzureOpenAIServer.StartAsync(options);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server, deployment: "missing").CompleteChatAsync(Messages(), StrictOptions()));
        var ok = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal(404, error.Status);
        Assert.Equal("DeploymentNotFound", ErrorBody(error).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(ChatFinishReason.Stop, ok.Value.FinishReason);
    }

    [Fact]
    public async Task Post_V1Surface_TakesTheDeploymentFromModel_AndWantsOne()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var http = Http(server);

        using var ok = await PostAsync(http, "openai/v1/chat/completions",
            """{"model":"v1-deployment","messages":[{"role":"user","content":"hi"}],"max_completion_tokens":64}""", apiKey: null, bearer: server.ApiKey);
        using var noModel = await PostAsync(http, "openai/v1/chat/completions", Body(), apiKey: null, bearer: server.ApiKey);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var record = server.Requests[0];
        Assert.Equal(FakeSurface.V1, record.Surface);
        Assert.Equal("v1-deployment", record.Deployment);
        Assert.Equal("gpt-4o-2024-08-06", (await JsonAsync(ok)).GetProperty("model").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noModel.StatusCode);
        Assert.Equal("model", (await JsonAsync(noModel)).GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task CompleteChat_Usage_CountsPromptAndCompletionDeterministically()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var chat = Chat(server);

        var shortPrompt = await chat.CompleteChatAsync(Messages("Hi."), StrictOptions());
        var longPrompt = await chat.CompleteChatAsync(Messages("Generate one realistic user. " + new string('x', 400)), StrictOptions());

        Assert.True(longPrompt.Value.Usage.InputTokenCount >= shortPrompt.Value.Usage.InputTokenCount + 100);
        var raw = Parse(shortPrompt.GetRawResponse().Content.ToString()).GetProperty("usage");
        Assert.Equal(0, raw.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
        Assert.Equal((Parse(shortPrompt.GetRawResponse().Content.ToString()).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!.Length + 3) / 4,
            raw.GetProperty("completion_tokens").GetInt32());
    }
}
