namespace MockGen.Core.Schema;

/// <summary>How a <see cref="SchemaSet"/> finds and compiles schemas. Validated once, when the set is built.</summary>
public sealed class SchemaSetOptions
{
    /// <summary>Supplies documents that a <c>$ref</c> names but that were not given up front. Default: <see langword="null"/> (none).</summary>
    public ISchemaDocumentResolver? Resolver { get; set; }

    /// <summary>
    /// Maps absolute URI prefixes (e.g. <c>http://localhost:1234/</c>) to local folders, so remote refs are
    /// read from disk and never fetched. Consulted after <see cref="Resolver"/>. Default: empty.
    /// </summary>
    public IDictionary<Uri, string> UriMappings { get; } = new Dictionary<Uri, string>();

    /// <summary>Dialect for documents loaded through <see cref="UriMappings"/> that name no <c>$schema</c>. Default: <see cref="Dialect.Draft202012"/>.</summary>
    public Dialect DefaultDialect { get; set; } = Dialect.Draft202012;

    /// <summary>Maximum schema nesting depth. Default: 2,000.</summary>
    public int MaxDepth { get; set; } = 2_000;

    /// <summary>Time limit for one regex match on the backtracking engine. Default: 1 second.</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether every schema of the set is an OpenAPI schema, so the OpenAPI Format Registry's numeric formats
    /// (<c>int32</c>, <c>int64</c> integers in range; <c>float</c>, <c>double</c> finite in range) are asserted also in
    /// 2020-12 schemas (OpenAPI 3.1). OpenAPI 3.0 and Swagger 2.0 schemas assert them whatever this says; plain
    /// JSON Schema drafts never do (there they are unknown formats). Default: <see langword="false"/>.
    /// </summary>
    public bool OpenApiFormatRegistry { get; set; }

    internal void Validate()
    {
        var problems = new List<string>();
        if (MaxDepth < 1)
        {
            problems.Add($"MaxDepth must be at least 1 (was {MaxDepth})");
        }

        if (RegexTimeout <= TimeSpan.Zero)
        {
            problems.Add($"RegexTimeout must be positive (was {RegexTimeout})");
        }

        foreach (var pair in UriMappings)
        {
            if (!pair.Key.IsAbsoluteUri)
            {
                problems.Add($"UriMappings key \"{pair.Key}\" must be an absolute URI");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SchemaSetOptions: " + string.Join("; ", problems));
        }
    }
}
