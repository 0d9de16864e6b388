using System.Text.Json.Nodes;
using CsCheck;

namespace MockGen.Differential.Tests.Validation;

/// <summary>
/// CsCheck generators of schemas over the keywords of draft-06, draft-07 and 2020-12 (bounded: at most three keywords per
/// schema, subschemas three deep) and of instances built from the same small vocabulary of names, numbers and
/// strings, so that schemas and instances actually meet (a property "a" a schema constrains is one the instance has).
/// </summary>
public static class RandomSchemas
{
    private const int MaxDepth = 3;

    private static readonly string[] Names = ["a", "b", "foo"];

    private static readonly Gen<JsonNode?> Number = Gen.OneOf(
        Gen.Int[-2, 12].Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.OneOfConst(0.5, 1.5, 2.0, -0.5, 2.25).Select(d => (JsonNode?)JsonValue.Create(d)));

    private static readonly Gen<JsonNode?> Text = Gen.OneOfConst("", "a", "ab", "abc", "foo", "b1", "é").Select(s => (JsonNode?)JsonValue.Create(s));

    private static readonly Gen<JsonNode?>[] InstanceByDepth = BuildInstances();

    private static readonly Dictionary<(Draft, int), Gen<JsonNode>> SchemaByDepth = new();

    /// <summary>A random case of a draft: a schema (with <c>$schema</c> and one definition to <c>$ref</c>) and an instance.</summary>
    public static Gen<DifferentialCase> Cases(Draft draft) =>
        Gen.Select(Root(draft), Instance, (schema, instance) => new DifferentialCase(draft, schema.ToJsonString(), instance?.ToJsonString() ?? "null"));

    /// <summary>Instances up to three deep.</summary>
    public static Gen<JsonNode?> Instance => InstanceByDepth[MaxDepth];

    private static Gen<JsonNode> Root(Draft draft) =>
        Gen.Select(Schema(draft, MaxDepth), Schema(draft, 1), (schema, definition) =>
        {
            var root = schema as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(schema) };
            root["$schema"] = draft switch
            {
                Draft.Draft6 => "http://json-schema.org/draft-06/schema#",
                Draft.Draft7 => "http://json-schema.org/draft-07/schema#",
                _ => "https://json-schema.org/draft/2020-12/schema",
            };
            // The definition never refers to itself: a $ref cycle that consumes no instance overflows
            // JsonSchema.Net's stack and takes the test process down (see ValidatorRegressionTests).
            root[draft == Draft.Draft202012 ? "$defs" : "definitions"] = new JsonObject { ["d"] = WithoutRefs(definition) };
            return (JsonNode)root;
        });

    private static JsonNode WithoutRefs(JsonNode node)
    {
        if (node is JsonObject o)
        {
            o.Remove("$ref");
            foreach (var child in o.Select(p => p.Value).OfType<JsonNode>().ToList())
            {
                WithoutRefs(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.OfType<JsonNode>().ToList())
            {
                WithoutRefs(child);
            }
        }

        return node;
    }

    private static Gen<JsonNode?>[] BuildInstances()
    {
        var byDepth = new Gen<JsonNode?>[MaxDepth + 1];
        var scalar = Gen.Frequency(
            (1, Gen.Const(() => (JsonNode?)null)),
            (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            (3, Number),
            (3, Text));
        byDepth[0] = scalar;
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            var inner = byDepth[depth - 1];
            var array = inner.Array[0, 3].Select(items => (JsonNode?)new JsonArray(items));
            var obj = Gen.Select(Gen.OneOfConst(Names).Array[0, 3], inner.Array[3], (keys, values) =>
            {
                var o = new JsonObject();
                for (var i = 0; i < keys.Length; i++)
                {
                    o[keys[i]] = values[i];
                }

                return (JsonNode?)o;
            });
            byDepth[depth] = Gen.Frequency((3, scalar), (2, array), (2, obj));
        }

        return byDepth;
    }

    private static Gen<JsonNode> Schema(Draft draft, int depth)
    {
        lock (SchemaByDepth)
        {
            if (SchemaByDepth.TryGetValue((draft, depth), out var known))
            {
                return known;
            }
        }

        var keywords = Keywords(draft, depth);
        var obj = Gen.OneOf(keywords).Array[0, 3].Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (name, value) in pairs)
            {
                o[name] = value;
            }

            return (JsonNode)o;
        });
        var gen = Gen.Frequency((1, Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b))), (8, obj));
        lock (SchemaByDepth)
        {
            SchemaByDepth[(draft, depth)] = gen;
        }

        return gen;
    }

    private static Gen<(string, JsonNode?)>[] Keywords(Draft draft, int depth)
    {
        static Gen<(string, JsonNode?)> K(string name, Gen<JsonNode?> value) => value.Select(v => (name, v));
        static Gen<JsonNode?> Int(int min, int max) => Gen.Int[min, max].Select(i => (JsonNode?)JsonValue.Create(i));
        var types = Gen.OneOfConst("null", "boolean", "integer", "number", "string", "array", "object");
        var list = new List<Gen<(string, JsonNode?)>>
        {
            K("type", Gen.OneOf(
                types.Select(t => (JsonNode?)JsonValue.Create(t)),
                types.Array[1, 2].Select(ts => (JsonNode?)new JsonArray([.. ts.Distinct(StringComparer.Ordinal).Select(t => (JsonNode?)JsonValue.Create(t))])))),
            K("enum", InstanceByDepth[1].Array[1, 3].Select(vs => (JsonNode?)new JsonArray(vs))),
            K("const", InstanceByDepth[1]),
            K("minimum", Number), K("maximum", Number), K("exclusiveMinimum", Number), K("exclusiveMaximum", Number),
            K("multipleOf", Gen.OneOfConst(1, 2, 3, 0.5, 1.5, 0.25).Select(d => (JsonNode?)JsonValue.Create(d))),
            K("minLength", Int(0, 3)), K("maxLength", Int(0, 3)),
            K("pattern", Gen.OneOfConst("^a", "b", "^[a-c]*$", "\\d", "^.{2}$", "o+$").Select(p => (JsonNode?)JsonValue.Create(p))),
            K("minItems", Int(0, 3)), K("maxItems", Int(0, 3)), K("uniqueItems", Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            K("required", Gen.OneOfConst(Names).Array[0, 2].Select(ns => (JsonNode?)new JsonArray([.. ns.Distinct(StringComparer.Ordinal).Select(n => (JsonNode?)JsonValue.Create(n))]))),
            K("minProperties", Int(0, 3)), K("maxProperties", Int(0, 3)),
            K("$ref", Gen.Const(() => (JsonNode?)JsonValue.Create(draft == Draft.Draft202012 ? "#/$defs/d" : "#/definitions/d"))),
        };
        if (depth > 0)
        {
            var sub = Schema(draft, depth - 1).Select(s => (JsonNode?)s);
            var subs = Schema(draft, depth - 1).Array[1, 3].Select(ss => (JsonNode?)new JsonArray(ss));
            var map = Gen.Select(Gen.OneOfConst(Names).Array[1, 2], Schema(draft, depth - 1).Array[2], (ns, ss) =>
            {
                var o = new JsonObject();
                for (var i = 0; i < ns.Length; i++)
                {
                    o[ns[i]] = ss[i];
                }

                return (JsonNode?)o;
            });
            var patterns = Gen.Select(Gen.OneOfConst("^a", "o", "^b$"), Schema(draft, depth - 1), (p, s) => (JsonNode?)new JsonObject { [p] = s });
            list.AddRange(
            [
                K("items", sub), K("contains", sub), K("properties", map), K("patternProperties", patterns),
                K("additionalProperties", sub), K("propertyNames", sub),
                K("allOf", subs), K("anyOf", subs), K("oneOf", subs), K("not", sub),
            ]);
            if (draft != Draft.Draft6)
            {
                // if/then/else arrived in draft-07; in draft-06 they are unknown keywords, which both sides ignore.
                list.AddRange([K("if", sub), K("then", sub), K("else", sub)]);
            }

            if (draft != Draft.Draft202012)
            {
                list.Add(K("items", subs));
                list.Add(K("additionalItems", sub));
                list.Add(K("dependencies", Gen.Select(Gen.OneOfConst(Names), Gen.OneOf(sub, Gen.OneOfConst(Names).Select(n => (JsonNode?)new JsonArray(JsonValue.Create(n)))), (n, v) => (JsonNode?)new JsonObject { [n] = v })));
            }
            else
            {
                list.Add(K("prefixItems", subs));
                list.Add(K("unevaluatedItems", sub));
                list.Add(K("unevaluatedProperties", sub));
                list.Add(K("dependentSchemas", Gen.Select(Gen.OneOfConst(Names), sub, (n, s) => (JsonNode?)new JsonObject { [n] = s })));
            }
        }

        if (draft == Draft.Draft202012)
        {
            list.Add(K("minContains", Int(0, 2)));
            list.Add(K("maxContains", Int(0, 2)));
            list.Add(K("dependentRequired", Gen.Select(Gen.OneOfConst(Names), Gen.OneOfConst(Names), (a, b) => (JsonNode?)new JsonObject { [a] = new JsonArray(JsonValue.Create(b)) })));
        }

        return [.. list];
    }
}
