using System.Text.Json;
using Microsoft.OpenApi.Reader;
using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>
/// Loads contracts: OpenAPI 2.0, 3.0.x and 3.1.x descriptions and JSON Schema documents, in JSON or
/// YAML, from a file, a folder or memory, with every file their <c>$ref</c>s name. Immutable and
/// thread-safe; build one per set of options and reuse it.
/// </summary>
public sealed class ContractLoader
{
    /// <summary>A custom meta-schema may itself name a custom meta-schema; a longer chain (or a cycle) is refused.</summary>
    private const int MaxMetaSchemaHops = 8;

    private readonly ContractLoaderLimits _limits;
    private readonly UriMap _uriMap;

    /// <summary>Creates a loader; the options are validated and copied.</summary>
    /// <exception cref="ArgumentException">An option is out of range (all problems are listed).</exception>
    public ContractLoader(ContractLoaderOptions? options = null)
    {
        options ??= new ContractLoaderOptions();
        _limits = options.Validate();
        _uriMap = new UriMap(options.UriMappings);
    }

    /// <summary>The file extensions a folder's contracts may have.</summary>
    public static IReadOnlyList<string> ContractExtensions { get; } = [".json", ".yaml", ".yml"];

    /// <summary>Loads the contract whose root file is <paramref name="path"/>; its name is the file name.</summary>
    /// <exception cref="ContractException">The file, or a file it references, is missing, malformed, too large or refused.</exception>
    public Task<Contract> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        LoadAsync(path, name: null, cancellationToken);

    /// <summary>Loads the contract whose root file is <paramref name="path"/> under the given name (the file name when null).</summary>
    /// <exception cref="ContractException">The file, or a file it references, is missing, malformed, too large or refused.</exception>
    public async Task<Contract> LoadAsync(string path, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw ContractException.FileNotFound(path);
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > _limits.MaxFileBytes)
            {
                throw ContractException.TooLarge(path, length, _limits.MaxFileBytes);
            }

            bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ContractException.Unreadable(path, ex);
        }

        return Build(name ?? Path.GetFileName(fullPath), bytes, new Uri(fullPath), fullPath, path, cancellationToken);
    }

    /// <summary>
    /// Loads a contract held in memory (an uploaded blob, say). Such a contract has no files beside it:
    /// a <c>$ref</c> to another file is refused; mapped remote URIs still work. Its base URI is
    /// <c>file:///mockgen/in-memory/{name}</c>.
    /// </summary>
    /// <param name="name">The contract's name; its extension (.json, .yaml, .yml) picks the syntax, else the content does.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="cancellationToken">Cancels loading between documents.</param>
    /// <exception cref="ContractException">The content is malformed, too large, or references files.</exception>
    public Contract Load(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var baseUri = new Uri(new Uri("file:///mockgen/in-memory/"), Uri.EscapeDataString(name));
        return Build(name, content.ToArray(), baseUri, null, name, cancellationToken);
    }

    /// <summary>Loads every contract of a folder (see <see cref="ContractFolder"/> for which files count).</summary>
    /// <exception cref="ContractException">The folder does not exist or holds no contract files.</exception>
    public async Task<ContractFolder> LoadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var names = FindContractFiles(folder);
        if (names.Count == 0)
        {
            throw ContractException.FolderWithoutContracts(folder);
        }

        var contracts = new List<Contract>();
        var failures = new List<ContractLoadFailure>();
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                contracts.Add(await LoadAsync(Path.Combine(folder, name), name, cancellationToken).ConfigureAwait(false));
            }
            catch (ContractException ex)
            {
                failures.Add(new ContractLoadFailure(name, ex));
            }
        }

        // A file another contract references is a part of that contract, not a contract of its own.
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            foreach (var document in contract.Documents.Skip(1))
            {
                if (document.BaseUri.IsFile)
                {
                    parts.Add(Path.GetFullPath(document.BaseUri.LocalPath));
                }
            }
        }

        bool IsPart(string name) => parts.Contains(Path.GetFullPath(Path.Combine(folder, name)));
        return new ContractFolder(
            folder,
            [.. contracts.Where(c => !IsPart(c.Name))],
            [.. failures.Where(f => !IsPart(f.Name))]);
    }

    /// <summary>
    /// Loads a folder's contracts one at a time, in name order (the same contracts and failures as
    /// <see cref="LoadFolderAsync"/>), so a caller that drops each contract after use holds at most one in memory:
    /// peak memory is that of the largest contract, not of the folder. A file another contract references is a part
    /// of it, not a contract of its own; a first, lighter pass finds those parts.
    /// </summary>
    /// <exception cref="ContractException">The folder does not exist or holds no contract files.</exception>
    public async IAsyncEnumerable<ContractFolderEntry> EnumerateFolderAsync(string folder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var names = FindContractFiles(folder);
        if (names.Count == 0)
        {
            throw ContractException.FolderWithoutContracts(folder);
        }

        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parts.UnionWith(await ReferencedFilesAsync(Path.Combine(folder, name), cancellationToken).ConfigureAwait(false));
        }

        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parts.Contains(Path.GetFullPath(Path.Combine(folder, name))))
            {
                continue;
            }

            Contract? contract = null;
            ContractException? error = null;
            try
            {
                contract = await LoadAsync(Path.Combine(folder, name), name, cancellationToken).ConfigureAwait(false);
            }
            catch (ContractException ex)
            {
                error = ex;
            }

            yield return new ContractFolderEntry(name, contract, error is null ? null : new ContractLoadFailure(name, error));
        }
    }

    // The other local files a contract's $refs reach (full paths); none when it does not load. Only reads and
    // resolves documents: no OpenAPI diagnostics, no targets, no compile.
    private async Task<IReadOnlyList<string>> ReferencedFilesAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        try
        {
            if (new FileInfo(fullPath).Length > _limits.MaxFileBytes)
            {
                return [];
            }

            var bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
            // Most JSON files name no other file: their text proves it without parsing them (the load parses them anyway).
            // Ids need no look here: they move the base of non-local references only, and there are none.
            if (ContractFileReader.DetectFormat(path, bytes) == ContractFileFormat.Json && ExternalReferenceScanner.CannotReachOtherDocuments(bytes, idKeyword: null))
            {
                return [];
            }

            var parsed = ContractFileReader.Parse(path, bytes, _limits);
            var (_, dialect, _) = Detect(path, parsed.Root);
            var root = new LoadedDocument(new SchemaDocument(new Uri(fullPath), parsed.Root, dialect, path), parsed.Canonical, string.Empty);
            var documents = ContractDocumentSet.Create(root, dialect, _limits, _uriMap, fullPath, path, cancellationToken);
            return [.. documents.Documents.Skip(1).Where(d => d.Document.BaseUri.IsFile).Select(d => Path.GetFullPath(d.Document.BaseUri.LocalPath))];
        }
        catch (Exception ex) when (ex is ContractException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Lists a folder's candidate contract files, relative to it with <c>/</c>, in ordinal order.</summary>
    /// <exception cref="ContractException">The folder does not exist.</exception>
    public static IReadOnlyList<string> FindContractFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw ContractException.FileNotFound(folder);
        }

        var root = Path.GetFullPath(folder);
        var names = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(directory))
            {
                if (!Path.GetFileName(sub).StartsWith('.'))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                var extension = Path.GetExtension(file);
                if (ContractExtensions.Any(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase)) && !Path.GetFileName(file).StartsWith('.'))
                {
                    names.Add(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'));
                }
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private Contract Build(string name, byte[] bytes, Uri baseUri, string? fullPath, string displayPath, CancellationToken cancellationToken)
    {
        var parsed = ContractFileReader.Parse(displayPath, bytes, _limits);
        var (kind, dialect, specVersion) = Detect(displayPath, parsed.Root);
        var root = new LoadedDocument(new SchemaDocument(baseUri, parsed.Root, dialect, displayPath), parsed.Canonical, string.Empty);
        // An OpenAPI document is many payload definitions: one broken file it references must not drop the others.
        var documents = ContractDocumentSet.Create(root, dialect, _limits, _uriMap, fullPath, fullPath is null ? null : displayPath, cancellationToken, tolerant: kind != ContractKind.JsonSchema);

        var diagnostics = new List<ContractDiagnostic>(documents.Problems);
        if (kind == ContractKind.JsonSchema && dialect != Dialect.Draft202012 && parsed.Root.ValueKind == JsonValueKind.Object && !parsed.Root.TryGetProperty("$schema", out _))
        {
            diagnostics.Add(ContractDiagnostic.InferredDialect(dialect, DialectInference.Infer(parsed.Root).Evidence, displayPath));
        }

        if (kind != ContractKind.JsonSchema)
        {
            ReadOpenApiDiagnostics(parsed, baseUri, displayPath, diagnostics);
            diagnostics.RemoveAll(d => IsResolvedReference(d, documents));
        }

        var targets = TargetEnumerator.Enumerate(kind, documents, diagnostics);
        return new Contract(name, kind, specVersion, Title(kind, parsed.Root), dialect, parsed.Format, documents, targets, diagnostics);
    }

    private (ContractKind Kind, Dialect Dialect, string? SpecificationVersion) Detect(string displayPath, JsonElement root)
    {
        if (root.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return (ContractKind.JsonSchema, Dialect.Draft202012, null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ContractException.RootNotObject(displayPath, root.ValueKind switch
            {
                JsonValueKind.Array => "an array",
                JsonValueKind.String => "a string",
                JsonValueKind.Number => "a number",
                _ => "null",
            });
        }

        if (root.TryGetProperty("swagger", out var swagger))
        {
            var version = swagger.ValueKind == JsonValueKind.String ? swagger.GetString()! : swagger.GetRawText();
            return version == "2.0"
                ? (ContractKind.OpenApi20, Dialect.Swagger20, version)
                : throw ContractException.UnsupportedOpenApiVersion(displayPath, "#/swagger", version);
        }

        if (root.TryGetProperty("openapi", out var openapi))
        {
            var version = openapi.ValueKind == JsonValueKind.String ? openapi.GetString()! : openapi.GetRawText();
            if (version == "3.0" || version.StartsWith("3.0.", StringComparison.Ordinal))
            {
                return (ContractKind.OpenApi30, Dialect.OpenApi30, version);
            }

            if (version == "3.1" || version.StartsWith("3.1.", StringComparison.Ordinal))
            {
                var dialect = Dialect.Draft202012;
                if (root.TryGetProperty("jsonSchemaDialect", out var declared) && declared.ValueKind == JsonValueKind.String)
                {
                    dialect = DialectFrom(displayPath, "#/jsonSchemaDialect", declared.GetString()!);
                }

                return (ContractKind.OpenApi31, dialect, version);
            }

            throw ContractException.UnsupportedOpenApiVersion(displayPath, "#/openapi", version);
        }

        if (root.TryGetProperty("$schema", out var schema))
        {
            if (schema.ValueKind != JsonValueKind.String)
            {
                throw ContractException.UnknownSchemaDialect(displayPath, "#/$schema", schema.GetRawText());
            }

            var uri = schema.GetString()!;
            return (ContractKind.JsonSchema, DialectFrom(displayPath, "#/$schema", uri), uri);
        }

        // No $schema: 2020-12, unless the document is written in an older draft's shapes (DialectInference).
        return (ContractKind.JsonSchema, DialectInference.Infer(root).Dialect, null);
    }

    private Dialect DialectFrom(string displayPath, string pointer, string uri)
    {
        // A custom meta-schema (the suite's vocabulary cases) is a document like any other: reachable through
        // the URI map, it names its own $schema, down to a known dialect. The schema compiler then reads its
        // $vocabulary through the same map, so the CLI and an in-process SchemaSet resolve $schema alike (issue 12).
        var current = uri;
        for (var hops = 0; hops < MaxMetaSchemaHops; hops++)
        {
            switch (SchemaDialects.TryGet(current, out var dialect))
            {
                case SchemaDialects.Lookup.Known:
                    return dialect;
                case SchemaDialects.Lookup.Unsupported:
                    throw ContractException.UnsupportedSchemaDialect(displayPath, pointer, uri);
            }

            if (!Uri.TryCreate(current.TrimEnd('#'), UriKind.Absolute, out var metaUri)
                || (metaUri.Scheme != Uri.UriSchemeHttp && metaUri.Scheme != Uri.UriSchemeHttps)
                || !_uriMap.TryMap(ExternalReferenceScanner.WithoutFragment(metaUri), out var localPath)
                || !File.Exists(localPath))
            {
                break;
            }

            ParsedFile meta;
            try
            {
                meta = ContractFileReader.Parse(localPath, ReadMetaSchema(localPath), _limits);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw ContractException.Unreadable(localPath, ex);
            }

            if (meta.Root.ValueKind != JsonValueKind.Object || !meta.Root.TryGetProperty("$schema", out var next) || next.ValueKind != JsonValueKind.String)
            {
                // A meta-schema without $schema is read as the default dialect, as the compiler reads it.
                return Dialect.Draft202012;
            }

            current = next.GetString()!;
        }

        throw ContractException.UnknownSchemaDialect(displayPath, pointer, uri);
    }

    private byte[] ReadMetaSchema(string localPath)
    {
        var length = new FileInfo(localPath).Length;
        return length > _limits.MaxFileBytes ? throw ContractException.TooLarge(localPath, length, _limits.MaxFileBytes) : File.ReadAllBytes(localPath);
    }

    private static string? Title(ContractKind kind, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var holder = root;
        if (kind != ContractKind.JsonSchema && !(root.TryGetProperty("info", out holder) && holder.ValueKind == JsonValueKind.Object))
        {
            return null;
        }

        return holder.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null;
    }

    // Microsoft.OpenApi reads the document model and applies its specification rules; MockGen keeps only
    // its diagnostics: schemas come from the raw JSON so that no keyword is lost on the way.
    private static void ReadOpenApiDiagnostics(ParsedFile parsed, Uri baseUri, string displayPath, List<ContractDiagnostic> diagnostics)
    {
        try
        {
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            var result = new OpenApiJsonReader().Read(parsed.ToNode()!, baseUri, settings);
            foreach (var error in result.Diagnostic?.Errors ?? [])
            {
                diagnostics.Add(new ContractDiagnostic(ContractDiagnosticSeverity.Error, error.Message, NormalizePointer(error.Pointer), displayPath));
            }

            foreach (var warning in result.Diagnostic?.Warnings ?? [])
            {
                diagnostics.Add(new ContractDiagnostic(ContractDiagnosticSeverity.Warning, warning.Message, NormalizePointer(warning.Pointer), displayPath));
            }
        }
#pragma warning disable CA1031 // A reader crash on a strange document must become a diagnostic, not take the load down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Add(new ContractDiagnostic(ContractDiagnosticSeverity.Error, "the OpenAPI reader failed: " + ex.Message, null, displayPath));
        }
    }

    /// <summary>
    /// Microsoft.OpenApi reads the root file alone (MockGen loads the other files itself), so it warns that
    /// a reference "does not point to an existing schema" whenever the chain leaves the root file. Such a
    /// finding is dropped when the chain does resolve across the contract's files; real dangling references
    /// are still reported, by this reader or by the schema compiler.
    /// </summary>
    private static bool IsResolvedReference(ContractDiagnostic diagnostic, ContractDocumentSet documents)
    {
        if (diagnostic.JsonPointer is not { } pointer || !pointer.EndsWith("/$ref", StringComparison.Ordinal))
        {
            return false;
        }

        var document = documents.Root;
        var at = JsonPointerSyntax.FromUriFragment(pointer[1..^"/$ref".Length]);
        for (var hops = 0; hops < 32; hops++)
        {
            if (!JsonPointerSyntax.TryResolve(document.Document.Root, at, out var element))
            {
                return false;
            }

            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                return true;
            }

            if (!documents.TryResolveReference(document.Document, reference.GetString()!, out document, out at))
            {
                return false;
            }
        }

        return false;
    }

    private static string? NormalizePointer(string? pointer) =>
        string.IsNullOrEmpty(pointer) ? null : pointer.StartsWith('#') ? pointer : "#" + pointer;
}
