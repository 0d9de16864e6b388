using System.Text.Json;

namespace MockGen.Core.Enrichment;

/// <summary>
/// Maps a model's answer to a <see cref="StrictSchema"/> back to the contract's shape: the root is unwrapped
/// (<see cref="StrictSchema.RootProperty"/>), a null on a property that was optional and not nullable in the
/// contract is removed (absent), entry arrays become maps again. A null on an optional property the contract
/// allows to be null stays null (both are valid). Values that do not fit the strict shape are passed through
/// unchanged, so the gate reports them instead of them vanishing. The result is a candidate, never a payload:
/// validate it against the original target.
/// </summary>
public static class StrictAnswer
{
    /// <summary>Maps a parsed answer.</summary>
    /// <param name="schema">The strict schema the answer was requested with.</param>
    /// <param name="answer">The answer (the message content, parsed).</param>
    /// <returns>The candidate payload, a standalone element.</returns>
    public static JsonElement ToPayload(StrictSchema schema, JsonElement answer)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var value = answer;
        if (schema.RootProperty is { } wrapper && answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(wrapper, out var inner))
        {
            value = inner;
        }

        var node = schema.Shape.Map(value, schema.Definitions);
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    /// <summary>Parses message content and maps it; a refusal, an empty or a truncated answer is an error value, not an exception.</summary>
    /// <param name="schema">The strict schema the answer was requested with.</param>
    /// <param name="content">The message content (may be null when the answer was filtered or refused).</param>
    /// <param name="payload">The candidate payload when this returns true.</param>
    /// <param name="error">Why it could not be read, when this returns false: no content, or not JSON (e.g. cut off by <c>finish_reason: length</c>).</param>
    /// <returns>Whether the content was JSON.</returns>
    public static bool TryToPayload(StrictSchema schema, string? content, out JsonElement payload, out string? error)
    {
        ArgumentNullException.ThrowIfNull(schema);
        payload = default;
        if (string.IsNullOrWhiteSpace(content))
        {
            error = "the answer has no content";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            payload = ToPayload(schema, document.RootElement);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = "the answer is not valid JSON: " + ex.Message;
            return false;
        }
    }

}
