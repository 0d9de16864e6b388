using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace MockGen.Fuzz.Tests.Support;

/// <summary>
/// Structure-aware hostile documents: OpenAPI-shaped trees over the words OpenAPI and JSON Schema use (so the loader's
/// deeper paths are reached, not only its JSON parser), and <c>$ref</c>/<c>$id</c> graphs with cycles and long chains.
/// </summary>
internal static class RandomDocuments
{
    private static readonly string[] Keys =
    [
        "openapi", "swagger", "info", "title", "version", "paths", "/a", "/a/{id}", "get", "post", "parameters", "in", "name", "required",
        "requestBody", "responses", "200", "default", "content", "application/json", "schema", "components", "schemas", "definitions",
        "A", "B", "$ref", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$defs", "$schema", "type", "properties", "items", "prefixItems",
        "allOf", "oneOf", "anyOf", "not", "if", "then", "else", "enum", "const", "nullable", "discriminator", "propertyName", "mapping",
        "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "minItems", "maxItems", "uniqueItems", "additionalProperties", "patternProperties", "unevaluatedProperties", "dependentSchemas",
        "readOnly", "writeOnly", "example", "examples", "x-mockgen",
    ];

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
        Gen.OneOfConst(
            "#", "#/components/schemas/A", "#/components/schemas/B", "#/definitions/A", "#/paths/~1a", "#/components/schemas/A/properties/x",
            "#/$defs/A", "#a", "#meta", "a.json", "../b.yaml#/x", "http://127.0.0.1:9/x.json", "urn:uuid:1", "3.0.3", "3.1.0", "2.0",
            "https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-04/schema#",
            "object", "array", "string", "integer", "number", "boolean", "null", "date-time", "email", "uuid", "int64", "byte", "^(a+)+$", "[", "", "path", "query")
            .Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.OneOfConst(0, 1, -1, 2, 3, 100, int.MaxValue).Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.OneOfConst(0.5, 1e308, -1e-300, 0.01).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const(() => (JsonNode?)null));

    private static readonly Gen<JsonNode?>[] ByDepth = Build(4);

    /// <summary>An OpenAPI/JSON Schema-shaped document: a top-level object with a version key and random members.</summary>
    public static Gen<string> OpenApi { get; } = Gen.Select(
        Gen.OneOfConst(("openapi", "3.0.3"), ("openapi", "3.1.0"), ("swagger", "2.0"), ("$schema", "https://json-schema.org/draft/2020-12/schema"), ("$schema", "http://json-schema.org/draft-04/schema#")),
        Gen.OneOfConst(Keys).Array[0, 6],
        ByDepth[4].Array[6],
        (version, keys, values) =>
        {
            var root = new JsonObject { [version.Item1] = version.Item2 };
            for (var i = 0; i < keys.Length; i++)
            {
                root[keys[i]] = values[i];
            }

            return root.ToJsonString();
        });

    /// <summary>
    /// A schema whose definitions refer to each other at random (cycles through properties, items, allOf, not;
    /// <c>$id</c>-scoped relative references; anchors; dangling pointers), in draft-07 or 2020-12.
    /// </summary>
    public static Gen<string> RefGraph { get; } = Gen.Select(Gen.Bool, Gen.Int[1, 12], Gen.Int[0, 11].Array[12], Gen.Int[0, 9].Array[12], (draft7, n, targets, shapes) =>
    {
        var defs = draft7 ? "definitions" : "$defs";
        string Ref(int i) => "#/" + defs + "/d" + (targets[i] % n).ToString(CultureInfo.InvariantCulture);
        var definitions = new JsonObject();
        for (var i = 0; i < n; i++)
        {
            var to = Ref(i);
            JsonNode def = (shapes[i] % 10) switch
            {
                0 => new JsonObject { ["$ref"] = to },
                1 => new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = to }, new JsonObject { ["type"] = "object" }) },
                2 => new JsonObject { ["type"] = "object", ["required"] = new JsonArray("a"), ["properties"] = new JsonObject { ["a"] = new JsonObject { ["$ref"] = to } } },
                3 => new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["$ref"] = to } },
                4 => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = to }, new JsonObject { ["type"] = "integer" }) },
                5 => new JsonObject { ["not"] = new JsonObject { ["$ref"] = to } },
                6 => new JsonObject { ["$id"] = "sub" + i.ToString(CultureInfo.InvariantCulture) + ".json", ["$ref"] = "root.json" + to },
                7 => new JsonObject { [draft7 ? "$id" : "$anchor"] = draft7 ? "#x" + i.ToString(CultureInfo.InvariantCulture) : "x" + i.ToString(CultureInfo.InvariantCulture), ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = to }, new JsonObject { ["$ref"] = "#x" + ((i + 1) % n).ToString(CultureInfo.InvariantCulture) }) },
                8 => new JsonObject { ["$ref"] = "#/" + defs + "/missing" + i.ToString(CultureInfo.InvariantCulture) },
                _ => draft7
                    ? new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["$ref"] = "#" } }
                    : new JsonObject { ["$dynamicAnchor"] = "node", ["type"] = "object", ["properties"] = new JsonObject { ["c"] = new JsonObject { ["$dynamicRef"] = "#node" } } },
            };
            definitions["d" + i.ToString(CultureInfo.InvariantCulture)] = def;
        }

        var root = new JsonObject
        {
            ["$schema"] = draft7 ? "http://json-schema.org/draft-07/schema#" : "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://fuzz.test/root.json",
            [defs] = definitions,
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/" + defs + "/d0" }),
        };
        return root.ToJsonString();
    });

    /// <summary>A long chain: d0 → d1 → … → dN by $ref, or N nested properties/items/allOf, up to tens of thousands deep.</summary>
    public static Gen<string> DeepChain { get; } = Gen.Select(Gen.Int[10, 20_000], Gen.Int[0, 3], (depth, shape) =>
    {
        if (shape == 0)
        {
            var text = new StringBuilder("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$ref\":\"#/$defs/d0\",\"$defs\":{");
            for (var i = 0; i < depth; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\"d{i}\":{{\"$ref\":\"#/$defs/d{i + 1}\"}},");
            }

            return text.Append(CultureInfo.InvariantCulture, $"\"d{depth}\":{{\"type\":\"integer\"}}}}}}").ToString();
        }

        var (open, close) = shape switch
        {
            1 => ("{\"type\":\"object\",\"properties\":{\"a\":", "}}"),
            2 => ("{\"type\":\"array\",\"items\":", "}"),
            _ => ("{\"allOf\":[", "]}"),
        };
        return new StringBuilder().Insert(0, open, depth).Append("{\"type\":\"string\"}").Append(string.Concat(Enumerable.Repeat(close, depth))).ToString();
    });

    private static Gen<JsonNode?>[] Build(int max)
    {
        var byDepth = new Gen<JsonNode?>[max + 1];
        byDepth[0] = Scalar;
        for (var d = 1; d <= max; d++)
        {
            var inner = byDepth[d - 1];
            var obj = Gen.Select(Gen.OneOfConst(Keys).Array[0, 5], inner.Array[5], (keys, values) =>
            {
                var o = new JsonObject();
                for (var i = 0; i < keys.Length; i++)
                {
                    o[keys[i]] = values[i]?.DeepClone();
                }

                return (JsonNode?)o;
            });
            var arr = inner.Array[0, 3].Select(items => (JsonNode?)new JsonArray([.. items.Select(x => x?.DeepClone())]));
            byDepth[d] = Gen.Frequency((2, Scalar), (5, obj), (1, arr));
        }

        return byDepth;
    }
}
