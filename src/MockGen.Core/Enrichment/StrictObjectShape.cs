using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Enrichment;

/// <summary>An object with its properties; a null on an originally optional, non-nullable property means "absent".</summary>
internal sealed class StrictObjectShape : StrictShape
{
    private readonly List<(string Name, StrictShape Shape, bool AbsentWhenNull)> _properties = [];

    public void Add(string name, StrictShape shape, bool absentWhenNull) => _properties.Add((name, shape, absentWhenNull));

    /// <summary>Forgets a property the transform dropped to fit the subset's limits.</summary>
    public void Remove(string name) => _properties.RemoveAll(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    protected override JsonNode? MapValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return PassThrough(answer);
        }

        var result = new JsonObject();
        foreach (var member in answer.EnumerateObject())
        {
            var index = _properties.FindIndex(p => string.Equals(p.Name, member.Name, StringComparison.Ordinal));
            if (index < 0)
            {
                // Not in the strict schema (an extra field): keep it, so the gate reports it instead of it vanishing.
                result[member.Name] = PassThrough(member.Value);
                continue;
            }

            var property = _properties[index];
            if (member.Value.ValueKind == JsonValueKind.Null && property.AbsentWhenNull)
            {
                continue;
            }

            result[member.Name] = property.Shape.Map(member.Value, definitions);
        }

        return result;
    }

    protected override bool MatchesValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var seen = 0;
        foreach (var member in answer.EnumerateObject())
        {
            var index = _properties.FindIndex(p => string.Equals(p.Name, member.Name, StringComparison.Ordinal));
            if (index < 0 || !_properties[index].Shape.Matches(member.Value, definitions))
            {
                return false;
            }

            seen++;
        }

        return seen == _properties.Count;
    }
}
