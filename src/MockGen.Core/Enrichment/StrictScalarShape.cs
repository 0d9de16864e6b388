using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Core.Schema;

namespace MockGen.Core.Enrichment;

/// <summary>A value copied as it is (strings, numbers, booleans, null): only its JSON type is known.</summary>
internal sealed class StrictScalarShape(SchemaTypes types) : StrictShape
{
    public SchemaTypes Types { get; } = types;

    protected override JsonNode? MapValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) => PassThrough(answer);

    protected override bool MatchesValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) => answer.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => Types.HasFlag(SchemaTypes.Boolean),
        JsonValueKind.String => Types.HasFlag(SchemaTypes.String),
        JsonValueKind.Number => Types.HasFlag(SchemaTypes.Number) ||
            (Types.HasFlag(SchemaTypes.Integer) && answer.TryGetDecimal(out var d) && decimal.Truncate(d) == d),
        JsonValueKind.Object => Types.HasFlag(SchemaTypes.Object),
        JsonValueKind.Array => Types.HasFlag(SchemaTypes.Array),
        _ => false,
    };
}
