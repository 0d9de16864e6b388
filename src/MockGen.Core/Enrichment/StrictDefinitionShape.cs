using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Enrichment;

/// <summary>A <c>$ref</c> to <c>#/$defs/{name}</c>: the definition's shape, looked up when needed (definitions may be recursive).</summary>
internal sealed class StrictDefinitionShape(string name) : StrictShape
{
    public string Name { get; } = name;

    protected override JsonNode? MapValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) =>
        definitions[Name].Map(answer, definitions);

    protected override bool MatchesValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) =>
        definitions[Name].Matches(answer, definitions);
}
