using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MockGen.Testing.FakeAzureOpenAI;

public sealed partial class FakeAzureOpenAIServer
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task AnswerAsync(HttpContext context, RecordedRequest record, FakeChatRequest chat, FakeResponse response, CancellationToken stopping)
    {
        record.Scenario = response.Name;
        if (response.Scenario == FakeScenario.Slow)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(response.Delay, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its timeout or cancellation) or the fake is stopping: nothing is written.
                record.Scenario = "slow (abandoned)";
                context.Abort();
                return;
            }

            await AnswerAsync(context, record, chat, response.Then!, stopping).ConfigureAwait(false);
            record.Scenario = "slow then " + response.Then!.Name;
            return;
        }

        var seed = Seed(chat, response.Scenario == FakeScenario.Drift ? 0x0D21F7UL : 0UL);
        var apiVersion = chat.ApiVersion ?? "v1";
        switch (response.Scenario)
        {
            case FakeScenario.PromptFiltered:
                await WriteAsync(context, record, 400, AzureBodies.PromptFiltered(response.Category!)).ConfigureAwait(false);
                return;
            case FakeScenario.Throttled:
                var headers = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["x-ratelimit-remaining-requests"] = "0",
                    ["x-ratelimit-remaining-tokens"] = "0",
                };
                if (response.RetryAfterMs is { } ms)
                {
                    headers["retry-after-ms"] = ms.ToString(CultureInfo.InvariantCulture);
                }

                if (response.RetryAfterDate is { } date)
                {
                    headers["retry-after"] = date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
                }
                else if (response.RetryAfterSeconds is { } seconds)
                {
                    headers["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture);
                }

                var wait = response.RetryAfterSeconds ?? (int)Math.Ceiling((response.RetryAfterMs ?? 1000) / 1000.0);
                await WriteAsync(context, record, 429, AzureBodies.Throttled(apiVersion, wait), headers).ConfigureAwait(false);
                return;
            case FakeScenario.ServerError:
                await WriteAsync(context, record, response.Status, AzureBodies.ServerError(response.Status)).ConfigureAwait(false);
                return;
            case FakeScenario.Raw:
                await WriteRawAsync(context, record, response.Status, response.Text ?? string.Empty, response.ContentType!, response.Headers).ConfigureAwait(false);
                return;
        }

        var choices = new JsonArray();
        var completionTokens = 0;
        for (var i = 0; i < chat.ChoiceCount; i++)
        {
            var (content, refusal, finish, filtered) = Choice(chat, response, seed + (ulong)i);
            completionTokens += Tokens(content ?? refusal ?? string.Empty);
            choices.Add(new JsonObject
            {
                ["content_filter_results"] = AzureBodies.FilterResults(filtered, includeJailbreak: false),
                ["finish_reason"] = finish,
                ["index"] = i,
                ["logprobs"] = null,
                ["message"] = new JsonObject { ["content"] = content, ["refusal"] = refusal, ["role"] = "assistant" },
            });
        }

        if (chat.MaxTokens is { } max)
        {
            completionTokens = Math.Min(completionTokens, max * chat.ChoiceCount);
        }

        var promptTokens = PromptTokens(chat);
        var fingerprint = response.Scenario == FakeScenario.Drift ? _options.SystemFingerprint + "_drift" : _options.SystemFingerprint;
        var completion = new JsonObject
        {
            ["choices"] = choices,
            ["created"] = _options.Created,
            ["id"] = "chatcmpl-" + Hex(seed),
            ["model"] = _options.Model,
            ["object"] = "chat.completion",
            ["prompt_filter_results"] = new JsonArray(new JsonObject
            {
                ["prompt_index"] = 0,
                ["content_filter_results"] = AzureBodies.FilterResults(null, includeJailbreak: true),
            }),
            ["system_fingerprint"] = fingerprint,
            ["usage"] = new JsonObject
            {
                ["completion_tokens"] = completionTokens,
                ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
                ["prompt_tokens"] = promptTokens,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };

        await WriteAsync(context, record, 200, completion).ConfigureAwait(false);
    }

    /// <summary>One choice: (content, refusal, finish_reason, filtered category).</summary>
    private static (string? Content, string? Refusal, string Finish, string? Filtered) Choice(FakeChatRequest chat, FakeResponse response, ulong seed)
    {
        switch (response.Scenario)
        {
            case FakeScenario.OutputFiltered:
                return (null, null, "content_filter", response.Category);
            case FakeScenario.Refusal:
                return (null, response.Text, "stop", null);
            case FakeScenario.Content:
                return (response.Text, null, response.FinishReason!, null);
        }

        var answer = Answer(chat, seed, pii: response.Scenario == FakeScenario.PiiLaden);
        if (response.Scenario == FakeScenario.SchemaViolating && answer is JsonObject json)
        {
            Violate(json, response.Violation);
        }

        var text = answer is JsonValue value && value.TryGetValue<string>(out var plain) ? plain : answer?.ToJsonString(Compact) ?? "null";
        if (response.Scenario == FakeScenario.Truncated)
        {
            return (text[..Math.Max(1, text.Length * 2 / 3)], null, "length", null);
        }

        // As the service does: an answer longer than max_tokens stops there, mid-value.
        if (chat.MaxTokens is { } max && Tokens(text) > max)
        {
            return (text[..Math.Min(text.Length, max * 4)], null, "length", null);
        }

        return (text, null, "stop", null);
    }

    private static JsonNode? Answer(FakeChatRequest chat, ulong seed, bool pii)
    {
        if (chat.Schema is { } schema)
        {
            return new FakeAnswerGenerator(schema, seed, pii).Generate();
        }

        var words = new FakeAnswerGenerator(JsonDocument.Parse("""{"type":"string","description":"Constraints: minLength: 20."}""").RootElement, seed, pii).Generate();
        return chat.ResponseFormatType == "json_object" ? new JsonObject { ["answer"] = words } : words;
    }

    private static void Violate(JsonObject answer, FakeViolation violation)
    {
        // A wrapped root ({"value": {...}}) is broken inside, where the payload is.
        var target = answer.Count == 1 && answer.First().Value is JsonObject inner ? inner : answer;
        var first = target.FirstOrDefault();
        switch (violation)
        {
            case FakeViolation.WrongType when first.Key is not null:
                target[first.Key] = first.Value switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(12345),
                    JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create("not a number"),
                    JsonValue => JsonValue.Create("yes"),
                    null => new JsonObject { ["wrong"] = "type" },
                    _ => JsonValue.Create("wrong type"),
                };
                break;
            case FakeViolation.MissingField when first.Key is not null:
                target.Remove(first.Key);
                break;
            default:
                target["unexpected_field"] = "surprise";
                break;
        }
    }

    /// <summary>The request's own seed: the same deployment, messages, format and seed give the same answer.</summary>
    private ulong Seed(FakeChatRequest chat, ulong salt)
    {
        var text = new StringBuilder()
            .Append(_options.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(chat.Deployment).Append('\n')
            .Append(chat.Body.GetProperty("messages").GetRawText()).Append('\n')
            .Append(chat.Body.TryGetProperty("response_format", out var format) ? format.GetRawText() : string.Empty).Append('\n')
            .Append(chat.Seed?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return BitConverter.ToUInt64(hash, 0) ^ salt;
    }

    /// <summary>A deterministic stand-in for a tokenizer: about four characters per token.</summary>
    internal static int Tokens(string text) => text.Length == 0 ? 0 : (text.Length + 3) / 4;

    private static int PromptTokens(FakeChatRequest chat) => 3 + chat.Messages.Sum(m => 4 + Tokens(m.Value));

    private static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, RecordedRequest record, int status, JsonObject body, IReadOnlyDictionary<string, string>? headers = null) =>
        await WriteRawAsync(context, record, status, body.ToJsonString(Compact), "application/json", headers ?? new Dictionary<string, string>()).ConfigureAwait(false);

    private static async Task WriteRawAsync(HttpContext context, RecordedRequest record, int status, string body, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        record.ResponseStatus = status;
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.Headers["apim-request-id"] = RequestId(record.Sequence);
        response.Headers["x-request-id"] = RequestId(record.Sequence);
        if (!headers.ContainsKey("x-ratelimit-remaining-requests"))
        {
            response.Headers["x-ratelimit-remaining-requests"] = "99";
            response.Headers["x-ratelimit-remaining-tokens"] = "99000";
        }

        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        await response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string RequestId(int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{sequence:x12}");
}
