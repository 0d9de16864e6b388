using System.Text.Json.Nodes;

namespace MockGen.Differential.Tests.Validation;

/// <summary>
/// Cases where MockGen and JsonSchema.Net disagree and the specification is on MockGen's side, each with the
/// clause. <see cref="ValidatorRegressionTests"/> checks that every entry still disagrees exactly so (a fixed
/// JsonSchema.Net, or a changed MockGen, shows up), and the random test skips the class of schema the entry covers.
/// </summary>
public static class KnownDifferences
{
    public static IReadOnlyList<(DifferentialCase Case, string MockGen, string JsonSchemaNet, string Reason)> Entries { get; } =
    [
        (
            new DifferentialCase(Draft.Draft7, """{"type":["boolean"],"$ref":"#/definitions/d","$schema":"http://json-schema.org/draft-07/schema#","definitions":{"d":{"propertyNames":{}}}}""", "\"ab\""),
            Verdicts.Valid,
            Verdicts.Invalid,
            "draft-07 Core §8.3: \"All other properties in a $ref object MUST be ignored\"; JsonSchema.Net 8.0.5 applies "
                + "the siblings of a root $ref (here type) in a draft-07 schema. Found by the random test (shrunk case)."),
        (
            new DifferentialCase(Draft.Draft7, """{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"d":{}},"properties":{"a":{"type":"integer","$ref":"#/definitions/d"}}}""", """{"a":"x"}"""),
            Verdicts.Valid,
            Verdicts.Invalid,
            "The same clause in a subschema (found by the random test inside oneOf, reduced by hand)."),
    ];

    /// <summary>Whether a random case belongs to a documented difference: a draft-07 schema with a <c>$ref</c> beside other keywords.</summary>
    public static bool Covers(DifferentialCase c) => c.Draft == Draft.Draft7 && HasRefWithSiblings(JsonNode.Parse(c.Schema));

    private static bool HasRefWithSiblings(JsonNode? node) => node switch
    {
        JsonObject o => (o.ContainsKey("$ref") && o.Any(p => p.Key is not ("$ref" or "$schema" or "definitions"))) || o.Any(p => HasRefWithSiblings(p.Value)),
        JsonArray a => a.Any(HasRefWithSiblings),
        _ => false,
    };
}
