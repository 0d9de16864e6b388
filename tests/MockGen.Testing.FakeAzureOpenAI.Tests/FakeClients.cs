using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.AI.OpenAI;
using MockGen.Core.Contracts;
using MockGen.Core.Enrichment;
using OpenAI.Chat;

namespace MockGen.Testing.FakeAzureOpenAI.Tests;

/// <summary>The real Azure.AI.OpenAI 2.1.0 client and a raw HttpClient, pointed at a fake.</summary>
internal static class FakeClients
{
    public const string Deployment = "gpt4o-mockgen";

    public const string UserSchemaJson = """
        {"type":"object","properties":{"id":{"type":"string","description":"Constraints: format: uuid."},"name":{"type":"string","description":"Constraints: maxLength: 40."},
         "email":{"type":["string","null"],"description":"Constraints: format: email."},"age":{"type":["integer","null"],"description":"Constraints: minimum: 18; maximum: 99."}},
         "required":["id","name","email","age"],"additionalProperties":false}
        """;

    /// <summary>SDK retries off (MockGen runs its own loop), as the reference's §3.2 configures it.</summary>
    public static ChatClient Chat(FakeAzureOpenAIServer server, string? key = null, string deployment = Deployment, TimeSpan? networkTimeout = null, bool sdkRetries = false)
    {
        var options = new AzureOpenAIClientOptions(AzureOpenAIClientOptions.ServiceVersion.V2024_10_21);
        if (!sdkRetries)
        {
            options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        }

        if (networkTimeout is { } timeout)
        {
            options.NetworkTimeout = timeout;
        }

        return new AzureOpenAIClient(server.Endpoint, new ApiKeyCredential(key ?? server.ApiKey), options).GetChatClient(deployment);
    }

    public static ChatCompletionOptions StrictOptions(string schemaJson = UserSchemaJson, string name = "user_payload") => new()
    {
        Seed = 1234,
        Temperature = 0.2f,
        MaxOutputTokenCount = 512,
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(name, BinaryData.FromString(schemaJson), "A user record", jsonSchemaIsStrict: true),
    };

    public static ChatMessage[] Messages(string user = "Generate one realistic user.") =>
        [new SystemChatMessage("You generate JSON test payloads for MockGen."), new UserChatMessage(user)];

    public static HttpClient Http(FakeAzureOpenAIServer server) => new() { BaseAddress = server.Endpoint };

    /// <summary>A minimal valid classic-surface body.</summary>
    public static string Body(string? responseFormat = null, string extra = "") =>
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Give me json.\"}]" + (responseFormat is null ? string.Empty : ",\"response_format\":" + responseFormat) + extra + "}";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body, string? apiKey, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (apiKey is not null)
        {
            request.Headers.Add("api-key", apiKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }

    public static string ClassicPath(string deployment = Deployment, string apiVersion = "2024-10-21") =>
        $"openai/deployments/{deployment}/chat/completions?api-version={apiVersion}";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement ErrorBody(ClientResultException exception) => Parse(exception.GetRawResponse()!.Content.ToString());

    /// <summary>Validates an answer against the strict schema itself, with MockGen's validator (2020-12).</summary>
    public static bool SatisfiesStrictSchema(string schemaJson, JsonElement answer)
    {
        var contract = new ContractLoader().Load("strict.schema.json", Encoding.UTF8.GetBytes(schemaJson));
        return contract.Validate(contract.Targets.Single(t => t.Id == "#"), answer).IsValid;
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MockGen.Functions.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MockGen.Functions.sln not found");
    }

    public static async Task<(Contract Contract, ContractTarget Target, StrictSchema Strict)> SamplePaymentAsync()
    {
        var contract = await new ContractLoader().LoadAsync(Path.Combine(RepositoryRoot(), "samples", "payments-api.yaml"));
        var target = contract.GetTarget("#/components/schemas/Payment");
        return (contract, target, new StrictSchemaTransform().Transform(contract, target));
    }
}
