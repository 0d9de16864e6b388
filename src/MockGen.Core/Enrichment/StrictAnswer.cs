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
    // Keeps '+', quotes and non-ASCII as the model wrote them (the value is data, never embedded in HTML).
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 256 };

    /// <summary>Maps a parsed answer.</summary>
    /// <param name="schema">The strict schema the answer was requested with.</param>
    /// <param name="answer">The answer (the message content, parsed).</param>
    /// <returns>The candidate payload, a standalone element.</returns>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is a list schema (use <see cref="ToPayloads"/>).</exception>
    public static JsonElement ToPayload(StrictSchema schema, JsonElement answer)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.ListCount is not null)
        {
            throw new ArgumentException("The schema is a list schema; use ToPayloads.", nameof(schema));
        }

        var value = answer;
        if (schema.RootProperty is { } wrapper && answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(wrapper, out var inner))
        {
            value = inner;
        }

        var node = schema.Shape.Map(value, schema.Definitions);
        using var document = JsonDocument.Parse(node?.ToJsonString(Relaxed) ?? "null");
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Maps the answer to a list schema (<see cref="StrictSchemaTransform.TransformList"/>): one candidate per item of
    /// <c>payloads</c>, in order (however many the model sent; compare with <see cref="StrictSchema.ListCount"/>).
    /// An answer without the list gives no candidates.
    /// </summary>
    /// <param name="schema">The list schema the answer was requested with.</param>
    /// <param name="answer">The answer, parsed.</param>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is not a list schema.</exception>
    public static IReadOnlyList<JsonElement> ToPayloads(StrictSchema schema, JsonElement answer)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.ListCount is null)
        {
            throw new ArgumentException("The schema is a single-payload schema; use ToPayload.", nameof(schema));
        }

        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty(schema.RootProperty!, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var item = ((StrictArrayShape)schema.Shape).Rest;
        var payloads = new List<JsonElement>();
        foreach (var value in list.EnumerateArray())
        {
            using var document = JsonDocument.Parse(item.Map(value, schema.Definitions)?.ToJsonString(Relaxed) ?? "null");
            payloads.Add(document.RootElement.Clone());
        }

        return payloads;
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
