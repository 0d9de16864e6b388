using System.Text.Json;

namespace MockGen.Core.Schema;

/// <summary>
/// The dialect of a schema document that names no <c>$schema</c>. JSON Schema leaves it to the implementation;
/// MockGen reads 2020-12 unless the document is written in an older draft's shapes, as most real schemas
/// without <c>$schema</c> are (and as other validators, which default to draft-07, read them): array-form
/// <c>items</c>, <c>additionalItems</c>, <c>definitions</c>, <c>dependencies</c> mean draft-07; <c>id</c> as the
/// identifier or boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> mean draft-04. A 2019-09/2020-12-only
/// keyword anywhere (<c>$defs</c>, <c>prefixItems</c>, <c>dependentSchemas</c>, <c>unevaluatedProperties</c>...)
/// keeps 2020-12.
/// </summary>
internal static class DialectInference
{
    // Bounds the scan on hostile input; a document this large without a modern keyword in its first part is
    // judged on what was seen.
    private const int MaxVisited = 100_000;

    private static readonly HashSet<string> s_modern = new(StringComparer.Ordinal)
    {
        "$defs", "prefixItems", "dependentSchemas", "dependentRequired", "unevaluatedProperties", "unevaluatedItems",
        "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$anchor", "$vocabulary", "minContains", "maxContains",
    };

    private static readonly string[] s_schemaMaps = ["properties", "patternProperties", "definitions", "$defs", "dependencies", "dependentSchemas"];

    private static readonly string[] s_schemaValues =
    [
        "additionalProperties", "additionalItems", "items", "contains", "propertyNames", "not", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    ];

    private static readonly string[] s_schemaArrays = ["allOf", "anyOf", "oneOf", "items", "prefixItems"];

    /// <summary>The dialect to read <paramref name="root"/> with, and the keyword location that decided it (null: none, 2020-12).</summary>
    public static (Dialect Dialect, string? Evidence) Infer(JsonElement root)
    {
        string? legacy = null;
        string? draft4 = null;
        var pending = new Stack<(JsonElement Schema, string Pointer)>();
        pending.Push((root, string.Empty));
        var visited = 0;
        while (pending.Count > 0 && visited++ < MaxVisited)
        {
            var (schema, pointer) = pending.Pop();
            if (schema.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var keyword in schema.EnumerateObject())
            {
                var at = pointer + "/" + Escape(keyword.Name);
                if (s_modern.Contains(keyword.Name))
                {
                    return (Dialect.Draft202012, null);
                }

                switch (keyword.Name)
                {
                    case "items" when keyword.Value.ValueKind == JsonValueKind.Array:
                    case "additionalItems" or "definitions" or "dependencies":
                        legacy ??= at;
                        break;
                    case "id" when keyword.Value.ValueKind == JsonValueKind.String && !schema.TryGetProperty("$id", out _):
                    case "exclusiveMinimum" or "exclusiveMaximum" when keyword.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                        draft4 ??= at;
                        break;
                }

                Queue(pending, keyword, at);
            }
        }

        return draft4 is not null ? (Dialect.Draft4, draft4) : legacy is not null ? (Dialect.Draft7, legacy) : (Dialect.Draft202012, null);
    }

    private static void Queue(Stack<(JsonElement Schema, string Pointer)> pending, JsonProperty keyword, string at)
    {
        var value = keyword.Value;
        if (value.ValueKind == JsonValueKind.Object && Array.IndexOf(s_schemaMaps, keyword.Name) >= 0)
        {
            foreach (var entry in value.EnumerateObject())
            {
                pending.Push((entry.Value, at + "/" + Escape(entry.Name)));
            }

            if (keyword.Name is not ("dependencies"))
            {
                return;
            }
        }

        if (value.ValueKind == JsonValueKind.Object && Array.IndexOf(s_schemaValues, keyword.Name) >= 0)
        {
            pending.Push((value, at));
        }
        else if (value.ValueKind == JsonValueKind.Array && Array.IndexOf(s_schemaArrays, keyword.Name) >= 0)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                pending.Push((item, at + "/" + i++));
            }
        }
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
