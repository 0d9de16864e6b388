using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>
/// All documents of one contract: the root file, the local files its <c>$ref</c>s name (transitively),
/// and mapped remote documents. It is the <see cref="ISchemaDocumentResolver"/> the schema compiler
/// uses: it serves those documents, loads a file it missed on first use, and refuses unmapped remote URIs.
/// </summary>
internal sealed class ContractDocumentSet : ISchemaDocumentResolver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LoadedDocument> _documents = new(StringComparer.Ordinal);
    private readonly List<LoadedDocument> _ordered = [];
    private readonly HashSet<string> _embeddedIds = new(StringComparer.Ordinal);
    private readonly ContractLoaderLimits _limits;
    private readonly UriMap _uriMap;
    private readonly string? _rootDirectory;
    private readonly string? _rootDisplayDirectory;
    private readonly Dialect _dialect;
    private readonly bool _tolerant;
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly List<ContractDiagnostic> _problems = [];

    private ContractDocumentSet(LoadedDocument root, Dialect dialect, ContractLoaderLimits limits, UriMap uriMap, string? rootFullPath, string? rootDisplayPath, bool tolerant)
    {
        _tolerant = tolerant;
        _limits = limits;
        _uriMap = uriMap;
        _dialect = dialect;
        _rootDirectory = rootFullPath is null ? null : Path.GetDirectoryName(rootFullPath);
        _rootDisplayDirectory = rootDisplayPath is null ? null : Path.GetDirectoryName(rootDisplayPath);
        Root = root;
        Add(root);
    }

    /// <summary>The root file.</summary>
    public LoadedDocument Root { get; }

    /// <summary>Every document loaded so far, the root first, then in discovery order.</summary>
    public IReadOnlyList<LoadedDocument> Documents
    {
        get
        {
            lock (_gate)
            {
                return [.. _ordered];
            }
        }
    }

    /// <summary>
    /// Local files a <c>$ref</c> or discriminator mapping names that are missing or malformed, when the set was built
    /// tolerant: each is an error naming the referrer, its pointer and the rule; only targets reaching it fail.
    /// </summary>
    public IReadOnlyList<ContractDiagnostic> Problems => _problems;

    /// <summary>Builds the set and loads, transitively, every document the root's <c>$ref</c>s name.</summary>
    /// <param name="root">The root file.</param>
    /// <param name="dialect">The contract's dialect.</param>
    /// <param name="limits">Size and count limits.</param>
    /// <param name="uriMap">Remote prefixes served from local files.</param>
    /// <param name="rootFullPath">The root file's full path, or null for an in-memory contract.</param>
    /// <param name="rootDisplayPath">The root file's path as the user named it.</param>
    /// <param name="cancellationToken">Checked between documents.</param>
    /// <param name="tolerant">
    /// When true (OpenAPI documents), a missing or malformed local file is recorded in <see cref="Problems"/> and left
    /// out, so one broken component costs only the targets that reach it; otherwise it fails the whole load.
    /// </param>
    public static ContractDocumentSet Create(
        LoadedDocument root, Dialect dialect, ContractLoaderLimits limits, UriMap uriMap, string? rootFullPath, string? rootDisplayPath, CancellationToken cancellationToken, bool tolerant = false)
    {
        var set = new ContractDocumentSet(root, dialect, limits, uriMap, rootFullPath, rootDisplayPath, tolerant);
        set.Discover(cancellationToken);
        return set;
    }

    /// <inheritdoc />
    public SchemaDocument? Resolve(Uri documentUri)
    {
        ArgumentNullException.ThrowIfNull(documentUri);
        var uri = ExternalReferenceScanner.WithoutFragment(documentUri);
        var key = uri.AbsoluteUri;
        lock (_gate)
        {
            if (_documents.TryGetValue(key, out var known))
            {
                return known.Document;
            }

            if (_embeddedIds.Contains(key) || _failed.Contains(key) || SchemaDialects.TryGet(key, out _) == SchemaDialects.Lookup.Known)
            {
                // A file recorded as missing or malformed stays unresolved: the reference reports "does not resolve".
                return null;
            }

            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                if (!_uriMap.TryMap(uri, out var mapped))
                {
                    throw ContractException.RemoteRefRefused(null, string.Empty, documentUri.OriginalString);
                }

                return LoadMapped(uri, mapped).Document;
            }

            if (uri.IsFile && _rootDirectory is not null && File.Exists(uri.LocalPath))
            {
                return LoadLocal(uri.LocalPath, Read(uri.LocalPath, DisplayPath(uri.LocalPath))).Document;
            }

            return null;
        }
    }

    /// <summary>Finds a loaded document by its URI (without fragment).</summary>
    public LoadedDocument? Find(Uri documentUri)
    {
        lock (_gate)
        {
            return _documents.GetValueOrDefault(ExternalReferenceScanner.WithoutFragment(documentUri).AbsoluteUri);
        }
    }

    /// <summary>Finds the loaded document a <c>$ref</c> in <paramref name="from"/> names, and the pointer inside it.</summary>
    public bool TryResolveReference(SchemaDocument from, string reference, out LoadedDocument target, out string pointer)
    {
        target = Root;
        pointer = string.Empty;
        if (!ReferenceUri.TryResolve(from.BaseUri, reference, out var documentUri, out var fragment))
        {
            return false;
        }

        var document = Find(documentUri);
        if (document is null)
        {
            return false;
        }

        target = document;
        pointer = JsonPointerSyntax.FromUriFragment(fragment);
        return true;
    }

    // Referenced files are read synchronously: they are small next to the parsing work, and the
    // resolver seam (ISchemaDocumentResolver) the compiler calls is synchronous anyway.
    private void Discover(CancellationToken cancellationToken)
    {
        var pending = new Queue<LoadedDocument>();
        pending.Enqueue(Root);
        var remote = new List<ExternalReference>();
        while (true)
        {
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = pending.Dequeue();
                var references = new List<ExternalReference>();
                ExternalReferenceScanner.Scan(document.Document, references, _embeddedIds);
                foreach (var reference in references)
                {
                    var key = reference.DocumentUri.AbsoluteUri;
                    if (_documents.ContainsKey(key) || SchemaDialects.TryGet(key, out _) == SchemaDialects.Lookup.Known)
                    {
                        continue;
                    }

                    if (reference.DocumentUri.IsFile)
                    {
                        if (_rootDirectory is null)
                        {
                            throw ContractException.ReferenceOutsideContract(reference.Referrer.SourcePath, reference.Pointer, reference.Reference);
                        }

                        if (_failed.Contains(key))
                        {
                            continue;
                        }

                        var path = reference.DocumentUri.LocalPath;
                        LoadedDocument? loaded = null;
                        try
                        {
                            if (!File.Exists(path))
                            {
                                throw ContractException.ReferencedFileNotFound(reference.Referrer.SourcePath, reference.Pointer, reference.Reference, DisplayPath(path));
                            }

                            loaded = ParseLocal(path, Read(path, DisplayPath(path)));
                        }
                        catch (ContractException ex) when (_tolerant)
                        {
                            // One missing or malformed file costs only the targets that reach it (they fail to compile).
                            _failed.Add(key);
                            _problems.Add(new ContractDiagnostic(ContractDiagnosticSeverity.Error, ex.Message, reference.Pointer, reference.Referrer.SourcePath));
                        }

                        if (loaded is not null)
                        {
                            // The document-count limit stays fatal: it guards against hostile fan-out, not one bad part.
                            Add(loaded);
                            pending.Enqueue(loaded);
                        }
                    }
                    else if (reference.DocumentUri.Scheme == Uri.UriSchemeHttp || reference.DocumentUri.Scheme == Uri.UriSchemeHttps)
                    {
                        remote.Add(reference);
                    }
                }
            }

            var progressed = false;
            var unresolved = new List<ExternalReference>();
            foreach (var reference in remote)
            {
                var key = reference.DocumentUri.AbsoluteUri;
                if (_documents.ContainsKey(key) || _embeddedIds.Contains(key))
                {
                    continue;
                }

                if (_uriMap.TryMap(reference.DocumentUri, out var mapped))
                {
                    pending.Enqueue(LoadMapped(reference.DocumentUri, mapped));
                    progressed = true;
                }
                else
                {
                    unresolved.Add(reference);
                }
            }

            if (!progressed)
            {
                if (unresolved.Count > 0)
                {
                    var first = unresolved[0];
                    throw ContractException.RemoteRefRefused(first.Referrer.SourcePath, first.Pointer, first.Reference);
                }

                return;
            }

            remote = unresolved;
        }
    }

    private LoadedDocument LoadLocal(string fullPath, byte[] bytes)
    {
        var loaded = ParseLocal(fullPath, bytes);
        Add(loaded);
        return loaded;
    }

    private LoadedDocument ParseLocal(string fullPath, byte[] bytes)
    {
        var display = DisplayPath(fullPath);
        var parsed = ContractFileReader.Parse(display, bytes, _limits);
        var hashName = Path.GetRelativePath(_rootDirectory!, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        var document = new SchemaDocument(new Uri(fullPath), parsed.Root, DialectOf(parsed.Root), display);
        return new LoadedDocument(document, parsed.Canonical, hashName);
    }

    private LoadedDocument LoadMapped(Uri remoteUri, string localPath)
    {
        if (!File.Exists(localPath))
        {
            throw ContractException.MappedFileNotFound(remoteUri.AbsoluteUri, localPath);
        }

        var bytes = Read(localPath, localPath);
        var parsed = ContractFileReader.Parse(localPath, bytes, _limits);
        var document = new SchemaDocument(remoteUri, parsed.Root, DialectOf(parsed.Root), localPath);
        var loaded = new LoadedDocument(document, parsed.Canonical, remoteUri.AbsoluteUri);
        Add(loaded);
        return loaded;
    }

    private byte[] Read(string fullPath, string display)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > _limits.MaxFileBytes)
            {
                throw ContractException.TooLarge(display, info.Length, _limits.MaxFileBytes);
            }

            return File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ContractException.Unreadable(display, ex);
        }
    }

    private void Add(LoadedDocument document)
    {
        lock (_gate)
        {
            if (_ordered.Count >= _limits.MaxDocuments)
            {
                throw ContractException.TooManyDocuments(Root.Document.SourcePath ?? Root.Document.BaseUri.AbsoluteUri, _limits.MaxDocuments);
            }

            _documents[document.Document.BaseUri.AbsoluteUri] = document;
            _ordered.Add(document);
        }
    }

    // A referenced file that names its own known $schema is read with it; otherwise with the contract's dialect.
    private Dialect DialectOf(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String
            && SchemaDialects.TryGet(schema.GetString()!, out var dialect) == SchemaDialects.Lookup.Known)
        {
            return dialect;
        }

        return _dialect;
    }

    private string DisplayPath(string fullPath)
    {
        if (_rootDirectory is null)
        {
            return fullPath;
        }

        var relative = Path.GetRelativePath(_rootDirectory, fullPath);
        return string.IsNullOrEmpty(_rootDisplayDirectory) ? relative : Path.Combine(_rootDisplayDirectory, relative);
    }
}
