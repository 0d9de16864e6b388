using System.Globalization;

namespace MockGen.Core.Contracts;

/// <summary>
/// A contract could not be loaded or used: unreadable or malformed file, refused <c>$ref</c>, unknown
/// dialect, unknown target. The message puts the location first (file, line and column, or JSON
/// Pointer), then what was found, then the rule; the same parts are also available as properties.
/// </summary>
public sealed class ContractException : Exception
{
    private ContractException(string message, string? filePath, int? line = null, int? column = null, string? pointer = null, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        JsonPointer = pointer;
    }

    /// <summary>Creates an exception with a plain message; prefer the named factory methods.</summary>
    public ContractException()
        : this("The contract could not be loaded.", filePath: null)
    {
    }

    /// <summary>Creates an exception with a plain message; prefer the named factory methods.</summary>
    public ContractException(string message)
        : this(message, filePath: null)
    {
    }

    /// <summary>Creates an exception with a plain message and its cause; prefer the named factory methods.</summary>
    public ContractException(string message, Exception innerException)
        : this(message, filePath: null, inner: innerException)
    {
    }

    /// <summary>The file at fault, as the user named it (or relative to it); <see langword="null"/> when none.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line at fault, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column at fault (bytes for JSON, characters for YAML), when known.</summary>
    public int? Column { get; }

    /// <summary>The JSON Pointer at fault in URI-fragment form (<c>#/components/schemas/Pet</c>), when known.</summary>
    public string? JsonPointer { get; }

    internal static ContractException FileNotFound(string path) =>
        new($"{path}: file or folder not found", path);

    internal static ContractException Unreadable(string path, Exception cause) =>
        new($"{path}: cannot be read: {cause.Message}", path, inner: cause);

    internal static ContractException FolderWithoutContracts(string path) =>
        new($"{path}: the folder holds no contract files (*.json, *.yaml, *.yml)", path);

    internal static ContractException TooLarge(string path, long size, long limit) =>
        new($"{path}: the file is {FormatBytes(size)}, over the {FormatBytes(limit)} limit for one contract file (raise it with ContractLoaderOptions.MaxFileBytes or --max-contract-size)", path);

    internal static ContractException MalformedJson(string path, int line, int column, string detail) =>
        new($"{path}:{line}:{column}: invalid JSON: {detail}", path, line, column);

    internal static ContractException NestingTooDeep(string path, int line, int column, int limit) =>
        new($"{path}:{line}:{column}: nesting too deep at line {line}: more than {limit} levels of objects and arrays (ContractLoaderOptions.MaxDepth)", path, line, column);

    internal static ContractException MalformedYaml(string path, int line, int column, string detail) =>
        new($"{path}:{line}:{column}: invalid YAML: {detail}", path, line, column);

    internal static ContractException YamlAliasBomb(string path, int line, int column, int limit) =>
        new($"{path}:{line}:{column}: YAML aliases expand to more than {limit.ToString(CultureInfo.InvariantCulture)} nodes; refused as a possible alias bomb (ContractLoaderOptions.MaxYamlAliasNodes)", path, line, column);

    internal static ContractException YamlUnknownAlias(string path, int line, int column, string alias) =>
        new($"{path}:{line}:{column}: invalid YAML: alias *{alias} names no anchor defined before it (recursive aliases cannot be represented as JSON)", path, line, column);

    internal static ContractException YamlDuplicateKey(string path, int line, int column, string key) =>
        new($"{path}:{line}:{column}: invalid YAML: duplicate key \"{key}\" in a mapping", path, line, column);

    internal static ContractException YamlNotJson(string path, int line, int column, string what) =>
        new($"{path}:{line}:{column}: YAML cannot be converted to JSON: {what}", path, line, column);

    internal static ContractException EmptyDocument(string path) =>
        new($"{path}: the file is empty", path);

    internal static ContractException RootNotObject(string path, string kind) =>
        new($"{path}: the document's root is {kind}; a contract is a JSON object (or a boolean JSON Schema)", path);

    internal static ContractException UnknownSchemaDialect(string path, string pointer, string schemaUri) =>
        new($"{At(path, pointer)}unknown $schema \"{schemaUri}\"; supported: draft-04, draft-06, draft-07, 2019-09, 2020-12 (https://json-schema.org/draft/2020-12/schema), or a custom meta-schema mapped to a local file (--map)", path, pointer: pointer);

    internal static ContractException UnsupportedSchemaDialect(string path, string pointer, string schemaUri) =>
        new($"{At(path, pointer)}$schema \"{schemaUri}\" is not supported; supported: draft-04, draft-06, draft-07, 2019-09, 2020-12", path, pointer: pointer);

    internal static ContractException UnsupportedOpenApiVersion(string path, string pointer, string version) =>
        new($"{At(path, pointer)}OpenAPI version \"{version}\" is not supported; supported: swagger 2.0, openapi 3.0.x, openapi 3.1.x", path, pointer: pointer);

    internal static ContractException RemoteRefRefused(string? path, string pointer, string uri) =>
        new($"{At(path, pointer)}$ref \"{uri}\" is remote; MockGen never fetches http(s) documents. Map the URI to a local file or folder (ContractLoaderOptions.UriMappings, or --map {MapHint(uri)}=./local/path)", path, pointer: pointer);

    internal static ContractException ReferencedFileNotFound(string? path, string pointer, string reference, string resolvedPath) =>
        new($"{At(path, pointer)}$ref \"{reference}\" names the file {resolvedPath}, which does not exist", path, pointer: pointer);

    internal static ContractException MappedFileNotFound(string uri, string localPath) =>
        new($"{uri}: mapped to {localPath}, which does not exist", localPath);

    internal static ContractException ReferenceOutsideContract(string? path, string pointer, string uri) =>
        new($"{At(path, pointer)}$ref \"{uri}\" names a file, but an in-memory contract has no files beside it; inline the schema or load the contract from a folder", path, pointer: pointer);

    internal static ContractException TooManyDocuments(string path, int limit) =>
        new($"{path}: the contract references more than {limit.ToString(CultureInfo.InvariantCulture)} files (ContractLoaderOptions.MaxDocuments)", path);

    internal static ContractException InvalidUriMapping(string prefix, string reason) =>
        new($"--map {prefix}: {reason}", filePath: null);

    internal static ContractException UnknownTarget(string contractName, string id, string hint) =>
        new($"{contractName}: no target \"{id}\"{hint}", contractName, pointer: id.StartsWith('#') ? id : null);

    internal static ContractException UnresolvedRef(string? path, string pointer, string reference) =>
        new($"{At(path, pointer)}$ref \"{reference}\" points to nothing: no such document or JSON Pointer", path, pointer: pointer);

    // The detail already starts with the location (the schema compiler's messages do).
    internal static ContractException InvalidSchema(string? path, string pointer, string detail, Exception? inner = null) =>
        new(detail, path, pointer: pointer.Length == 0 ? null : pointer, inner: inner);

    private static string At(string? path, string? pointer)
    {
        var location = (path ?? string.Empty) + (pointer ?? string.Empty);
        return location.Length == 0 ? string.Empty : location + ": ";
    }

    private static string MapHint(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        uri = hash >= 0 ? uri[..hash] : uri;
        var slash = uri.LastIndexOf('/');
        return slash > "https://".Length ? uri[..(slash + 1)] : uri;
    }

    private static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB"
            : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}
