using System.Text.Json.Nodes;

namespace MockGen.Differential.Tests.Validation;

/// <summary>
/// Cases where MockGen and JsonSchema.Net disagree and the specification is on MockGen's side, each with the
/// clause. <see cref="ValidatorRegressionTests"/> checks that every entry still disagrees exactly so (a fixed
/// JsonSchema.Net, or a changed MockGen, shows up), and the random test skips the class of schema the entry covers.
/// </summary>
public static class KnownDifferences
{
    /// <summary>The draft-06 and draft-07 meta-schemas' URIs, which JsonSchema.Net answers with its own built-in copies.</summary>
    public static string? MetaSchemaOf(Draft draft) => draft switch
    {
        Draft.Draft6 => "http://json-schema.org/draft-06/schema#",
        Draft.Draft7 => "http://json-schema.org/draft-07/schema#",
        _ => null,
    };

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
        (
            new DifferentialCase(Draft.Draft202012, """{"$schema":"https://json-schema.org/draft/2020-12/schema","patternProperties":{"^\\p{Letter}+$":{"type":"integer"}}}""", """{"ab":"x"}"""),
            Verdicts.Invalid,
            "refused",
            "2020-12 Validation §6.4 / Core §6.4: patterns are ECMA-262 regular expressions, and ECMA-262 (u flag) knows the "
                + "long General_Category name \\p{Letter}; JsonSchema.Net hands the pattern to .NET's Regex, which knows only \\p{L}, "
                + "and refuses the schema. Found by the suite mutation test (optional/ecmascript-regex-like patterns in patternProperties)."),
        (
            new DifferentialCase(Draft.Draft7, """{"$schema":"http://json-schema.org/draft-07/schema#","type":"array","items":[{"$ref":"#/definitions/missing"}]}""", "null"),
            "refused",
            Verdicts.Invalid,
            "A $ref that resolves to nothing: MockGen refuses the schema when it compiles (a clear error naming the pointer, "
                + "whatever the instance), JsonSchema.Net 8.0.5 in draft-07 only when evaluation reaches the $ref (2020-12 it refuses "
                + "too). draft-07 Core §8.3 leaves unresolvable references to the implementation; failing early is the product rule "
                + "(bad input is an error, not a verdict). Found by the suite mutation test (a dropped definition)."),
        (
            new DifferentialCase(Draft.Draft7, """{"$schema":"http://json-schema.org/draft-07/schema#","$ref":"http://json-schema.org/draft-07/schema#"}""", """{"enum":[]}"""),
            Verdicts.Valid,
            Verdicts.Invalid,
            "draft-07 Validation §6.1.2 (draft-06 §6.23 alike): enum's array \"SHOULD have at least one element\", a SHOULD, "
                + "not a MUST, so \"enum\": [] is a valid schema; the meta-schema MockGen embeds (Schema/MetaSchemas/draft-07.json, "
                + "as json-schema.org serves it) says \"enum\": {\"type\": \"array\", \"items\": true}. JsonSchema.Net 8.0.5's built-in "
                + "copy adds minItems 1, so a schema with an empty enum fails its meta-schema. Found by the generated-payload test "
                + "(suite draft7/definitions.json/0 and ref.json/7, draft6 likewise, which $ref the meta-schema); that test hands "
                + "JsonSchema.Net the embedded text instead, so those groups are still checked."),
        (
            new DifferentialCase(Draft.Draft6, """{"$schema":"http://json-schema.org/draft-06/schema#","$ref":"http://json-schema.org/draft-06/schema#"}""", """{"enum":[]}"""),
            Verdicts.Valid,
            Verdicts.Invalid,
            "The same difference for draft-06 (draft-06 Validation §6.23; Schema/MetaSchemas/draft-06.json says \"enum\": {\"type\": \"array\"})."),
    ];

    /// <summary>Whether a random case belongs to a documented difference (see each entry).</summary>
    public static bool Covers(DifferentialCase c)
    {
        var root = JsonNode.Parse(c.Schema);
        return (c.Draft is Draft.Draft6 or Draft.Draft7 && HasRefWithSiblings(root))
            || c.Schema.Contains("\\\\p{", StringComparison.Ordinal)
            || HasDanglingRef(root, root)
            || ReferencesMetaSchema(c);
    }

    /// <summary>Whether a draft-06/07 case <c>$ref</c>s its draft's meta-schema (see the entries on enum).</summary>
    public static bool ReferencesMetaSchema(DifferentialCase c) =>
        MetaSchemaOf(c.Draft) is { } uri && HasRefTo(JsonNode.Parse(c.Schema), uri);

    private static bool HasRefTo(JsonNode? node, string uri) => node switch
    {
        JsonObject o => (o["$ref"] is JsonValue r && r.TryGetValue<string>(out var text) && text == uri) || o.Any(p => HasRefTo(p.Value, uri)),
        JsonArray a => a.Any(n => HasRefTo(n, uri)),
        _ => false,
    };

    private static bool HasDanglingRef(JsonNode? root, JsonNode? node) => node switch
    {
        JsonObject o => (o["$ref"] is JsonValue r && r.TryGetValue<string>(out var text) && text.StartsWith("#/", StringComparison.Ordinal) && !Resolves(root, text[2..]))
            || o.Any(p => HasDanglingRef(root, p.Value)),
        JsonArray a => a.Any(n => HasDanglingRef(root, n)),
        _ => false,
    };

    private static bool Resolves(JsonNode? root, string pointer)
    {
        var at = root;
        foreach (var raw in pointer.Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            at = at switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (at is null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasRefWithSiblings(JsonNode? node) => node switch
    {
        JsonObject o => (o.ContainsKey("$ref") && o.Any(p => p.Key is not ("$ref" or "$schema" or "definitions"))) || o.Any(p => HasRefWithSiblings(p.Value)),
        JsonArray a => a.Any(HasRefWithSiblings),
        _ => false,
    };
}
