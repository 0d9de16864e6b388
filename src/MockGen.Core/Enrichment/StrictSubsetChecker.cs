using System.Globalization;
using System.Text.Json;
using MockGen.Core.Json;

namespace MockGen.Core.Enrichment;

/// <summary>
/// Checks a <c>response_format</c> JSON schema against the strict structured-output subset (reference §2): an
/// object root, <c>"additionalProperties": false</c> and a complete <c>required</c> on every object, only the
/// subset's keywords, <c>$ref</c> to <c>#</c> or root <c>$defs</c>, and the size limits. The transform's own tests
/// and the loopback fake's request validation both use it, so what the transform emits is exactly what the fake
/// accepts.
/// </summary>
/// <remarks>
/// Where Azure's behaviour is not documented the checker is the stricter side: arrays need <c>items</c>,
/// <c>const</c> is refused (send <c>enum: [value]</c>), <c>$defs</c> only at the root. The checker never
/// recurses deeper than <see cref="StrictSubsetLimits.MaxSchemaDepth"/>, so hostile schemas end.
/// </remarks>
public static class StrictSubsetChecker
{
    /// <summary>The <c>format</c> values OpenAI's strict mode accepts (used only when constraint keywords are allowed).</summary>
    public static IReadOnlyList<string> SupportedFormats { get; } =
        ["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"];

    private static readonly string[] TypeNames = ["string", "number", "integer", "boolean", "object", "array", "null"];

    private static readonly string[] AlwaysAllowed =
        ["type", "description", "title", "properties", "required", "additionalProperties", "items", "enum", "anyOf", "$ref", "$defs"];

    private static readonly string[] ConstraintKeywords =
        ["pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems"];

    /// <summary>Whether a <c>json_schema.name</c> is acceptable: <c>[a-zA-Z0-9_-]</c>, 1 to 64 characters.</summary>
    /// <param name="name">The name.</param>
    public static bool IsValidFormatName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks a schema; an empty list means it is inside the subset.</summary>
    /// <param name="schema">The schema (the <c>json_schema.schema</c> value of a request).</param>
    /// <param name="limits">The subset to check against; null for <see cref="StrictSubsetLimits.Azure"/>.</param>
    /// <returns>Every violation found, in document order (the first is what Azure reports).</returns>
    public static IReadOnlyList<StrictSubsetViolation> Check(JsonElement schema, StrictSubsetLimits? limits = null)
    {
        var walk = new Walk(schema, limits ?? StrictSubsetLimits.Azure);
        walk.Run();
        return walk.Violations;
    }

    private sealed class Walk(JsonElement root, StrictSubsetLimits limits)
    {
        private readonly List<string> _path = [];
        private readonly Dictionary<string, int> _defDepth = new(StringComparer.Ordinal);
        private int _properties;
        private long _characters;

        public List<StrictSubsetViolation> Violations { get; } = [];

        public void Run()
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Add(StrictSubsetRule.NotAnObject, "schema must be a JSON object.");
                return;
            }

            if (root.TryGetProperty("anyOf", out _) || !HasExactType(root, "object"))
            {
                Add(StrictSubsetRule.RootNotObject, "the root schema must be of type 'object' and must not be 'anyOf'.");
            }

            if (root.TryGetProperty("$defs", out var defs))
            {
                if (defs.ValueKind != JsonValueKind.Object)
                {
                    Push("$defs");
                    Add(StrictSubsetRule.InvalidKeywordValue, "'$defs' must be an object.");
                    Pop();
                }
                else
                {
                    foreach (var def in defs.EnumerateObject())
                    {
                        _characters += def.Name.Length;
                        Push("$defs");
                        Push(def.Name);
                        Schema(def.Value, 1);
                        Pop();
                        Pop();
                    }
                }
            }

            Schema(root, 0);

            if (_properties > limits.MaxTotalProperties)
            {
                Violations.Add(new(string.Empty, StrictSubsetRule.TooManyProperties, string.Create(CultureInfo.InvariantCulture,
                    $"the schema has {_properties} object properties in total; at most {limits.MaxTotalProperties} are permitted.")));
            }

            if (_characters > limits.MaxTotalCharacters)
            {
                Violations.Add(new(string.Empty, StrictSubsetRule.TooManyCharacters, string.Create(CultureInfo.InvariantCulture,
                    $"property names, definition names and enum values total {_characters} characters; at most {limits.MaxTotalCharacters} are permitted.")));
            }

            // Nesting is measured only on a structurally valid schema: a broken $ref would make it meaningless.
            if (Violations.Count == 0)
            {
                var nesting = Nesting(root, []);
                if (nesting > limits.MaxObjectNesting)
                {
                    Violations.Add(new(string.Empty, StrictSubsetRule.TooMuchNesting, string.Create(CultureInfo.InvariantCulture,
                        $"objects are nested {nesting} levels deep; at most {limits.MaxObjectNesting} levels are permitted.")));
                }
            }
        }

        private void Schema(JsonElement schema, int depth)
        {
            if (depth > limits.MaxSchemaDepth)
            {
                Add(StrictSubsetRule.SchemaTooDeep, string.Create(CultureInfo.InvariantCulture, $"the schema nests deeper than {limits.MaxSchemaDepth} levels."));
                return;
            }

            if (schema.ValueKind != JsonValueKind.Object)
            {
                Add(StrictSubsetRule.NotAnObject, "schema must be a JSON object.");
                return;
            }

            foreach (var keyword in schema.EnumerateObject())
            {
                var name = keyword.Name;
                if (name == "$defs")
                {
                    if (depth > 0)
                    {
                        Add(StrictSubsetRule.DefsNotAtRoot, "'$defs' is only permitted at the root of the schema.");
                    }
                }
                else if (!AlwaysAllowed.Contains(name) && !(limits.AllowConstraintKeywords && ConstraintKeywords.Contains(name)))
                {
                    Add(StrictSubsetRule.UnsupportedKeyword, $"'{name}' is not permitted.");
                }
            }

            var hasType = schema.TryGetProperty("type", out var type);
            var hasAnyOf = schema.TryGetProperty("anyOf", out var anyOf);
            var hasRef = schema.TryGetProperty("$ref", out var reference);
            var hasEnum = schema.TryGetProperty("enum", out var enumValues);
            if (!hasType && !hasAnyOf && !hasRef && !hasEnum)
            {
                Add(StrictSubsetRule.MissingType, "schema must have a 'type' key.");
            }

            if (hasType)
            {
                CheckType(type);
            }

            if (hasRef)
            {
                CheckRef(reference);
            }

            if (hasEnum)
            {
                CheckEnum(enumValues);
            }

            if (limits.AllowConstraintKeywords && schema.TryGetProperty("format", out var format) &&
                (format.ValueKind != JsonValueKind.String || !SupportedFormats.Contains(format.GetString())))
            {
                Add(StrictSubsetRule.UnsupportedFormat, $"format '{format}' is not supported; supported formats are {string.Join(", ", SupportedFormats)}.");
            }

            if (Allows(schema, "object"))
            {
                CheckObject(schema, depth);
            }
            else if (schema.TryGetProperty("properties", out var stray))
            {
                Push("properties");
                Add(StrictSubsetRule.InvalidKeywordValue, "'properties' is only permitted on a schema of type 'object'.");
                Pop();
                _ = stray;
            }

            if (Allows(schema, "array"))
            {
                if (schema.TryGetProperty("items", out var items))
                {
                    Push("items");
                    Schema(items, depth + 1);
                    Pop();
                }
                else
                {
                    Add(StrictSubsetRule.MissingItems, "'items' is required to be supplied for a schema of type 'array'.");
                }
            }

            if (hasAnyOf)
            {
                if (anyOf.ValueKind != JsonValueKind.Array || anyOf.GetArrayLength() == 0)
                {
                    Add(StrictSubsetRule.InvalidKeywordValue, "'anyOf' must be a non-empty array of schemas.");
                }
                else
                {
                    var index = 0;
                    foreach (var branch in anyOf.EnumerateArray())
                    {
                        Push("anyOf");
                        Push(index.ToString(CultureInfo.InvariantCulture));
                        Schema(branch, depth + 1);
                        Pop();
                        Pop();
                        index++;
                    }
                }
            }
        }

        private void CheckObject(JsonElement schema, int depth)
        {
            if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
            {
                Add(StrictSubsetRule.AdditionalPropertiesNotFalse, "'additionalProperties' is required to be supplied and to be false.");
            }

            var names = new List<string>();
            if (schema.TryGetProperty("properties", out var properties))
            {
                if (properties.ValueKind != JsonValueKind.Object)
                {
                    Add(StrictSubsetRule.InvalidKeywordValue, "'properties' must be an object.");
                }
                else
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        names.Add(property.Name);
                        _properties++;
                        _characters += property.Name.Length;
                        Push("properties");
                        Push(property.Name);
                        Schema(property.Value, depth + 1);
                        Pop();
                        Pop();
                    }
                }
            }

            var required = new List<string>();
            if (schema.TryGetProperty("required", out var requiredElement))
            {
                if (requiredElement.ValueKind != JsonValueKind.Array || requiredElement.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
                {
                    Add(StrictSubsetRule.InvalidKeywordValue, "'required' must be an array of strings.");
                    return;
                }

                required.AddRange(requiredElement.EnumerateArray().Select(r => r.GetString()!));
            }

            foreach (var name in names)
            {
                if (!required.Contains(name, StringComparer.Ordinal))
                {
                    Add(StrictSubsetRule.RequiredIncomplete, $"'required' is required to be supplied and to be an array including every key in properties. Missing '{name}'.");
                    return;
                }
            }

            foreach (var name in required)
            {
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    Add(StrictSubsetRule.RequiredIncomplete, $"'required' names '{name}', which is not in properties.");
                    return;
                }
            }
        }

        private void CheckType(JsonElement type)
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                if (!TypeNames.Contains(type.GetString()))
                {
                    Add(StrictSubsetRule.UnknownType, $"type '{type.GetString()}' is not supported.");
                }
            }
            else if (type.ValueKind == JsonValueKind.Array && type.GetArrayLength() > 0)
            {
                foreach (var item in type.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || !TypeNames.Contains(item.GetString()))
                    {
                        Add(StrictSubsetRule.UnknownType, $"type '{item}' is not supported.");
                    }
                }
            }
            else
            {
                Add(StrictSubsetRule.InvalidKeywordValue, "'type' must be a type name or a non-empty array of type names.");
            }
        }

        private void CheckRef(JsonElement reference)
        {
            var text = reference.ValueKind == JsonValueKind.String ? reference.GetString()! : null;
            if (text == "#" || (text is not null && TryGetDef(text, out _)))
            {
                return;
            }

            Add(StrictSubsetRule.UnresolvedRef, $"reference '{reference}' must be '#' or '#/$defs/<name>' naming a definition.");
        }

        private void CheckEnum(JsonElement values)
        {
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
            {
                Add(StrictSubsetRule.InvalidKeywordValue, "'enum' must be a non-empty array.");
                return;
            }

            var count = values.GetArrayLength();
            if (count > limits.MaxEnumValues)
            {
                Add(StrictSubsetRule.EnumTooLarge, string.Create(CultureInfo.InvariantCulture, $"enum has {count} values; at most {limits.MaxEnumValues} are permitted."));
            }

            long characters = 0;
            var allStrings = true;
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    characters += value.GetString()!.Length;
                }
                else if (value.ValueKind != JsonValueKind.Null)
                {
                    allStrings = false;
                }
            }

            _characters += characters;
            if (allStrings && count > limits.LargeStringEnumThreshold && characters > limits.MaxLargeStringEnumCharacters)
            {
                Add(StrictSubsetRule.EnumTooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"a string enum with more than {limits.LargeStringEnumThreshold} values may total at most {limits.MaxLargeStringEnumCharacters} characters; this one has {characters}."));
            }
        }

        // Object levels along the deepest path, following $ref until a definition repeats on the path.
        private int Nesting(JsonElement schema, List<string> refsOnPath)
        {
            var own = Allows(schema, "object") ? 1 : 0;
            var below = 0;
            if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } text && !refsOnPath.Contains(text))
            {
                if (text == "#")
                {
                    refsOnPath.Add(text);
                    below = Math.Max(below, Nesting(root, refsOnPath) - own);
                    refsOnPath.RemoveAt(refsOnPath.Count - 1);
                }
                else if (TryGetDef(text, out var def))
                {
                    if (!_defDepth.TryGetValue(text, out var known))
                    {
                        refsOnPath.Add(text);
                        known = Nesting(def, refsOnPath);
                        refsOnPath.RemoveAt(refsOnPath.Count - 1);
                        if (refsOnPath.Count == 0)
                        {
                            _defDepth[text] = known;
                        }
                    }

                    below = Math.Max(below, known);
                }
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    below = Math.Max(below, Nesting(property.Value, refsOnPath));
                }
            }

            if (schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
            {
                below = Math.Max(below, Nesting(items, refsOnPath));
            }

            if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array)
            {
                // Branches are alternatives at the same level: the deepest one counts, the wrapper adds nothing.
                foreach (var branch in anyOf.EnumerateArray())
                {
                    below = Math.Max(below, Nesting(branch, refsOnPath) - own);
                }
            }

            return own + below;
        }

        private bool TryGetDef(string reference, out JsonElement def)
        {
            const string Prefix = "#/$defs/";
            def = default;
            return reference.StartsWith(Prefix, StringComparison.Ordinal) &&
                root.TryGetProperty("$defs", out var defs) && defs.ValueKind == JsonValueKind.Object &&
                defs.TryGetProperty(JsonPointer.UnescapeToken(reference[Prefix.Length..]), out def);
        }

        private static bool HasExactType(JsonElement schema, string name) =>
            schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == name;

        private static bool Allows(JsonElement schema, string name)
        {
            if (!schema.TryGetProperty("type", out var type))
            {
                return false;
            }

            return type.ValueKind == JsonValueKind.String
                ? type.GetString() == name
                : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == name);
        }

        private void Push(string token) => _path.Add(token);

        private void Pop() => _path.RemoveAt(_path.Count - 1);

        private void Add(StrictSubsetRule rule, string message)
        {
            var pointer = string.Concat(_path.Select(t => "/" + JsonPointer.EscapeToken(t)));
            var context = "(" + string.Join(", ", _path.Select(t => "'" + t + "'")) + ")";
            Violations.Add(new(pointer, rule, $"In context={context}, {message}"));
        }
    }
}
