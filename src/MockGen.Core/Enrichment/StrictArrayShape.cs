using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Enrichment;

/// <summary>An array: positional shapes for a tuple's prefix, then one shape for the rest.</summary>
internal sealed class StrictArrayShape(IReadOnlyList<StrictShape> prefix, StrictShape rest) : StrictShape
{
    public StrictShape Rest => rest;

    protected override JsonNode? MapValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions)
    {
        if (answer.ValueKind != JsonValueKind.Array)
        {
            return PassThrough(answer);
        }

        var result = new JsonArray();
        var index = 0;
        foreach (var item in answer.EnumerateArray())
        {
            result.Add(ShapeAt(index++).Map(item, definitions));
        }

        return result;
    }

    protected override bool MatchesValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions)
    {
        if (answer.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var index = 0;
        foreach (var item in answer.EnumerateArray())
        {
            if (!ShapeAt(index++).Matches(item, definitions))
            {
                return false;
            }
        }

        return true;
    }

    private StrictShape ShapeAt(int index) => index < prefix.Count ? prefix[index] : rest;
}
