using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Enrichment;

/// <summary>An <c>anyOf</c>: the answer is mapped with the first branch it matches, or passed through.</summary>
internal sealed class StrictChoiceShape(IReadOnlyList<StrictShape> branches) : StrictShape
{
    public IReadOnlyList<StrictShape> Branches => branches;

    protected override JsonNode? MapValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions)
    {
        foreach (var branch in branches)
        {
            if (branch.Matches(answer, definitions))
            {
                return branch.Map(answer, definitions);
            }
        }

        return PassThrough(answer);
    }

    protected override bool MatchesValue(JsonElement answer, IReadOnlyDictionary<string, StrictShape> definitions) =>
        branches.Any(b => b.Matches(answer, definitions));
}
