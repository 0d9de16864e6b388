using System.ClientModel;
using System.Net;
using MockGen.Core.Enrichment;
using static MockGen.Testing.FakeAzureOpenAI.Tests.FakeClients;

namespace MockGen.Testing.FakeAzureOpenAI.Tests;

/// <summary>Request validation as Azure does it (reference §6): Azure's 400 body, never retried.</summary>
public sealed class ValidationTests
{
    [Theory]
    [InlineData("not json", null)]
    [InlineData("""{"messages":[]}""", "messages")]
    [InlineData("""{"model":"x"}""", "messages")]
    [InlineData("""{"messages":[{"role":"robot","content":"hi"}]}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user"}]}""", "messages[0].content")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"temperature":2.5}""", "temperature")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"top_p":-0.1}""", "top_p")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", "max_tokens")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"yaml"}}""", "response_format.type")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_object"}}""", "messages")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema"}}""", "response_format.json_schema")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"has space","schema":{}}}}""", "response_format.json_schema.name")]
    public async Task Post_MalformedBody_Is400InvalidRequestNamingTheParameter(string body, string? param)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var http = Http(server);

        using var response = await PostAsync(http, ClassicPath(), body, server.ApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task CompleteChat_StrictSchemaOutsideTheSubset_Is400WithAzuresMessage_NotRetried()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        const string NotStrict = """{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""";

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            Chat(server, sdkRetries: true).CompleteChatAsync(Messages(), StrictOptions(NotStrict)));

        Assert.Equal(400, error.Status);
        var body = ErrorBody(error).GetProperty("error");
        Assert.Equal(
            "Invalid schema for response_format 'user_payload': In context=(), 'additionalProperties' is required to be supplied and to be false.",
            body.GetProperty("message").GetString());
        Assert.Equal("response_format", body.GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", body.GetProperty("type").GetString());
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false,"oneOf":[]}""", "'oneOf' is not permitted")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["a"],"additionalProperties":false}""", "Missing 'b'")]
    [InlineData("""{"type":"array","items":{"type":"string"}}""", "must be of type 'object'")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","pattern":"^x$"}},"required":["a"],"additionalProperties":false}""", "'pattern' is not permitted")]
    public async Task CompleteChat_StrictRuleBroken_IsRejected(string schema, string expected)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server).CompleteChatAsync(Messages(), StrictOptions(schema)));

        Assert.Equal(400, error.Status);
        Assert.Contains(expected, ErrorBody(error).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteChat_ConstraintKeywordsOnADeploymentThatAcceptsThem_IsAccepted()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync(new FakeAzureOpenAIOptions { StrictLimits = new StrictSubsetLimits { AllowConstraintKeywords = true } });
        const string WithPattern = """{"type":"object","properties":{"a":{"type":"string","pattern":"^x$"}},"required":["a"],"additionalProperties":false}""";

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions(WithPattern));

        Assert.Equal(OpenAI.Chat.ChatFinishReason.Stop, result.Value.FinishReason);
    }

    [Fact]
    public async Task Post_NonStrictSchema_IsNotChecked()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var http = Http(server);

        using var response = await PostAsync(http, ClassicPath(), Body("""{"type":"json_schema","json_schema":{"name":"loose","schema":{"type":"object","properties":{"a":{"type":"string"}}}}}"""), server.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
