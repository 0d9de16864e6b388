using System.Text.Json;

namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>A chat-completions request that passed validation, as a responder sees it.</summary>
public sealed class FakeChatRequest
{
    internal FakeChatRequest(string deployment, FakeSurface surface, string? apiVersion, JsonElement body, int attempt)
    {
        Deployment = deployment;
        Surface = surface;
        ApiVersion = apiVersion;
        Body = body;
        Attempt = attempt;
        var messages = new List<KeyValuePair<string, string>>();
        foreach (var message in body.GetProperty("messages").EnumerateArray())
        {
            messages.Add(new(message.GetProperty("role").GetString()!, ContentText(message)));
        }

        Messages = messages;
        if (body.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object)
        {
            ResponseFormatType = format.GetProperty("type").GetString();
            if (format.TryGetProperty("json_schema", out var jsonSchema))
            {
                SchemaName = jsonSchema.TryGetProperty("name", out var name) ? name.GetString() : null;
                Schema = jsonSchema.TryGetProperty("schema", out var schema) ? schema.Clone() : null;
                Strict = jsonSchema.TryGetProperty("strict", out var strict) && strict.ValueKind == JsonValueKind.True;
            }
        }

        Seed = body.TryGetProperty("seed", out var seed) && seed.TryGetInt64(out var s) ? s : null;
        MaxTokens = ReadInt(body, "max_completion_tokens") ?? ReadInt(body, "max_tokens");
        ChoiceCount = ReadInt(body, "n") ?? 1;
    }

    /// <summary>The deployment addressed.</summary>
    public string Deployment { get; }

    /// <summary>The surface it came in on.</summary>
    public FakeSurface Surface { get; }

    /// <summary>The classic surface's <c>api-version</c>; null on v1 when absent.</summary>
    public string? ApiVersion { get; }

    /// <summary>The whole body.</summary>
    public JsonElement Body { get; }

    /// <summary>How many requests reached this deployment so far, this one included (1 for the first): "fail twice, then answer".</summary>
    public int Attempt { get; }

    /// <summary>The messages as (role, text), text parts of multi-part content joined.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Messages { get; }

    /// <summary>The text of the last user message (what responders usually key on), or empty.</summary>
    public string LastUserText => Messages.LastOrDefault(m => m.Key == "user").Value ?? string.Empty;

    /// <summary><c>response_format.type</c>: <c>text</c>, <c>json_object</c>, <c>json_schema</c>, or null when absent.</summary>
    public string? ResponseFormatType { get; }

    /// <summary><c>json_schema.name</c>, when a JSON schema was sent.</summary>
    public string? SchemaName { get; }

    /// <summary><c>json_schema.schema</c>, when a JSON schema was sent.</summary>
    public JsonElement? Schema { get; }

    /// <summary><c>json_schema.strict</c>.</summary>
    public bool Strict { get; }

    /// <summary><c>seed</c>, when sent.</summary>
    public long? Seed { get; }

    /// <summary><c>max_completion_tokens</c>, else <c>max_tokens</c>, when sent.</summary>
    public int? MaxTokens { get; }

    /// <summary><c>n</c> (default 1).</summary>
    public int ChoiceCount { get; }

    private static int? ReadInt(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : null;

    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(p => p.TryGetProperty("text", out _))
                .Select(p => p.GetProperty("text").GetString())),
            _ => string.Empty,
        };
    }
}
