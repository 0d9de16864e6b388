using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MockGen.Core.Enrichment;

namespace MockGen.Testing.FakeAzureOpenAI;

public sealed partial class FakeAzureOpenAIServer
{
    private const string ClassicPrefix = "/openai/deployments/";
    private const string ChatSuffix = "/chat/completions";
    private const string V1Path = "/openai/v1/chat/completions";

    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool", "function"];

    private async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var path = request.Path.Value ?? string.Empty;

        FakeSurface? surface = null;
        string? deployment = null;
        if (path.StartsWith(ClassicPrefix, StringComparison.Ordinal) && path.EndsWith(ChatSuffix, StringComparison.Ordinal) &&
            path.Length > ClassicPrefix.Length + ChatSuffix.Length)
        {
            surface = FakeSurface.Classic;
            deployment = Uri.UnescapeDataString(path[ClassicPrefix.Length..^ChatSuffix.Length]);
            if (deployment.Contains('/', StringComparison.Ordinal))
            {
                surface = null;
                deployment = null;
            }
        }
        else if (string.Equals(path, V1Path, StringComparison.Ordinal))
        {
            surface = FakeSurface.V1;
        }

        JsonElement? json = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
        }

        if (surface == FakeSurface.V1 && json is { ValueKind: JsonValueKind.Object } v1 && v1.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String)
        {
            deployment = model.GetString();
        }

        var record = Record(request, body, deployment, surface);

        // The order Azure checks in: the route, the key, the deployment, then the body.
        if (surface is null)
        {
            await WriteAsync(context, record, 404, AzureBodies.ResourceNotFound()).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            await WriteAsync(context, record, 405, AzureBodies.Error("405", "The HTTP method is not supported for this resource.")).ConfigureAwait(false);
            return;
        }

        string? apiVersion = request.Query["api-version"];
        if (surface == FakeSurface.Classic && (string.IsNullOrEmpty(apiVersion) || !_options.ApiVersions.Contains(apiVersion)))
        {
            await WriteAsync(context, record, 404, AzureBodies.ResourceNotFound()).ConfigureAwait(false);
            return;
        }

        if (!IsAuthorized(request))
        {
            await WriteAsync(context, record, 401, AzureBodies.Unauthorized()).ConfigureAwait(false);
            return;
        }

        if (json is not { ValueKind: JsonValueKind.Object } root)
        {
            await WriteAsync(context, record, 400, AzureBodies.InvalidRequest(
                "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
                null)).ConfigureAwait(false);
            return;
        }

        if (surface == FakeSurface.V1 && deployment is null)
        {
            await WriteAsync(context, record, 400, AzureBodies.InvalidRequest("you must provide a model parameter", "model")).ConfigureAwait(false);
            return;
        }

        if (_options.Deployments.Count > 0 && !_options.Deployments.Contains(deployment!))
        {
            await WriteAsync(context, record, 404, AzureBodies.DeploymentNotFound()).ConfigureAwait(false);
            return;
        }

        if (Validate(root) is { } invalid)
        {
            await WriteAsync(context, record, 400, invalid).ConfigureAwait(false);
            return;
        }

        int attempt;
        lock (_gate)
        {
            _attempts[deployment!] = attempt = _attempts.GetValueOrDefault(deployment!) + 1;
        }

        var chat = new FakeChatRequest(deployment!, surface.Value, apiVersion, root, attempt);
        await AnswerAsync(context, record, chat, Next(chat), stopping).ConfigureAwait(false);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        try
        {
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            return string.Empty; // over MaxRequestBytes: Kestrel answers 413 itself
        }
    }

    private RecordedRequest Record(HttpRequest request, string body, string? deployment, FakeSurface? surface)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in request.Headers)
        {
            headers[header.Key.ToLowerInvariant()] = header.Value.ToString();
        }

        lock (_gate)
        {
            var record = new RecordedRequest(++_sequence, _options.TimeProvider.GetUtcNow(), request.Method, request.Path.Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty, headers, body, deployment, surface);
            _requests.Add(record);
            return record;
        }
    }

    private bool IsAuthorized(HttpRequest request)
    {
        if (request.Headers.TryGetValue("api-key", out var key))
        {
            return string.Equals(key.ToString(), _options.ApiKey, StringComparison.Ordinal);
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorization[Bearer.Length..].Trim();
        return string.Equals(token, _options.ApiKey, StringComparison.Ordinal) || _options.BearerTokens.Contains(token);
    }

    /// <summary>Azure's body validation (2024-10-21 <c>createChatCompletionRequest</c>); null when the body is acceptable.</summary>
    private JsonObject? Validate(JsonElement body)
    {
        if (!body.TryGetProperty("messages", out var messages))
        {
            return AzureBodies.InvalidRequest("'messages' is a required property", "messages", "missing_required_parameter");
        }

        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return AzureBodies.InvalidRequest($"{messages.GetRawText()} is too short - 'messages'", "messages", "invalid_value");
        }

        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"messages[{index}]");
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                return AzureBodies.InvalidRequest($"Missing required parameter: '{where}.role'.", where + ".role", "missing_required_parameter");
            }

            if (!Roles.Contains(role.GetString()))
            {
                return AzureBodies.InvalidRequest(
                    $"Invalid value: '{role.GetString()}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.", where + ".role", "invalid_value");
            }

            if (role.GetString() is "system" or "user" or "developer" && !message.TryGetProperty("content", out _))
            {
                return AzureBodies.InvalidRequest($"Missing required parameter: '{where}.content'.", where + ".content", "missing_required_parameter");
            }

            index++;
        }

        if (Range(body, "temperature", 0, 2) is { } temperature)
        {
            return temperature;
        }

        if (Range(body, "top_p", 0, 1) is { } topP)
        {
            return topP;
        }

        foreach (var name in new[] { "max_tokens", "max_completion_tokens", "n" })
        {
            if (body.TryGetProperty(name, out var value) && (!value.TryGetInt32(out var count) || count < 1))
            {
                return AzureBodies.InvalidRequest($"Invalid '{name}': integer below minimum value. Expected a value >= 1, but got {value.GetRawText()} instead.", name, "integer_below_min_value");
            }
        }

        if (body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            return AzureBodies.InvalidRequest("stream: true is not supported by MockGen's fake (MockGen never streams).", "stream");
        }

        return body.TryGetProperty("response_format", out var format) ? ValidateFormat(format, messages) : null;
    }

    private JsonObject? ValidateFormat(JsonElement format, JsonElement messages)
    {
        if (format.ValueKind != JsonValueKind.Object || !format.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return AzureBodies.InvalidRequest("Missing required parameter: 'response_format.type'.", "response_format.type", "missing_required_parameter");
        }

        switch (type.GetString())
        {
            case "text":
                return null;
            case "json_object":
                // OpenAI's rule, enforced by Azure too: json_object needs the word in the conversation.
                return messages.GetRawText().Contains("json", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : AzureBodies.InvalidRequest("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", "messages");
            case "json_schema":
                break;
            default:
                return AzureBodies.InvalidRequest(
                    $"Invalid value: '{type.GetString()}'. Supported values are: 'json_object', 'json_schema', and 'text'.", "response_format.type", "invalid_value");
        }

        if (!format.TryGetProperty("json_schema", out var jsonSchema) || jsonSchema.ValueKind != JsonValueKind.Object)
        {
            return AzureBodies.InvalidRequest("Missing required parameter: 'response_format.json_schema'.", "response_format.json_schema", "missing_required_parameter");
        }

        var name = jsonSchema.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
        if (name is null)
        {
            return AzureBodies.InvalidRequest("Missing required parameter: 'response_format.json_schema.name'.", "response_format.json_schema.name", "missing_required_parameter");
        }

        if (!StrictSubsetChecker.IsValidFormatName(name))
        {
            return AzureBodies.InvalidRequest(
                "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64 characters.",
                "response_format.json_schema.name", "invalid_value");
        }

        var strict = jsonSchema.TryGetProperty("strict", out var strictElement) && strictElement.ValueKind == JsonValueKind.True;
        if (!jsonSchema.TryGetProperty("schema", out var schema))
        {
            return strict ? AzureBodies.InvalidRequest($"Invalid schema for response_format '{name}': a schema is required when strict is true.", "response_format") : null;
        }

        if (strict && StrictSubsetChecker.Check(schema, _options.StrictLimits) is [var first, ..])
        {
            return AzureBodies.InvalidRequest(first.ToAzureMessage(name), "response_format");
        }

        return null;
    }

    private static JsonObject? Range(JsonElement body, string name, double min, double max)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (!value.TryGetDouble(out var number))
        {
            return AzureBodies.InvalidRequest($"Invalid type for '{name}': expected a decimal, but got {value.ValueKind.ToString().ToLowerInvariant()} instead.", name, "invalid_type");
        }

        return number < min
            ? AzureBodies.InvalidRequest(string.Create(CultureInfo.InvariantCulture, $"{value.GetRawText()} is less than the minimum of {min} - '{name}'"), name, "decimal_below_min_value")
            : number > max
                ? AzureBodies.InvalidRequest(string.Create(CultureInfo.InvariantCulture, $"{value.GetRawText()} is greater than the maximum of {max} - '{name}'"), name, "decimal_above_max_value")
                : null;
    }
}
