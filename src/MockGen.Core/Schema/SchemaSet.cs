using System.Text.Json;
using MockGen.Core.Validation;

namespace MockGen.Core.Schema;

/// <summary>
/// The compiled schemas of one contract: built once from its documents, then shared (thread-safe) by
/// validation and generation. Nodes compile lazily on first request, and every node reachable from it
/// (through <c>$ref</c> too) compiles with it, without recursion, so cyclic and very deep schemas are safe.
/// </summary>
public sealed partial class SchemaSet
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SchemaResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaLocation> _locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _nodes = new(StringComparer.Ordinal);
    private readonly Queue<SchemaNode> _pending = new();
    private (List<string> Nodes, List<SchemaResource> Resources)? _journal;
    // Keyed by the URI's text, fragment included: Uri.Equals ignores fragments, so a Uri key would make every
    // pointer into one document share the first node compiled.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SchemaNode> _byUri = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, JsonElement>?> _memberIndex = new(StringComparer.Ordinal);
    private readonly SchemaValidator _defaultValidator = new(ValidationOptions.Default);
    private readonly ISchemaDocumentResolver? _resolver;
    private readonly KeyValuePair<string, string>[] _mappings;
    private readonly Dialect _defaultDialect;
    private readonly int _maxDepth;
    private readonly TimeSpan _regexTimeout;
    private readonly bool _openApiFormatRegistry;

    private SchemaSet(SchemaSetOptions options)
    {
        _resolver = options.Resolver;
        _mappings = [.. options.UriMappings
            .Select(p => new KeyValuePair<string, string>(UriKey(p.Key), p.Value))
            .OrderByDescending(p => p.Key.Length)
            .ThenBy(p => p.Key, StringComparer.Ordinal)];
        _defaultDialect = options.DefaultDialect;
        _maxDepth = options.MaxDepth;
        _regexTimeout = options.RegexTimeout;
        _openApiFormatRegistry = options.OpenApiFormatRegistry;
    }

    /// <summary>The regex match timeout schemas in this set were compiled with.</summary>
    internal TimeSpan RegexTimeout => _regexTimeout;

    /// <summary>
    /// Builds a set from documents. Each document is indexed (its <c>$id</c>s, anchors and dialects) now;
    /// schemas compile when first requested.
    /// </summary>
    /// <param name="documents">The contract's documents.</param>
    /// <param name="options">Resolution and compile options; null for defaults.</param>
    /// <returns>The set.</returns>
    /// <exception cref="SchemaException">A document is malformed as a schema (unknown <c>$schema</c>, nesting too deep...).</exception>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static SchemaSet Create(IEnumerable<SchemaDocument> documents, SchemaSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new SchemaSetOptions();
        options.Validate();
        var set = new SchemaSet(options);
        lock (set._gate)
        {
            foreach (var doc in documents)
            {
                ArgumentNullException.ThrowIfNull(doc);
                set.IndexDocument(UriKey(doc.BaseUri), doc.Root, doc.DefaultDialect);
            }
        }

        return set;
    }

    /// <summary>Builds a set from a single document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <returns>The set.</returns>
    public static SchemaSet Create(SchemaDocument document, SchemaSetOptions? options = null) => Create([document], options);

    /// <summary>
    /// Validates an instance against the schema at <paramref name="schemaUri"/> (absolute, with an optional
    /// JSON Pointer or anchor fragment).
    /// </summary>
    /// <param name="schemaUri">The schema's URI, e.g. <c>file:///api.json#/components/schemas/Pet</c>.</param>
    /// <param name="instance">The JSON instance.</param>
    /// <param name="options">Validation options; null for defaults (formats asserted, no direction).</param>
    /// <returns>The result in the JSON Schema "basic" output shape.</returns>
    /// <exception cref="SchemaException">The URI does not resolve, or the schema does not compile.</exception>
    public ValidationResult Validate(Uri schemaUri, JsonElement instance, ValidationOptions? options = null)
    {
        var node = GetNode(schemaUri);
        var validator = options is null ? _defaultValidator : new SchemaValidator(options);
        return validator.Validate(node, instance);
    }

    /// <summary>Returns the compiled node at an absolute URI with an optional fragment (pointer or anchor).</summary>
    /// <exception cref="SchemaException">The URI does not resolve, or the schema does not compile.</exception>
    internal SchemaNode GetNode(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var key = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        if (_byUri.TryGetValue(key, out var cached))
        {
            return cached;
        }

        lock (_gate)
        {
            var journal = new List<string>();
            var resources = new List<SchemaResource>();
            _journal = (journal, resources);
            try
            {
                var node = ResolveReference(null, "(request)", "$ref", uri.OriginalString, uri);
                Drain();
                _byUri.TryAdd(key, node);
                return node;
            }
            catch
            {
                // Never publish a half-built graph: a node whose compile failed would accept anything.
                // Forget every node and resource state this request created, so asking again throws again.
                foreach (var created in journal)
                {
                    _nodes.Remove(created);
                }

                foreach (var resource in resources)
                {
                    _anchorsCompiled.Remove(resource);
                    resource.DynamicAnchorNodes.Clear();
                    resource.RootNode = null;
                }

                _pending.Clear();
                throw;
            }
            finally
            {
                _journal = null;
            }
        }
    }

    /// <summary>Returns the compiled node at a string URI.</summary>
    internal SchemaNode GetNode(string uri) => GetNode(new Uri(uri, UriKind.Absolute));

    /// <summary>Normalizes an absolute URI to the key used for resources and documents (no fragment).</summary>
    internal static string UriKey(Uri uri)
    {
        var s = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        var hash = s.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? s : s[..hash];
    }
}
