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
    /// Every compiled schema whose <c>$ref</c> hides constraining siblings (draft-04/06/07, OpenAPI 3.0, Swagger 2.0),
    /// ordered by document and pointer: where MockGen's reading (the draft's) and ajv-style readings differ.
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

                var keywords = node.Element.EnumerateObject().Select(p => p.Name).Where(s_constrainingKeywords.Contains).ToList();
                if (keywords.Count > 0)
                {
                    found.Add(new IgnoredRefSiblings(node.DocumentUri, node.DocumentPointer, node.Dialect, keywords));
                }
            }
        }

        return [.. found.OrderBy(c => c.DocumentUri, StringComparer.Ordinal).ThenBy(c => c.JsonPointer, StringComparer.Ordinal)];
    }

    private static readonly HashSet<string> s_constrainingKeywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "format", "items", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains",
        "maxProperties", "minProperties", "required", "properties", "patternProperties", "additionalProperties",
        "dependencies", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not", "nullable",
    };

    private static string EscapePointerToken(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
