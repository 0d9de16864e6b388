using System.Text.Json;

namespace MockGen.Ai.Gateway;

/// <summary>
/// Reads Azure OpenAI chat-completion bodies (success and error) from the raw bytes, not the SDK's model, so the
/// Azure-only filter fields are seen whatever the SDK version (reference §3.5) and a cassette replays the same way.
/// </summary>
internal static class CompletionParser
{
    /// <summary>Parses a 200 body into a result (without attempts and usage summing).</summary>
    public static ModelResult ParseSuccess(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new ModelResult { Outcome = ModelOutcome.Failed, Status = 200, Error = "the response body is not JSON: " + e.Message };
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ModelResult { Outcome = ModelOutcome.Failed, Status = 200, Error = "the response body is not a JSON object" };
            }

            var filtered = new SortedSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("prompt_filter_results", out var prompts) && prompts.ValueKind == JsonValueKind.Array)
            {
                foreach (var prompt in prompts.EnumerateArray())
                {
                    CollectFiltered(prompt, "prompt", filtered);
                }
            }

            string? finish = null, content = null, refusal = null;
            if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                var choice = choices[0];
                finish = String(choice, "finish_reason");
                CollectFiltered(choice, "output", filtered);
                if (choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
                {
                    content = String(message, "content");
                    refusal = String(message, "refusal");
                }
            }

            var usage = ModelUsage.None;
            if (root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object)
            {
                usage = new ModelUsage(Long(u, "prompt_tokens"), Long(u, "completion_tokens"));
            }

            var (outcome, error) = (finish, content, refusal) switch
            {
                (_, _, { } text) => (ModelOutcome.Refused, "the model refused: " + text),
                ("content_filter", _, _) => (ModelOutcome.ContentFiltered, "the answer was filtered (" + string.Join(", ", filtered) + ")"),
                ("length", _, _) => (ModelOutcome.Truncated, "the answer hit the token limit (finish_reason length)"),
                (_, null, _) => (ModelOutcome.Failed, "the answer has no content (finish_reason " + (finish ?? "none") + ")"),
                _ => (ModelOutcome.Completed, (string?)null),
            };
            return new ModelResult
            {
                Outcome = outcome,
                Status = 200,
                FinishReason = finish,
                Content = content,
                Refusal = refusal,
                Model = String(root, "model"),
                SystemFingerprint = String(root, "system_fingerprint"),
                ResponseId = String(root, "id"),
                FilteredCategories = [.. filtered],
                Usage = usage,
                Error = error,
            };
        }
    }

    /// <summary>Reads an error body: its code, message and whether it is a content-filter rejection.</summary>
    public static (string? Code, string Message, bool ContentFilter) ParseError(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return (null, "no body", false);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) ? (c.ValueKind == JsonValueKind.String ? c.GetString() : c.GetRawText()) : null;
                var message = String(error, "message") ?? "no message";
                var inner = error.TryGetProperty("innererror", out var i) || error.TryGetProperty("inner_error", out i) ? String(i, "code") : null;
                return (code, message, code == "content_filter" || inner == "ResponsibleAIPolicyViolation");
            }
        }
        catch (JsonException)
        {
            // An HTML gateway page or other garbage: reported by its first characters below.
        }

        return (null, body.Length > 120 ? body[..120] + "…" : body, false);
    }

    private static void CollectFiltered(JsonElement holder, string side, SortedSet<string> filtered)
    {
        if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("content_filter_results", out var results) || results.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var category in results.EnumerateObject())
        {
            if (category.Value.ValueKind == JsonValueKind.Object && category.Value.TryGetProperty("filtered", out var flag) && flag.ValueKind == JsonValueKind.True)
            {
                filtered.Add(side + ":" + category.Name);
            }
        }
    }

    private static string? String(JsonElement holder, string name) =>
        holder.ValueKind == JsonValueKind.Object && holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Long(JsonElement holder, string name) =>
        holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;
}
