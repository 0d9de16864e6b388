using System.Text;
using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Schemas;

/// <summary>
/// The generator's read-only view of a contract's schemas: every subschema, <c>$id</c>, anchor and
/// reference resolved once when built (documents a reference names are loaded through the resolver), so
/// generation never touches I/O and a built index can be shared by parallel workers.
/// </summary>
internal sealed class SchemaIndex
{
    // Guards against pathological documents (10,000-deep nesting): deeper schemas are reported, not recursed into.
    private const int MaxSchemaDepth = 512;

    private readonly ISchemaDocumentResolver? _resolver;
    private readonly Dictionary<string, SchemaCursor> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaCursor> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaCursor> _byPointer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _documents = new(StringComparer.Ordinal);
    private readonly List<SchemaCursor> _pendingRefs = [];

    public SchemaIndex(ISchemaDocumentResolver? resolver = null) => _resolver = resolver;

    /// <summary>Problems found while indexing (unresolvable references, too-deep schemas), with locations.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Indexes a document and every document it references; returns its root schema.</summary>
    public SchemaCursor Add(SchemaDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var uri = document.BaseUri.IsAbsoluteUri ? document.BaseUri.AbsoluteUri : document.BaseUri.OriginalString;
        var root = IndexDocument(UriKey(uri), document.Root, document.DefaultDialect);
        ResolvePending();
        return root;
    }

    /// <summary>The schema at <paramref name="pointer"/> inside an indexed document, or null.</summary>
    public SchemaCursor? At(SchemaCursor root, string pointer)
    {
        ArgumentNullException.ThrowIfNull(root);
        var cursor = _byPointer.GetValueOrDefault(root.DocumentUri + "#" + pointer) ?? NavigateUnindexed(root.DocumentUri, pointer, root);
        ResolvePending();
        return cursor;
    }

    /// <summary>The outermost resource in <paramref name="scope"/> declaring <c>$dynamicAnchor</c> <paramref name="name"/>.</summary>
    public SchemaCursor? ResolveDynamicAnchor(string name, IReadOnlyList<SchemaCursor> scope)
    {
        foreach (var resource in scope)
        {
            if (_anchors.TryGetValue(resource.BaseUri + "#" + name, out var target) && target.DynamicAnchor == name)
            {
                return target;
            }
        }

        return null;
    }

    private SchemaCursor IndexDocument(string documentUri, JsonElement root, Dialect dialect)
    {
        if (_byPointer.TryGetValue(documentUri + "#", out var existing))
        {
            return existing;
        }

        _documents[documentUri] = root;
        dialect = DialectOf(root, dialect);
        return Visit(root, documentUri, documentUri, string.Empty, dialect, null, 0);
    }

    private SchemaCursor Visit(JsonElement element, string documentUri, string baseUri, string pointer, Dialect dialect, SchemaCursor? resource, int depth)
    {
        var isObject = element.ValueKind == JsonValueKind.Object;
        var before2019 = dialect is Dialect.Draft4 or Dialect.Draft6 or Dialect.Draft7 or Dialect.OpenApi30 or Dialect.Swagger20;
        // Before 2019-09, $ref replaces its siblings, $id included (suite: "$ref prevents a sibling $id from changing the base uri").
        var refOverrides = before2019 && isObject && element.TryGetProperty("$ref", out _);
        string? anchorFromId = null;
        var newResource = false;
        if (isObject && !refOverrides)
        {
            dialect = DialectOf(element, dialect);
            var idKeyword = dialect == Dialect.Draft4 ? "id" : "$id";
            if (element.TryGetProperty(idKeyword, out var id) && id.ValueKind == JsonValueKind.String)
            {
                var idText = id.GetString()!;
                if (idText.StartsWith('#'))
                {
                    // Draft 6/7 plain-name fragments in $id are anchors.
                    anchorFromId = idText[1..];
                }
                else
                {
                    var resolved = Resolve(baseUri, idText);
                    var hash = resolved.IndexOf('#', StringComparison.Ordinal);
                    if (hash >= 0 && hash < resolved.Length - 1 && before2019)
                    {
                        anchorFromId = resolved[(hash + 1)..];
                    }

                    baseUri = UriKey(hash >= 0 ? resolved[..hash] : resolved);
                    newResource = true;
                }
            }
        }

        var cursor = new SchemaCursor(element, baseUri, dialect, documentUri, pointer);
        cursor.IsResourceRoot = newResource || resource is null;
        cursor.Resource = cursor.IsResourceRoot ? cursor : resource;
        _byPointer[documentUri + "#" + pointer] = cursor;
        if (cursor.IsResourceRoot)
        {
            _resources.TryAdd(baseUri, cursor);
        }

        if (!isObject)
        {
            return cursor;
        }

        if (anchorFromId is not null)
        {
            _anchors.TryAdd(baseUri + "#" + anchorFromId, cursor);
        }

        if (!before2019)
        {
            if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                _anchors.TryAdd(baseUri + "#" + anchor.GetString(), cursor);
            }

            if (dialect == Dialect.Draft202012 && element.TryGetProperty("$dynamicAnchor", out var dynamic) && dynamic.ValueKind == JsonValueKind.String)
            {
                cursor.DynamicAnchor = dynamic.GetString();
                _anchors.TryAdd(baseUri + "#" + cursor.DynamicAnchor, cursor);
            }
        }

        if (depth >= MaxSchemaDepth)
        {
            Problems.Add(documentUri + "#" + pointer + ": schema nesting deeper than " + MaxSchemaDepth + " levels");
            return cursor;
        }

        if (element.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            _pendingRefs.Add(cursor);
        }

        if (element.TryGetProperty("$dynamicRef", out _) || element.TryGetProperty("$recursiveRef", out _))
        {
            _pendingRefs.Add(cursor);
        }

        if (element.TryGetProperty("discriminator", out _))
        {
            _pendingRefs.Add(cursor);
        }

        // Before 2019-09 the siblings of $ref are not applied, but a pointer may still reach into them
        // (suite: "$ref to a definitions sibling"), so they are indexed either way.
        VisitSubschemas(cursor, element, documentUri, baseUri, pointer, dialect, depth);
        cursor.HasReference = element.TryGetProperty("$ref", out _) || element.TryGetProperty("$dynamicRef", out _)
            || element.TryGetProperty("$recursiveRef", out _) || cursor.AnyChildHasReference();
        return cursor;
    }

    private void VisitSubschemas(SchemaCursor cursor, JsonElement element, string documentUri, string baseUri, string pointer, Dialect dialect, int depth)
    {
        foreach (var property in element.EnumerateObject())
        {
            var keyword = property.Name;
            var value = property.Value;
            var keywordPointer = pointer + "/" + EscapePointer(keyword);
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False
                && Array.IndexOf(SchemaKeywords.Single, keyword) >= 0)
            {
                cursor.AddChild(keyword, Visit(value, documentUri, baseUri, keywordPointer, dialect, cursor.Resource, depth + 1));
            }
            else if (value.ValueKind == JsonValueKind.Array && Array.IndexOf(SchemaKeywords.Arrays, keyword) >= 0)
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    cursor.AddChild(keyword + "/" + index, Visit(item, documentUri, baseUri, keywordPointer + "/" + index, dialect, cursor.Resource, depth + 1));
                    i++;
                }
            }
            else if (value.ValueKind == JsonValueKind.Object && Array.IndexOf(SchemaKeywords.Maps, keyword) >= 0)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    if (entry.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                    {
                        cursor.AddChild(
                            keyword + "/" + entry.Name,
                            Visit(entry.Value, documentUri, baseUri, keywordPointer + "/" + EscapePointer(entry.Name), dialect, cursor.Resource, depth + 1));
                    }
                }
            }
        }
    }

    private void ResolvePending()
    {
        // Resolving may load new documents, which queue more references: loop until none are left.
        while (_pendingRefs.Count > 0)
        {
            var batch = _pendingRefs.ToArray();
            _pendingRefs.Clear();
            foreach (var cursor in batch)
            {
                ResolveReferences(cursor);
            }
        }
    }

    private void ResolveReferences(SchemaCursor cursor)
    {
        var element = cursor.Element;
        if (element.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String && cursor.RefTarget is null)
        {
            cursor.RefTarget = Lookup(cursor, reference.GetString()!, "$ref");
        }

        if (cursor.Dialect == Dialect.Draft202012 && element.TryGetProperty("$dynamicRef", out var dynamicRef) && dynamicRef.ValueKind == JsonValueKind.String)
        {
            cursor.DynamicRefTarget = Lookup(cursor, dynamicRef.GetString()!, "$dynamicRef");
        }

        if (cursor.Dialect == Dialect.Draft201909 && element.TryGetProperty("$recursiveRef", out var recursiveRef) && recursiveRef.ValueKind == JsonValueKind.String)
        {
            cursor.DynamicRefTarget = Lookup(cursor, recursiveRef.GetString()!, "$recursiveRef");
        }

        if (element.TryGetProperty("discriminator", out var discriminator) && discriminator.ValueKind == JsonValueKind.Object
            && discriminator.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object)
        {
            var targets = new List<KeyValuePair<string, SchemaCursor>>();
            foreach (var entry in mapping.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var text = entry.Value.GetString()!;
                // OpenAPI allows a bare schema name as a mapping value.
                var refText = text.Contains('#', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal)
                    ? text
                    : "#/components/schemas/" + text;
                if (Lookup(cursor, refText, "discriminator/mapping/" + entry.Name) is { } target)
                {
                    targets.Add(new(entry.Name, target));
                }
            }

            cursor.DiscriminatorTargets = targets;
        }
    }

    private SchemaCursor? Lookup(SchemaCursor from, string reference, string keyword)
    {
        var absolute = Resolve(from.BaseUri, reference);
        var hash = absolute.IndexOf('#', StringComparison.Ordinal);
        var resourceUri = UriKey(hash >= 0 ? absolute[..hash] : absolute);
        var fragment = hash >= 0 ? absolute[(hash + 1)..] : string.Empty;
        fragment = Uri.UnescapeDataString(fragment);

        if (!_resources.TryGetValue(resourceUri, out var resource))
        {
            resource = LoadExternal(resourceUri);
        }

        if (resource is null)
        {
            Problems.Add(from + "/" + keyword + ": cannot resolve " + reference + " (" + absolute + ")");
            return null;
        }

        if (fragment.Length == 0)
        {
            return resource;
        }

        if (!fragment.StartsWith('/'))
        {
            if (_anchors.TryGetValue(resourceUri + "#" + fragment, out var anchored))
            {
                return anchored;
            }

            Problems.Add(from + "/" + keyword + ": no anchor '" + fragment + "' in " + resourceUri);
            return null;
        }

        var target = _byPointer.GetValueOrDefault(resource.DocumentUri + "#" + resource.Pointer + fragment)
            ?? NavigateUnindexed(resource.DocumentUri, resource.Pointer + fragment, resource);
        if (target is null)
        {
            Problems.Add(from + "/" + keyword + ": pointer " + fragment + " not found in " + resourceUri);
        }

        return target;
    }

    private SchemaCursor? LoadExternal(string resourceUri)
    {
        if (!Uri.TryCreate(resourceUri, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var document = _resolver?.Resolve(uri);
        if (document is not null)
        {
            IndexDocument(resourceUri, document.Root, document.DefaultDialect);
        }
        else if (MetaSchemaCatalog.TryGet(resourceUri, out var meta))
        {
            // Metaschemas ship embedded with the validator; the generator reads the same copies.
            IndexDocument(resourceUri, meta.Root, meta.Dialect);
        }
        else
        {
            return null;
        }

        return _resources.GetValueOrDefault(resourceUri) ?? _byPointer.GetValueOrDefault(resourceUri + "#");
    }

    // A pointer into something the walk did not treat as a schema (an unknown keyword's value): index it on demand.
    private SchemaCursor? NavigateUnindexed(string documentUri, string pointer, SchemaCursor context)
    {
        if (!_documents.TryGetValue(documentUri, out var current))
        {
            return null;
        }

        foreach (var rawSegment in pointer.Split('/').Skip(1))
        {
            var segment = rawSegment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        if (current.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }

        var cursor = Visit(current, documentUri, context.BaseUri, pointer, context.Dialect, context.Resource, 0);
        return cursor;
    }

    private static Dialect DialectOf(JsonElement element, Dialect fallback)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$schema", out var schema) || schema.ValueKind != JsonValueKind.String)
        {
            return fallback;
        }

        var text = schema.GetString()!;
        if (text.Contains("draft-04", StringComparison.Ordinal))
        {
            return Dialect.Draft4;
        }

        if (text.Contains("draft-06", StringComparison.Ordinal))
        {
            return Dialect.Draft6;
        }

        if (text.Contains("draft-07", StringComparison.Ordinal))
        {
            return Dialect.Draft7;
        }

        if (text.Contains("2019-09", StringComparison.Ordinal))
        {
            return Dialect.Draft201909;
        }

        return text.Contains("2020-12", StringComparison.Ordinal) ? Dialect.Draft202012 : fallback;
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/> (RFC 3986), keeping any fragment.</summary>
    internal static string Resolve(string baseUri, string reference)
    {
        if (reference.StartsWith('#'))
        {
            return baseUri + reference;
        }

        if (Uri.TryCreate(reference, UriKind.Absolute, out var absolute) && !string.IsNullOrEmpty(absolute.Scheme) && reference.Contains(':', StringComparison.Ordinal))
        {
            return reference;
        }

        if (Uri.TryCreate(baseUri, UriKind.Absolute, out var b) && b.IsAbsoluteUri && b.Scheme is "http" or "https" or "file"
            && Uri.TryCreate(b, reference, out var combined))
        {
            return combined.OriginalString.Length > 0 ? combined.AbsoluteUri : reference;
        }

        // Non-hierarchical bases (urn:) cannot take relative paths; keep the reference as its own identifier.
        return reference;
    }

    internal static string UriKey(string uri)
    {
        var text = uri.EndsWith('#') ? uri[..^1] : uri;
        return text;
    }

    internal static string EscapePointer(string segment)
    {
        if (segment.IndexOfAny(['~', '/']) < 0)
        {
            return segment;
        }

        return new StringBuilder(segment).Replace("~", "~0").Replace("/", "~1").ToString();
    }
}
