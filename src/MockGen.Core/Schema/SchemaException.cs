namespace MockGen.Core.Schema;

/// <summary>
/// A schema that cannot be compiled: an unresolved <c>$ref</c>, an unknown <c>$schema</c>, an invalid
/// keyword value, or nesting deeper than the limit. The message names the location first.
/// </summary>
public sealed class SchemaException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public SchemaException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private SchemaException(string location, string keyword, string message)
        : base(message)
    {
        Location = location;
        Keyword = keyword;
    }

    /// <summary>Absolute location (document URI and JSON Pointer fragment) of the offending schema.</summary>
    public string? Location { get; }

    /// <summary>The keyword at fault, when there is one.</summary>
    public string? Keyword { get; }

    internal static SchemaException UnresolvedRef(string location, string keyword, string reference, string resolvedUri) =>
        new(location, keyword, $"{location}: {keyword} \"{reference}\" does not resolve (looked for {resolvedUri})");

    internal static SchemaException UnknownDialect(string location, string schemaUri) =>
        new(location, "$schema", $"{location}: unknown or unsupported $schema \"{schemaUri}\" (supported: draft-04, -06, -07, 2019-09, 2020-12, or a metaschema the set can load)");

    internal static SchemaException InvalidKeyword(string location, string keyword, string rule) =>
        new(location, keyword, $"{location}/{keyword}: {rule}");

    internal static SchemaException NestingTooDeep(string location, int limit) =>
        new(location, string.Empty, $"{location}: schema nesting exceeds the limit of {limit} levels");

    internal static SchemaException DocumentRefused(string location, string uri, Exception inner) =>
        new($"{location}: cannot load \"{uri}\": {inner.Message}", inner);

    internal static SchemaException NotASchema(string location) =>
        new(location, string.Empty, $"{location}: a schema must be a JSON object or a boolean");
}
