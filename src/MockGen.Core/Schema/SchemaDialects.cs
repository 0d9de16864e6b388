namespace MockGen.Core.Schema;

/// <summary>
/// The one table of meta-schema URIs: maps <c>$schema</c> and <c>jsonSchemaDialect</c> URIs to the dialects MockGen
/// supports, for the contract loader and the schema compiler alike. Every spelling users write is accepted:
/// <c>http</c> or <c>https</c>, with or without an empty fragment, and <c>http://json-schema.org/schema#</c> (the latest draft).
/// </summary>
internal static class SchemaDialects
{
    /// <summary>Outcome of looking a meta-schema URI up.</summary>
    internal enum Lookup
    {
        /// <summary>A supported dialect.</summary>
        Known,

        /// <summary>A real JSON Schema draft that MockGen does not implement (draft-03 and older).</summary>
        Unsupported,

        /// <summary>A URI MockGen does not recognise.</summary>
        Unknown,
    }

    /// <summary>Looks up a meta-schema URI; a trailing empty fragment and http/https differences are ignored.</summary>
    public static Lookup TryGet(string uri, out Dialect dialect)
    {
        dialect = Dialect.Draft202012;
        var key = uri.Trim();
        if (key.EndsWith('#'))
        {
            key = key[..^1];
        }

        if (key.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            key = key["https://".Length..];
        }
        else if (key.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            key = key["http://".Length..];
        }
        else
        {
            return Lookup.Unknown;
        }

        switch (key)
        {
            case "json-schema.org/draft-04/schema":
                dialect = Dialect.Draft4;
                return Lookup.Known;
            case "json-schema.org/draft-06/schema":
                dialect = Dialect.Draft6;
                return Lookup.Known;
            case "json-schema.org/draft-07/schema":
                dialect = Dialect.Draft7;
                return Lookup.Known;
            case "json-schema.org/draft/2019-09/schema":
                dialect = Dialect.Draft201909;
                return Lookup.Known;
            case "json-schema.org/draft/2020-12/schema":
            case "json-schema.org/schema":
                dialect = Dialect.Draft202012;
                return Lookup.Known;
            case "json-schema.org/draft-03/schema":
            case "json-schema.org/draft-02/schema":
            case "json-schema.org/draft-01/schema":
            case "json-schema.org/draft-00/schema":
                return Lookup.Unsupported;
        }

        // OpenAPI 3.1's default dialect is 2020-12 plus the (annotation-only) OAS vocabulary; its URI carries a date.
        if (key.StartsWith("spec.openapis.org/oas/3.1/dialect/", StringComparison.Ordinal))
        {
            dialect = Dialect.Draft202012;
            return Lookup.Known;
        }

        return Lookup.Unknown;
    }
}
