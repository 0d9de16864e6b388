using System.ClientModel;
using System.Net;
using System.Text.Json;
using Azure.AI.OpenAI.Chat;
using MockGen.Core.Enrichment;
using OpenAI.Chat;
using static MockGen.Testing.FakeAzureOpenAI.Tests.FakeClients;

namespace MockGen.Testing.FakeAzureOpenAI.Tests;

/// <summary>Each scripted scenario of the reference's §6 table, as the real client sees it.</summary>
public sealed class ScenarioTests
{
    [Theory]
    [InlineData(FakeViolation.WrongType)]
    [InlineData(FakeViolation.MissingField)]
    [InlineData(FakeViolation.ExtraField)]
    public async Task SchemaViolating_IsJsonThatBreaksTheStrictSchema(FakeViolation violation)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.SchemaViolating(violation));

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        var answer = Parse(result.Value.Content[0].Text);
        Assert.False(SatisfiesStrictSchema(UserSchemaJson, answer), result.Value.Content[0].Text);
        Assert.Equal("schema-violating", server.Requests[0].Scenario);
    }

    [Fact]
    public async Task Truncated_FinishesWithLength_AndIsNotJson()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Truncated());

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal(ChatFinishReason.Length, result.Value.FinishReason);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Value.Content[0].Text));
    }

    [Fact]
    public async Task SmallMaxTokens_CutsTheAnswerThere_WithLength()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var options = StrictOptions();
        options.MaxOutputTokenCount = 5;

        var result = await Chat(server).CompleteChatAsync(Messages(), options);

        Assert.Equal(ChatFinishReason.Length, result.Value.FinishReason);
        Assert.Equal(20, result.Value.Content[0].Text.Length);
        Assert.Equal(5, result.Value.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task OutputFiltered_HasNoContent_AndNamesTheCategory()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.OutputFiltered("violence"));

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal(ChatFinishReason.ContentFilter, result.Value.FinishReason);
        Assert.Empty(result.Value.Content);
        var filter = result.Value.GetResponseContentFilterResult();
        Assert.True(filter.Violence.Filtered);
        Assert.False(filter.Hate.Filtered);
        var raw = Parse(result.GetRawResponse().Content.ToString()).GetProperty("choices")[0];
        Assert.Equal("high", raw.GetProperty("content_filter_results").GetProperty("violence").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task PromptFiltered_Is400ContentFilter_WithInnerError_NotRetried()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.PromptFiltered("jailbreak"));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server, sdkRetries: true).CompleteChatAsync(Messages(), StrictOptions()));

        Assert.Equal(400, error.Status);
        var body = ErrorBody(error).GetProperty("error");
        Assert.Equal("content_filter", body.GetProperty("code").GetString());
        Assert.Equal("prompt", body.GetProperty("param").GetString());
        Assert.Equal("ResponsibleAIPolicyViolation", body.GetProperty("innererror").GetProperty("code").GetString());
        Assert.True(body.GetProperty("innererror").GetProperty("content_filter_result").GetProperty("jailbreak").GetProperty("detected").GetBoolean());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Refusal_HasRefusalTextAndNoContent()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Refusal("No."));

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal("No.", result.Value.Refusal);
        Assert.Empty(result.Value.Content);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task ServerError_IsThatStatus_WithAzuresErrorBody(int status)
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.ServerError(status));

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server).CompleteChatAsync(Messages(), StrictOptions()));

        Assert.Equal(status, error.Status);
        Assert.False(string.IsNullOrEmpty(ErrorBody(error).GetProperty("error").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task HtmlBadGateway_Is502WithAnHtmlPage()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.HtmlBadGateway());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server).CompleteChatAsync(Messages(), StrictOptions()));

        Assert.Equal(502, error.Status);
        Assert.StartsWith("<html>", error.GetRawResponse()!.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonJsonContent_IsAStopAnswerThatDoesNotParse()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.NonJsonContent());

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Value.Content[0].Text));
    }

    [Fact]
    public async Task ScriptedContent_IsSentAsIs()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.Content("""{"id":"u-1","name":"Ada","email":null,"age":null}"""));

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal("""{"id":"u-1","name":"Ada","email":null,"age":null}""", result.Value.Content[0].Text);
    }

    [Fact]
    public async Task Drift_SameRequest_NewContentAndFingerprint()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var chat = Chat(server);
        var before = await chat.CompleteChatAsync(Messages(), StrictOptions());
        server.Enqueue(FakeResponse.Drift());

        var after = await chat.CompleteChatAsync(Messages(), StrictOptions());

        Assert.NotEqual(before.Value.SystemFingerprint, after.Value.SystemFingerprint);
        Assert.NotEqual(before.Value.Content[0].Text, after.Value.Content[0].Text);
        Assert.True(SatisfiesStrictSchema(UserSchemaJson, Parse(after.Value.Content[0].Text)));
    }

    [Fact]
    public async Task PiiLaden_StaysStrictValid_AndCarriesEveryKindOfPii()
    {
        const string Schema = """
            {"type":"object","properties":{"contact_email":{"type":"string"},"card_number":{"type":"string"},"phone":{"type":"string"},"iban":{"type":"string"},
             "notes":{"type":"array","items":{"type":"string"}},"kind":{"type":"string","enum":["a","b"]}},
             "required":["contact_email","card_number","phone","iban","notes","kind"],"additionalProperties":false}
            """;
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Enqueue(FakeResponse.PiiLaden());

        var result = await Chat(server).CompleteChatAsync(Messages(), StrictOptions(Schema, "contact"));

        var text = result.Value.Content[0].Text;
        var answer = Parse(text);
        Assert.True(SatisfiesStrictSchema(Schema, answer), text);
        Assert.Contains(answer.GetProperty("contact_email").GetString(), FakePii.Emails);
        Assert.Contains(answer.GetProperty("card_number").GetString(), FakePii.CardNumbers);
        Assert.Contains(answer.GetProperty("phone").GetString(), FakePii.Phones);
        Assert.Contains(answer.GetProperty("iban").GetString(), FakePii.Ibans);
        Assert.Contains(answer.GetProperty("kind").GetString(), new[] { "a", "b" });
    }

    [Fact]
    public async Task Responder_KeysOnThePrompt_QueuesKeyOnTheDeployment()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Responder = request => request.LastUserText.Contains("edge", StringComparison.Ordinal) ? FakeResponse.Refusal("edge refused") : null;
        server.Enqueue("other", FakeResponse.ServerError(503));

        var edge = await Chat(server).CompleteChatAsync(Messages("Propose edge cases."), StrictOptions());
        var normal = await Chat(server).CompleteChatAsync(Messages(), StrictOptions());
        var other = await Assert.ThrowsAsync<ClientResultException>(() => Chat(server, deployment: "other").CompleteChatAsync(Messages(), StrictOptions()));
        var otherAgain = await Chat(server, deployment: "other").CompleteChatAsync(Messages(), StrictOptions());

        Assert.Equal("edge refused", edge.Value.Refusal);
        Assert.Equal(ChatFinishReason.Stop, normal.Value.FinishReason);
        Assert.Equal(503, other.Status);
        Assert.Equal(ChatFinishReason.Stop, otherAgain.Value.FinishReason);
        Assert.Equal(2, server.RequestsTo("other").Count);
    }

    [Fact]
    public async Task Responder_SeesTheAttempt_FailTwiceThenAnswer()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.Responder = request => request.Attempt <= 2 ? FakeResponse.ServerError(500) : null;
        using var http = Http(server);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(http, ClassicPath(), Body(), server.ApiKey);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task ListSchema_OfTheSamplePayment_IsAccepted_AndEveryPayloadPassesTheGate()
    {
        var (contract, target, _) = await SamplePaymentAsync();
        var strict = new StrictSchemaTransform().TransformList(contract, target, 3);
        Assert.True(strict.IsWithinSubset, string.Join("; ", strict.Violations));
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var options = StrictOptions(strict.Json, strict.Name);
        options.MaxOutputTokenCount = 16_000;

        var result = await Chat(server).CompleteChatAsync(Messages("Three tricky but valid payments."), options);

        var payloads = StrictAnswer.ToPayloads(strict, Parse(result.Value.Content[0].Text));
        Assert.NotEmpty(payloads);
        Assert.All(payloads, p => Assert.True(contract.Validate(target, p).IsValid, p.GetRawText()));
    }

    [Fact]
    public async Task JsonObjectAndText_GetDeterministicAnswersToo()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var http = Http(server);

        using var json = await PostAsync(http, ClassicPath(), Body("""{"type":"json_object"}"""), server.ApiKey);
        using var text = await PostAsync(http, ClassicPath(), Body(), server.ApiKey);

        var content = (await JsonAsync(json)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        Assert.Equal(JsonValueKind.Object, Parse(content).ValueKind);
        Assert.False(string.IsNullOrEmpty((await JsonAsync(text)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
    }

    [Fact]
    public async Task SampleContract_EveryTarget_TransformIsAccepted_AndValidAnswersPassTheGate()
    {
        var contract = await new MockGen.Core.Contracts.ContractLoader().LoadAsync(Path.Combine(RepositoryRoot(), "samples", "payments-api.yaml"));
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var chat = Chat(server);
        var transform = new StrictSchemaTransform();
        var failures = new List<string>();
        foreach (var target in contract.Targets)
        {
            var strict = transform.Transform(contract, target);
            for (var seed = 0; seed < 3; seed++)
            {
                var options = StrictOptions(strict.Json, strict.Name);
                options.Seed = seed;
                options.MaxOutputTokenCount = 16_000;
                var result = await chat.CompleteChatAsync(Messages("One payload for " + target.Name), options);
                Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);

                var text = result.Value.Content[0].Text;
                Assert.True(SatisfiesStrictSchema(strict.Json, Parse(text)), text);
                Assert.True(StrictAnswer.TryToPayload(strict, text, out var payload, out var error), error);
                var verdict = contract.Validate(target, payload);
                failures.AddRange(verdict.Errors.Select(e => $"{target.Name} seed {seed}: {e.Message}"));
            }
        }

        // The generator reads the transform's Constraints: text (formats, lengths, bounds, patterns), so a
        // well-behaved model's answer maps back to payloads the gate accepts.
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
