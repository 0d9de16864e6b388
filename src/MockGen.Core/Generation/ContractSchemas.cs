using System.Text.Json;
using MockGen.Core.Generation.Gate;
using MockGen.Core.Generation.Schemas;
using MockGen.Core.Generation.Values;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation;

/// <summary>
/// The schemas of one contract, built once and shared by all its targets: the generator's index and the
/// validator's compiled set, side by side. Thread-safe after construction.
/// </summary>
internal sealed class ContractSchemas
{
    private readonly SchemaIndex _index;
    private readonly SchemaSet _set;
    private readonly Dictionary<string, SchemaCursor> _roots = new(StringComparer.Ordinal);

    /// <exception cref="SchemaException">A document is not a usable schema (see the validator's rules).</exception>
    public ContractSchemas(IReadOnlyList<SchemaDocument> documents, ISchemaDocumentResolver? resolver, SchemaSetOptions setOptions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(setOptions);
        _set = SchemaSet.Create(documents, setOptions);
        var mappings = setOptions.UriMappings.Where(m => Directory.Exists(m.Value)).ToList();
        var indexResolver = mappings.Count > 0 ? new FolderMappingResolver(mappings, setOptions.DefaultDialect, resolver) : resolver;
        _index = new SchemaIndex(indexResolver);
        foreach (var document in documents)
        {
            var root = _index.Add(document);
            _roots[root.DocumentUri] = root;
        }
    }

    public SchemaIndex Index => _index;

    /// <summary>Builds the gated generator of the schema at <paramref name="pointer"/> inside <paramref name="document"/>.</summary>
    /// <exception cref="SchemaException">The target does not resolve or compile in the validator.</exception>
    public TargetGenerator CreateTarget(SchemaDocument document, string pointer, WalkerSettings settings, ValidationOptions validation, int maxAttempts = TargetGenerator.DefaultMaxAttempts, Uri? targetUri = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var documentUri = document.BaseUri.IsAbsoluteUri ? SchemaIndex.UriKey(document.BaseUri.AbsoluteUri) : document.BaseUri.OriginalString;
        var hash = documentUri.IndexOf('#', StringComparison.Ordinal);
        documentUri = hash >= 0 ? documentUri[..hash] : documentUri;
        var root = _roots.TryGetValue(documentUri, out var r) ? r : _index.Add(document);
        var cursor = (pointer.Length == 0 ? root : _index.At(root, pointer))
            ?? throw SchemaException.InvalidKeyword("#" + pointer, "$ref", "the target's JSON Pointer does not point at a schema");
        var gate = new ValidatorGate(_set, targetUri ?? new Uri(documentUri + "#" + pointer, UriKind.Absolute), validation);
        var walker = new PayloadWalker(_index, settings with { Matches = (schema, value) => Matches(gate, schema, value) });
        return new TargetGenerator(cursor, walker, gate, maxAttempts);
    }

    private static bool Matches(ValidatorGate gate, SchemaCursor schema, PayloadValue value)
    {
        using var document = JsonDocument.Parse(PayloadJson.ToUtf8(value));
        return gate.Matches(schema, document.RootElement);
    }
}
