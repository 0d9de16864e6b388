using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>
/// A loaded contract: its kind, version hash, diagnostics, documents and the payload targets it
/// describes. Immutable and thread-safe; build it with <see cref="ContractLoader"/>.
/// </summary>
public sealed partial class Contract
{
    private readonly ContractDocumentSet _documents;
    private readonly Dictionary<string, ContractTarget> _byId;

    internal Contract(
        string name,
        ContractKind kind,
        string? specificationVersion,
        string? title,
        Dialect dialect,
        ContractFileFormat format,
        ContractDocumentSet documents,
        IReadOnlyList<ContractTarget> targets,
        IReadOnlyList<ContractDiagnostic> diagnostics)
    {
        Name = name;
        Kind = kind;
        SpecificationVersion = specificationVersion;
        Title = title;
        Dialect = dialect;
        Format = format;
        _documents = documents;
        Targets = targets;
        Diagnostics = diagnostics;
        var files = documents.Documents;
        Documents = [.. files.Select(d => d.Document)];
        Version = ContractVersion.Compute(files);
        SizeBytes = files.Sum(d => (long)d.Canonical.Length);
        _schemas = new Lazy<SchemaSet>(CreateSchemaSet, LazyThreadSafetyMode.ExecutionAndPublication);
        _byId = new Dictionary<string, ContractTarget>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            _byId.TryAdd(target.Id, target);
        }
    }

    /// <summary>
    /// The contract's name: the file name when loaded from a file, the path relative to the folder (with
    /// <c>/</c>) when loaded from a folder, or the name given for in-memory content.
    /// </summary>
    public string Name { get; }

    /// <summary>OpenAPI 2.0, 3.0, 3.1 or JSON Schema.</summary>
    public ContractKind Kind { get; }

    /// <summary>The <c>swagger</c>/<c>openapi</c> field (<c>3.0.3</c>), or the <c>$schema</c> URI of a JSON Schema; <see langword="null"/> when absent.</summary>
    public string? SpecificationVersion { get; }

    /// <summary><c>info.title</c> of an OpenAPI description or <c>title</c> of a JSON Schema, when present.</summary>
    public string? Title { get; }

    /// <summary>The dialect the contract's schemas are read with where they name no <c>$schema</c>.</summary>
    public Dialect Dialect { get; }

    /// <summary>The root file's syntax.</summary>
    public ContractFileFormat Format { get; }

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> of the contract's canonical bytes (see <see cref="ContractVersion"/>): the
    /// same content gives the same version on every machine, and any change to any file gives a new one.
    /// </summary>
    public string Version { get; }

    /// <summary>The total size of the contract's files, in canonical bytes.</summary>
    public long SizeBytes { get; }

    /// <summary>The root file as the user named it; <see langword="null"/> for in-memory contracts.</summary>
    public string? SourcePath => RootDocument.SourcePath;

    /// <summary>The root document.</summary>
    public SchemaDocument RootDocument => _documents.Root.Document;

    /// <summary>Every document of the contract, the root first, then referenced files in discovery order.</summary>
    public IReadOnlyList<SchemaDocument> Documents { get; }

    /// <summary>The resolver the schema compiler uses for <c>$ref</c>s to other documents of this contract.</summary>
    public ISchemaDocumentResolver Resolver => _documents;

    /// <summary>Every payload the contract describes, operations first (document order), then named schemas.</summary>
    public IReadOnlyList<ContractTarget> Targets { get; }

    /// <summary>Specification errors and warnings found while loading (the contract still loaded).</summary>
    public IReadOnlyList<ContractDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == ContractDiagnosticSeverity.Error);

    internal ContractDocumentSet DocumentSet => _documents;

    /// <summary>
    /// Finds a target by id (<c>#/components/schemas/Pet</c>; the leading <c>#</c> may be left out), or
    /// by its friendly name when exactly one target has it. Returns <see langword="null"/> when none matches.
    /// </summary>
    public ContractTarget? FindTarget(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        if (_byId.TryGetValue(idOrName, out var target))
        {
            return target;
        }

        if (idOrName.StartsWith('/') && _byId.TryGetValue("#" + idOrName, out target))
        {
            return target;
        }

        var byName = Targets.Where(t => string.Equals(t.Name, idOrName, StringComparison.Ordinal)).Take(2).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>Like <see cref="FindTarget"/>, but throws when no target matches.</summary>
    /// <exception cref="ContractException">No target has that id or name; the message suggests close ones.</exception>
    public ContractTarget GetTarget(string idOrName)
    {
        var target = FindTarget(idOrName);
        if (target is not null)
        {
            return target;
        }

        var close = Targets
            .Where(t => t.Id.Contains(idOrName.TrimStart('#'), StringComparison.OrdinalIgnoreCase)
                        || idOrName.Contains(t.Id.TrimStart('#'), StringComparison.OrdinalIgnoreCase)
                        || t.Name.Contains(idOrName, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Id)
            .Take(3)
            .ToList();
        var hint = close.Count > 0
            ? "; did you mean " + string.Join(", ", close) + "?"
            : $"; it has {Targets.Count} targets (list them with: mockgen inspect {Name})";
        throw ContractException.UnknownTarget(Name, idOrName, hint);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind}, {Version})";
}
