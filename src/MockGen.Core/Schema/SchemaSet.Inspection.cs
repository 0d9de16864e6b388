namespace MockGen.Core.Schema;

/// <summary>What <c>mockgen inspect</c> reports about the schemas compiled so far.</summary>
public sealed partial class SchemaSet
{
    /// <summary>
    /// The patterns of every schema compiled so far (compile the targets first), ordered by document and
    /// pointer, each with the grammar it is read with: what <c>mockgen inspect</c> reports.
    /// </summary>
    public IReadOnlyList<SchemaPattern> CompiledPatterns()
    {
        var found = new Dictionary<(string Document, string Pointer), SchemaPattern>();
        lock (_gate)
        {
            foreach (var node in _nodes.Values)
            {
                if (node.Pattern is { } pattern)
                {
                    Add(node.DocumentUri, node.DocumentPointer + "/pattern", pattern);
                }

                foreach (var property in node.PatternProperties)
                {
                    Add(node.DocumentUri, node.DocumentPointer + "/patternProperties/" + EscapePointerToken(property.Pattern.Source), property.Pattern);
                }
            }
        }

        return [.. found.Values.OrderBy(p => p.DocumentUri, StringComparer.Ordinal).ThenBy(p => p.JsonPointer, StringComparer.Ordinal)];

        void Add(string document, string pointer, CompiledPattern pattern) =>
            found.TryAdd((document, pointer), new SchemaPattern(document, pointer, pattern.Source, pattern.Syntax));
    }

    /// <summary>
    /// Every compiled schema whose <c>$ref</c> hides siblings that make the two readings disagree (draft-04/06/07,
    /// OpenAPI 3.0, Swagger 2.0), ordered by document and pointer: where MockGen's reading (the draft's) and
    /// ajv-style readings can judge a generated payload differently. Not listed: annotations, siblings that repeat the
    /// target's own keyword, keywords for a type the target excludes (<c>maxLength</c> beside an object), a widening
    /// <c>nullable</c>, and count and length bounds the generator already meets (it narrows <c>minItems</c>/<c>maxItems</c>
    /// and <c>minLength</c>/<c>maxLength</c> towards the siblings while the range with the target's stays non-empty).
    /// </summary>
    public IReadOnlyList<IgnoredRefSiblings> RefSiblingConflicts()
    {
        var found = new List<IgnoredRefSiblings>();
        lock (_gate)
        {
            foreach (var node in _nodes.Values)
            {
                if (node.Ref is null || !IsLegacy(node.Dialect) || node.Element.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    continue;
                }

                var target = ReferenceTarget(node);
                var keywords = node.Element.EnumerateObject()
                    .Where(p => s_constrainingKeywords.Contains(p.Name) && Conflicts(p.Name, p.Value, target))
                    .Select(p => p.Name)
                    .ToList();
                if (keywords.Count > 0)
                {
                    found.Add(new IgnoredRefSiblings(node.DocumentUri, node.DocumentPointer, node.Dialect, keywords));
                }
            }
        }

        return [.. found.OrderBy(c => c.DocumentUri, StringComparer.Ordinal).ThenBy(c => c.JsonPointer, StringComparer.Ordinal)];
    }

    // The schema a legacy $ref finally stands for (a chain of plain $refs followed, cycles cut); null when not compiled.
    private static SchemaNode? ReferenceTarget(SchemaNode node)
    {
        var target = node.Ref;
        for (var hops = 0; hops < 32 && target is { Ref: not null } && IsLegacy(target.Dialect); hops++)
        {
            target = target.Ref;
        }

        return target is { IsCompiled: true } ? target : null;
    }

    // Whether the sibling keyword can make a payload the generator builds for the target valid under one reading and
    // not the other.
    private static bool Conflicts(string keyword, System.Text.Json.JsonElement value, SchemaNode? target)
    {
        if (keyword == "nullable")
        {
            // true only widens (what is valid without it stays valid), false changes nothing.
            return false;
        }

        if (target is null || target.BooleanSchema is not null)
        {
            return true;
        }

        if (target.Element.ValueKind == System.Text.Json.JsonValueKind.Object && target.Element.TryGetProperty(keyword, out var own)
            && System.Text.Json.JsonElement.DeepEquals(own, value))
        {
            return false;
        }

        if (s_keywordTypes.TryGetValue(keyword, out var applies) && target.Types != SchemaTypes.None && (target.Types & applies) == 0)
        {
            return false;
        }

        return keyword switch
        {
            "maxItems" => !(Count(value) is { } max && max >= (target.MinItems ?? 0)),
            "minItems" => !(Count(value) is { } min && min <= (target.MaxItems ?? long.MaxValue)),
            "maxLength" => !(Count(value) is { } max && max >= (target.MinLength ?? 0)),
            "minLength" => !(Count(value) is { } min && min <= (target.MaxLength ?? long.MaxValue)),
            _ => true,
        };

        static long? Count(System.Text.Json.JsonElement element) =>
            element.ValueKind == System.Text.Json.JsonValueKind.Number && element.TryGetInt64(out var n) && n >= 0 ? n : null;
    }

    private static readonly HashSet<string> s_constrainingKeywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "format", "items", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains",
        "maxProperties", "minProperties", "required", "properties", "patternProperties", "additionalProperties",
        "dependencies", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not", "nullable",
    };

    // The instance types a type-specific keyword constrains; a target that allows none of them makes the sibling vacuous.
    private static readonly Dictionary<string, SchemaTypes> s_keywordTypes = new(StringComparer.Ordinal)
    {
        ["maxLength"] = SchemaTypes.String,
        ["minLength"] = SchemaTypes.String,
        ["pattern"] = SchemaTypes.String,
        ["multipleOf"] = SchemaTypes.Number | SchemaTypes.Integer,
        ["maximum"] = SchemaTypes.Number | SchemaTypes.Integer,
        ["exclusiveMaximum"] = SchemaTypes.Number | SchemaTypes.Integer,
        ["minimum"] = SchemaTypes.Number | SchemaTypes.Integer,
        ["exclusiveMinimum"] = SchemaTypes.Number | SchemaTypes.Integer,
        ["items"] = SchemaTypes.Array,
        ["additionalItems"] = SchemaTypes.Array,
        ["maxItems"] = SchemaTypes.Array,
        ["minItems"] = SchemaTypes.Array,
        ["uniqueItems"] = SchemaTypes.Array,
        ["contains"] = SchemaTypes.Array,
        ["maxProperties"] = SchemaTypes.Object,
        ["minProperties"] = SchemaTypes.Object,
        ["required"] = SchemaTypes.Object,
        ["properties"] = SchemaTypes.Object,
        ["patternProperties"] = SchemaTypes.Object,
        ["additionalProperties"] = SchemaTypes.Object,
        ["dependencies"] = SchemaTypes.Object,
        ["propertyNames"] = SchemaTypes.Object,
    };

    private static string EscapePointerToken(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
