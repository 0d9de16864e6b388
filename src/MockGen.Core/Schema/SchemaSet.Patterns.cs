namespace MockGen.Core.Schema;

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

    private static string EscapePointerToken(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
