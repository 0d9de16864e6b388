using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Enrichment;

/// <summary>
/// A map of the contract (an object with schema-valued <c>additionalProperties</c> or <c>patternProperties</c>)
/// sent as an array of <c>{"key", "value"}</c> entries; mapped back to an object, the first entry of a key winning.
/// </summary>
internal sealed class StrictMapShape(StrictShape value) : StrictShape
{
    /// <summary>The entry property holding the key.</summary>
    public const string KeyProperty = "key";

    /// <summary>The entry property holding the value.</summary>
    public const string ValueProperty = "value";

    protected override JsonNode? MapValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions)
    {
        if (answer.ValueKind != JsonValueKind.Array || !answer.EnumerateArray().All(IsEntry))
        {
            return PassThrough(answer);
        }

        var result = new JsonObject();
        foreach (var entry in answer.EnumerateArray())
        {
            var key = entry.GetProperty(KeyProperty).GetString()!;
            if (!result.ContainsKey(key))
            {
                result[key] = value.Map(entry.GetProperty(ValueProperty), definitions);
            }
        }

        return result;
    }

    protected override bool MatchesValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) =>
        answer.ValueKind == JsonValueKind.Array && answer.EnumerateArray().All(e => IsEntry(e) && value.Matches(e.GetProperty(ValueProperty), definitions));

    private static bool IsEntry(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object &&
        entry.TryGetProperty(KeyProperty, out var key) && key.ValueKind == JsonValueKind.String &&
        entry.TryGetProperty(ValueProperty, out _);
}
