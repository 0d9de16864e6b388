using System.Text.Json.Nodes;
using CsCheck;
using MockGen.Core.Tests.Suite;

namespace MockGen.Differential.Tests.Validation;

/// <summary>
/// Issue 12: mutations of the official suite's schemas (a number nudged, a boolean flipped, a keyword dropped),
/// each against the group's own instances and a random one; MockGen's verdict must equal JsonSchema.Net's.
/// </summary>
public sealed class SuiteMutationTests
{
    // Files about references, identifiers, dialects and formats: outside what a value mutation exercises, and
    // some (infinite-loop-detection, recursive $ref) can send JsonSchema.Net into a stack overflow that kills the run.
    private static readonly string[] Excluded =
    [
        "ref.json", "refRemote.json", "dynamicRef.json", "recursiveRef.json", "id.json", "anchor.json", "defs.json",
        "vocabulary.json", "unknownKeyword.json", "infinite-loop-detection.json", "format.json", "content.json",
        "definitions.json", "not.json",
    ];

    private static long CasesPerDraft => Math.Max(1, ValidatorDifferentialTestsCount() / 2);

    [Theory]
    [InlineData("draft6", Draft.Draft6)]
    [InlineData("draft7", Draft.Draft7)]
    [InlineData("draft2020-12", Draft.Draft202012)]
    public void Validate_MutatedSuiteSchema_VerdictEqualsJsonSchemaNet(string suiteDraft, Draft draft)
    {
        var groups = SuiteLoader.FileNames(suiteDraft, optional: false)
            .Where(f => !Excluded.Contains(f, StringComparer.Ordinal))
            .SelectMany(f => SuiteLoader.Load(suiteDraft, f).GroupBy(c => c.GroupIndex).Select(g => g.ToList()))
            .Where(g => !g[0].Schema.GetRawText().Contains("localhost:1234", StringComparison.Ordinal))
            .ToList();
        Assert.True(groups.Count > 100, $"{suiteDraft}: {groups.Count} suite groups");

        var gen = Gen.Select(Gen.Int[0, groups.Count - 1], Gen.Int[0, 1000], Gen.Int[-1, 20], RandomSchemas.Instance, (group, spot, test, random) =>
        {
            var cases = groups[group];
            var schema = Mutate(JsonNode.Parse(cases[0].Schema.GetRawText()), spot, suiteDraft);
            var instance = test >= 0 && test < cases.Count ? cases[test].Data.GetRawText() : random?.ToJsonString() ?? "null";
            return new DifferentialCase(draft, schema, instance);
        });
        gen.Where(c => !KnownDifferences.Covers(c)).Sample(
            c =>
            {
                var ours = Verdicts.MockGen(c);
                var theirs = Verdicts.JsonSchemaNet(c);
                Assert.True(Verdicts.Agree(ours, theirs), $"MockGen says {ours}, JsonSchema.Net says {theirs}: {c}");
            },
            iter: CasesPerDraft,
            threads: 1,
            seed: Environment.GetEnvironmentVariable("MOCKGEN_DIFF_SEED"));
    }

    private static long ValidatorDifferentialTestsCount() =>
        long.TryParse(Environment.GetEnvironmentVariable("MOCKGEN_DIFF_CASES"), out var n) && n > 0 ? n : 5_000;

    /// <summary>Applies one mutation at the <paramref name="spot"/>-th (mod count) mutable place, and pins the draft with <c>$schema</c>.</summary>
    private static string Mutate(JsonNode? root, int spot, string suiteDraft)
    {
        var places = new List<Action>();
        Collect(root, places);
        if (places.Count > 0)
        {
            places[spot % places.Count]();
        }

        if (root is JsonObject o && !o.ContainsKey("$schema"))
        {
            o["$schema"] = suiteDraft switch
            {
                "draft6" => "http://json-schema.org/draft-06/schema#",
                "draft7" => "http://json-schema.org/draft-07/schema#",
                _ => "https://json-schema.org/draft/2020-12/schema",
            };
        }

        return root?.ToJsonString() ?? "true";
    }

    private static void Collect(JsonNode? node, List<Action> places)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o.ToList())
            {
                if (key is "$schema" or "$id" or "$ref" or "$defs" or "definitions")
                {
                    Collect(value, places);
                    continue;
                }

                places.Add(() => o.Remove(key));
                if (value is JsonValue v && v.TryGetValue<bool>(out var b))
                {
                    places.Add(() => o[key] = !b);
                }
                else if (value is JsonValue n && n.TryGetValue<decimal>(out var d))
                {
                    places.Add(() => o[key] = d + 1);
                    places.Add(() => o[key] = d == 0 ? 0.5m : d / 2);
                }

                Collect(value, places);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a.ToList())
            {
                Collect(item, places);
            }
        }
    }
}
