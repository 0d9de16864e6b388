using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Enrichment;

/// <summary>
/// What one place of the strict schema stands for in the original contract, so that an answer can be mapped
/// back (null to absent, entry arrays to maps, the root unwrapped). Shapes form a graph: definitions are
/// looked up by name, so recursive schemas map without recursion in the shape itself.
/// </summary>
internal abstract class StrictShape
{
    /// <summary>Whether the strict schema allows null here (an optional property, or a nullable one).</summary>
    public bool AcceptsNull { get; set; }

    /// <summary>Maps an answer value back to the contract's shape. Values that do not fit are passed through unchanged, for the gate to judge.</summary>
    public JsonNode? Map(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) =>
        answer.ValueKind == JsonValueKind.Null ? null : MapValue(answer, definitions);

    /// <summary>Whether an answer value has this shape (used to tell <c>anyOf</c> branches apart).</summary>
    public bool Matches(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) =>
        answer.ValueKind == JsonValueKind.Null ? AcceptsNull : MatchesValue(answer, definitions);

    /// <summary>The answer value as it is.</summary>
    public static JsonNode? PassThrough(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(answer.GetRawText());

    /// <summary>Maps a non-null answer value.</summary>
    protected abstract JsonNode? MapValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions);

    /// <summary>Whether a non-null answer value has this shape.</summary>
    protected abstract bool MatchesValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions);
}
