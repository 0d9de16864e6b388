using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Core.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Enrichment;

internal sealed partial class StrictSchemaBuilder
{
    private const int MaxFitRounds = 64;

    /// <summary>An object schema as emitted, with its optional properties: what fitting may drop.</summary>
    private sealed record EmittedObject(JsonObject Schema, StrictObjectShape Shape, List<string> Optional, SchemaNode Origin);

    private List<StrictSubsetViolation> Check(JsonObject schema)
    {
        using var document = JsonDocument.Parse(schema.ToJsonString(WriteOptions), new JsonDocumentOptions { MaxDepth = 256 });
        return [.. StrictSubsetChecker.Check(document.RootElement, _options.Limits)];
    }

    /// <summary>
    /// Drops optional properties until the schema is inside the size limits (reference §2 step 4: "split, or fall
    /// back, when over the limits"; dropping what the contract lets be absent keeps more targets enrichable).
    /// </summary>
    private List<StrictSubsetViolation> Fit(JsonObject root)
    {
        var violations = Check(root);
        for (var round = 0; round < MaxFitRounds; round++)
        {
            var nesting = violations.Any(v => v.Rule == StrictSubsetRule.TooMuchNesting);
            var count = violations.Any(v => v.Rule == StrictSubsetRule.TooManyProperties);
            if (!(nesting || count) || violations.Any(v => v.Rule is not (StrictSubsetRule.TooMuchNesting or StrictSubsetRule.TooManyProperties)))
            {
                return violations;
            }

            var levels = Levels(root);
            var candidates = new List<(int Level, int Order, EmittedObject Owner, string Name)>();
            for (var i = 0; i < _objects.Count; i++)
            {
                var owner = _objects[i];
                if (!levels.TryGetValue(owner.Schema, out var level) || owner.Schema["properties"] is not JsonObject properties)
                {
                    continue;
                }

                for (var j = owner.Optional.Count - 1; j >= 0; j--)
                {
                    var name = owner.Optional[j];
                    if (properties[name] is JsonObject value &&
                        (!nesting || level + Nesting(value, root, []) > _options.Limits.MaxObjectNesting))
                    {
                        candidates.Add((level, (i * 10_000) + j, owner, name));
                    }
                }
            }

            if (candidates.Count == 0)
            {
                return violations;
            }

            candidates.Sort((a, b) => a.Level != b.Level ? b.Level.CompareTo(a.Level) : b.Order.CompareTo(a.Order));
            var take = nesting
                ? candidates.Count(c => c.Level == candidates[0].Level)
                : Math.Max(1, CountProperties(root) - _options.Limits.MaxTotalProperties);
            foreach (var (_, _, owner, name) in candidates.Take(take))
            {
                ((JsonObject)owner.Schema["properties"]!).Remove(name);
                var required = (JsonArray)owner.Schema["required"]!;
                required.Remove(required.First(r => r!.GetValue<string>() == name));
                owner.Shape.Remove(name);
                owner.Optional.Remove(name);
                Note(owner.Origin, $"optional property '{name}' left out to fit the subset's limits (it stays absent)");
            }

            DropUnusedDefinitions(root);
            violations = Check(root);
        }

        return violations;
    }

    /// <summary>The object level (root object = 1) of every object schema reachable from the root, following <c>$ref</c>s; the smallest when shared.</summary>
    private static Dictionary<JsonObject, int> Levels(JsonObject root)
    {
        var levels = new Dictionary<JsonObject, int>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<(JsonObject Schema, int Enclosing)>();
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (schema, enclosing) = queue.Dequeue();
            var isObject = IsObjectSchema(schema);
            var level = isObject ? enclosing + 1 : enclosing;
            if (isObject)
            {
                if (levels.TryGetValue(schema, out var known) && known <= level)
                {
                    continue;
                }

                levels[schema] = level;
            }

            foreach (var child in Children(schema, root))
            {
                queue.Enqueue((child, level));
            }
        }

        return levels;
    }

    /// <summary>Object levels inside a subschema (following refs until one repeats), as the checker counts them.</summary>
    private static int Nesting(JsonObject schema, JsonObject root, List<JsonObject> path)
    {
        if (path.Any(p => ReferenceEquals(p, schema)) || path.Count > 64)
        {
            return 0;
        }

        path.Add(schema);
        var own = IsObjectSchema(schema) ? 1 : 0;
        var below = 0;
        foreach (var child in Children(schema, root))
        {
            below = Math.Max(below, Nesting(child, root, path));
        }

        path.RemoveAt(path.Count - 1);
        return own + below;
    }

    private static IEnumerable<JsonObject> Children(JsonObject schema, JsonObject root)
    {
        if (schema["$ref"] is JsonValue reference && Definition(root, reference.GetValue<string>()) is { } target)
        {
            yield return target;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (_, value) in properties)
            {
                if (value is JsonObject child)
                {
                    yield return child;
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            yield return items;
        }

        if (schema["anyOf"] is JsonArray branches)
        {
            foreach (var branch in branches.OfType<JsonObject>())
            {
                yield return branch;
            }
        }
    }

    private static JsonObject? Definition(JsonObject root, string reference)
    {
        const string Prefix = "#/$defs/";
        return reference.StartsWith(Prefix, StringComparison.Ordinal) && root["$defs"] is JsonObject defs
            ? defs[JsonPointer.UnescapeToken(reference[Prefix.Length..])] as JsonObject
            : null;
    }

    private static bool IsObjectSchema(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => v.GetValue<string>() == "object",
        JsonArray a => a.Any(t => t?.GetValue<string>() == "object"),
        _ => false,
    };

    private static int CountProperties(JsonObject root)
    {
        var count = 0;
        var stack = new Stack<JsonNode?>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    if (o["properties"] is JsonObject properties && o.ContainsKey("type"))
                    {
                        count += properties.Count;
                    }

                    foreach (var (_, value) in o)
                    {
                        stack.Push(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }

        return count;
    }

    /// <summary>Removes definitions nothing references any more (their properties would still count).</summary>
    private static void DropUnusedDefinitions(JsonObject root)
    {
        if (root["$defs"] is not JsonObject defs)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<JsonNode?>();
        foreach (var (name, value) in root)
        {
            if (name != "$defs")
            {
                stack.Push(value);
            }
        }

        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    if (o["$ref"] is JsonValue reference && reference.GetValue<string>() is { } text &&
                        text.StartsWith("#/$defs/", StringComparison.Ordinal) && used.Add(JsonPointer.UnescapeToken(text["#/$defs/".Length..])) &&
                        defs[JsonPointer.UnescapeToken(text["#/$defs/".Length..])] is { } target)
                    {
                        stack.Push(target);
                    }

                    foreach (var (_, value) in o)
                    {
                        stack.Push(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }

        foreach (var name in defs.Select(d => d.Key).Where(n => !used.Contains(n)).ToList())
        {
            defs.Remove(name);
        }

        if (defs.Count == 0)
        {
            root.Remove("$defs");
        }

    }
}
