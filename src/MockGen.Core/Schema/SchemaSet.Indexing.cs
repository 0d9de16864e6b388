using System.Text.Json;
using MockGen.Core.Json;

namespace MockGen.Core.Schema;

/// <summary>Indexing: finds resources (<c>$id</c>), anchors and dialects in a document, iteratively.</summary>
public sealed partial class SchemaSet
{
    private readonly Dictionary<string, (Dialect Dialect, Vocabularies Vocabularies)> _dialectCache = new(StringComparer.Ordinal);

    private static bool IsLegacy(Dialect d) => d is Dialect.Draft4 or Dialect.Draft6 or Dialect.Draft7 or Dialect.OpenApi30 or Dialect.Swagger20;

    private static Vocabularies DefaultVocabularies(Dialect d) => Vocabularies.Standard;

    // What indexing added (a resource URI or a location key), so a failed document can be taken out again.
    private List<(bool Resource, string Key)>? _indexJournal;

    private void IndexDocument(string docUri, JsonElement root, Dialect defaultDialect)
    {
        if (_documents.ContainsKey(docUri))
        {
            return;
        }

        // A document that fails to index (too deep, unknown $schema) must leave nothing behind: a later
        // request would otherwise find it half-indexed and resolve against partial data.
        var outer = _indexJournal;
        var journal = new List<(bool Resource, string Key)>();
        _indexJournal = journal;
        try
        {
            IndexDocumentCore(docUri, root, defaultDialect);
        }
        catch
        {
            foreach (var (isResource, key) in journal)
            {
                if (isResource)
                {
                    _resources.Remove(key);
                }
                else
                {
                    _locations.Remove(key);
                }
            }

            _documents.Remove(docUri);
            _flatDocuments.Remove(docUri);
            throw;
        }
        finally
        {
            _indexJournal = outer;
            outer?.AddRange(journal);
        }
    }

    private void AddResource(string uri, SchemaResource resource, bool replace)
    {
        if (replace)
        {
            _resources[uri] = resource;
        }
        else if (!_resources.TryAdd(uri, resource))
        {
            return;
        }

        _indexJournal?.Add((true, uri));
    }

    private void AddLocation(string key, SchemaLocation location, bool replace)
    {
        if (replace)
        {
            _locations[key] = location;
        }
        else if (!_locations.TryAdd(key, location))
        {
            return;
        }

        _indexJournal?.Add((false, key));
    }

    private void IndexDocumentCore(string docUri, JsonElement root, Dialect defaultDialect)
    {

        _documents[docUri] = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            // About one node per object in the document: growing the node table step by step cost a tenth of a
            // small contract's compile allocations.
            _nodes.EnsureCapacity(_nodes.Count + System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(root).Count((byte)'{'));
        }
        var docResource = new SchemaResource(docUri, docUri, string.Empty, root, defaultDialect, DefaultVocabularies(defaultDialect));
        AddResource(docUri, docResource, replace: false);

        if (root.ValueKind == JsonValueKind.Object &&
            (root.TryGetProperty("openapi", out _) || root.TryGetProperty("swagger", out _)) &&
            !root.TryGetProperty("$schema", out _))
        {
            // An OpenAPI description is not itself a schema: index the schemas it embeds.
            AddLocation(docUri + "#", new SchemaLocation(docResource, string.Empty), replace: true);
            if (IsFlat(root, defaultDialect, rootHas: _ => false))
            {
                _flatDocuments[docUri] = docResource;
                return;
            }

            foreach (var (pointer, element) in FindEmbeddedSchemas(root))
            {
                IndexSchema(docUri, element, pointer, docResource, pointer, defaultDialect, docResource.Vocabularies, isDocumentRoot: false);
            }

            return;
        }

        IndexSchema(docUri, root, string.Empty, docResource, string.Empty, defaultDialect, docResource.Vocabularies, isDocumentRoot: true);
    }

    // OpenAPI keeps schemas under "schema" (parameters, media types, headers) and under the
    // "schemas"/"definitions" maps; everything else in the description is not a schema.
    private static List<(string Pointer, JsonElement Element)> FindEmbeddedSchemas(JsonElement root)
    {
        var found = new List<(string, JsonElement)>();
        var stack = new Stack<(string Pointer, JsonElement Element, int Depth)>();
        stack.Push((string.Empty, root, 0));
        while (stack.Count > 0)
        {
            var (pointer, element, depth) = stack.Pop();
            if (depth > 256)
            {
                continue;
            }

            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in element.EnumerateObject())
                {
                    var childPointer = JsonPointer.Append(pointer, p.Name);
                    if (p.Name == "schema" && p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                    {
                        found.Add((childPointer, p.Value));
                    }
                    else if (p.Name is "schemas" or "definitions" && p.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var s in p.Value.EnumerateObject())
                        {
                            found.Add((JsonPointer.Append(childPointer, s.Name), s.Value));
                        }
                    }
                    else if (p.Name is not ("example" or "examples" or "default" or "x-examples"))
                    {
                        stack.Push((childPointer, p.Value, depth + 1));
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    stack.Push((JsonPointer.Append(pointer, i++), item, depth + 1));
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return found;
    }

    private void IndexSchema(string docUri, JsonElement start, string startPointer, SchemaResource startResource, string startRelative, Dialect startDialect, Vocabularies startVocabularies, bool isDocumentRoot)
    {
        var stack = new Stack<IndexFrame>();
        stack.Push(new IndexFrame(start, startPointer, startResource, startRelative, startDialect, startVocabularies, 0, isDocumentRoot));
        while (stack.Count > 0)
        {
            var f = stack.Pop();
            var element = f.Element;
            if (f.Depth > _maxDepth)
            {
                throw SchemaException.NestingTooDeep(docUri + "#" + JsonPointer.ToUriFragment(f.Pointer), _maxDepth);
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                AddLocation(docUri + "#" + f.Pointer, new SchemaLocation(f.Resource, f.Relative), replace: false);
                continue;
            }

            var dialect = f.Dialect;
            var vocabularies = f.Vocabularies;
            var resource = f.Resource;
            var relative = f.Relative;
            var hasRef = element.TryGetProperty("$ref", out _);

            var idKeyword = dialect == Dialect.Draft4 ? "id" : "$id";
            string? id = null;
            if (element.TryGetProperty(idKeyword, out var idElement) && idElement.ValueKind == JsonValueKind.String)
            {
                id = idElement.GetString();
            }

            // $schema applies at resource roots (a document root or a subschema with its own $id).
            if ((f.IsDocumentRoot || id is not null) && element.TryGetProperty("$schema", out var schemaElement) && schemaElement.ValueKind == JsonValueKind.String)
            {
                (dialect, vocabularies) = ResolveDialect(schemaElement.GetString()!, docUri + "#" + JsonPointer.ToUriFragment(f.Pointer));
                idKeyword = dialect == Dialect.Draft4 ? "id" : "$id";
                id = element.TryGetProperty(idKeyword, out idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            }

            var legacy = IsLegacy(dialect);
            if (hasRef && legacy)
            {
                // draft-04..07: $ref siblings, $id included, are ignored (the suite's "$ref prevents a sibling $id" tests).
                id = null;
            }

            if (dialect is Dialect.OpenApi30 or Dialect.Swagger20)
            {
                id = null;
            }

            if (id is not null)
            {
                if (legacy && id.StartsWith('#'))
                {
                    if (id.Length > 1)
                    {
                        resource.Anchors.TryAdd(Uri.UnescapeDataString(id[1..]), f.Pointer);
                    }
                }
                else if (TryResolveUri(resource.Uri, id, out var abs, out var fragment))
                {
                    var samePlace = abs == resource.Uri && resource.DocumentUri == docUri && resource.DocumentPointer == f.Pointer;
                    if (samePlace)
                    {
                        if (dialect != resource.Dialect || vocabularies != resource.Vocabularies)
                        {
                            resource = new SchemaResource(abs, docUri, f.Pointer, element, dialect, vocabularies);
                            AddResource(abs, resource, replace: true);
                        }
                    }
                    else
                    {
                        var newResource = new SchemaResource(abs, docUri, f.Pointer, element, dialect, vocabularies);
                        AddResource(abs, newResource, replace: false);
                        resource = newResource;
                        relative = string.Empty;
                    }

                    if (legacy && fragment.Length > 0 && fragment[0] != '/')
                    {
                        resource.Anchors.TryAdd(Uri.UnescapeDataString(fragment), f.Pointer);
                    }
                }
            }
            else if (f.IsDocumentRoot && (dialect != resource.Dialect || vocabularies != resource.Vocabularies))
            {
                // The document root named a $schema but no $id: the document resource takes that dialect.
                resource = new SchemaResource(resource.Uri, docUri, f.Pointer, element, dialect, vocabularies);
                AddResource(resource.Uri, resource, replace: true);
            }

            AddLocation(docUri + "#" + f.Pointer, new SchemaLocation(resource, relative), replace: true);

            if (hasRef && legacy)
            {
                continue;
            }

            if (!legacy)
            {
                if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
                {
                    resource.Anchors.TryAdd(anchor.GetString()!, f.Pointer);
                }

                if (dialect == Dialect.Draft202012 && element.TryGetProperty("$dynamicAnchor", out var dyn) && dyn.ValueKind == JsonValueKind.String)
                {
                    resource.Anchors.TryAdd(dyn.GetString()!, f.Pointer);
                    resource.DynamicAnchors.TryAdd(dyn.GetString()!, f.Pointer);
                }

                if (dialect == Dialect.Draft201909 && relative.Length == 0 &&
                    element.TryGetProperty("$recursiveAnchor", out var rec) && rec.ValueKind == JsonValueKind.True)
                {
                    resource.RecursiveAnchor = true;
                }
            }

            if (f.IsDocumentRoot && IsFlat(element, dialect, rootHas: name => element.TryGetProperty(name, out _)))
            {
                // Nothing below the root can change resource, dialect or anchors: every subschema's location is
                // (this resource, its document pointer), which LookupLocation answers without an index entry.
                _flatDocuments[docUri] = resource;
                continue;
            }

            PushChildren(stack, element, f.Pointer, resource, relative, dialect, vocabularies, f.Depth + 1);
        }
    }

    /// <summary>
    /// Documents whose subschemas all sit in their root resource (no <c>$id</c>, anchor or <c>$schema</c> below the
    /// root), so indexing stopped at the root: the resource every location in them belongs to.
    /// </summary>
    private readonly Dictionary<string, SchemaResource> _flatDocuments = new(StringComparer.Ordinal);

    private static readonly byte[][] s_resourceKeywords =
        [.. new[] { "\"$id\"", "\"$anchor\"", "\"$dynamicAnchor\"", "\"$recursiveAnchor\"", "\"$schema\"" }.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>
    /// Whether a document needs no index below its root: a scan of its raw JSON finds none of the keywords that start
    /// a resource, name an anchor or switch dialect (draft-04's <c>id</c> too), other than on the root itself, and no
    /// <c>\u</c> escape that could spell one; and it is not nested deeper than the index allows. Conservative: a
    /// keyword inside an <c>enum</c> or a description makes the document indexed the ordinary way, which is only slower.
    /// Most contracts are flat; walking them twice (index, then compile) was a fifth of a small contract's compile time.
    /// </summary>
    private bool IsFlat(JsonElement root, Dialect dialect, Func<string, bool> rootHas)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(root);
        if (raw.IndexOf("\\u"u8) >= 0)
        {
            return false;
        }

        foreach (var keyword in s_resourceKeywords)
        {
            if (Occurrences(raw, keyword) > (rootHas(System.Text.Encoding.UTF8.GetString(keyword.AsSpan(1, keyword.Length - 2))) ? 1 : 0))
            {
                return false;
            }
        }

        if (dialect == Dialect.Draft4 && Occurrences(raw, "\"id\""u8) > (rootHas("id") ? 1 : 0))
        {
            return false;
        }

        // A subschema at depth k sits inside k objects: fewer objects than the limit cannot be too deep; otherwise the
        // JSON nesting (never less than the schema nesting) decides.
        return raw.Count((byte)'{') <= _maxDepth || MaxJsonDepth(raw) <= _maxDepth;
    }

    private static int Occurrences(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> text)
    {
        var count = 0;
        for (var at = raw.IndexOf(text); at >= 0; at = raw.IndexOf(text))
        {
            count++;
            raw = raw[(at + text.Length)..];
        }

        return count;
    }

    private static int MaxJsonDepth(ReadOnlySpan<byte> raw)
    {
        var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var max = 0;
        while (reader.Read())
        {
            max = Math.Max(max, reader.CurrentDepth);
        }

        return max;
    }

    private static void PushChildren(Stack<IndexFrame> stack, JsonElement element, string pointer, SchemaResource resource, string relative, Dialect dialect, Vocabularies vocabularies, int depth)
    {
        foreach (var p in element.EnumerateObject())
        {
            var kind = ChildKind(p.Name, p.Value.ValueKind, dialect);
            if (kind == SubschemaKind.None)
            {
                continue;
            }

            var keyPointer = JsonPointer.Append(pointer, p.Name);
            var keyRelative = JsonPointer.Append(relative, p.Name);
            switch (kind)
            {
                case SubschemaKind.Single:
                    stack.Push(new IndexFrame(p.Value, keyPointer, resource, keyRelative, dialect, vocabularies, depth, false));
                    break;
                case SubschemaKind.Array:
                {
                    var i = 0;
                    foreach (var item in p.Value.EnumerateArray())
                    {
                        stack.Push(new IndexFrame(item, JsonPointer.Append(keyPointer, i), resource, JsonPointer.Append(keyRelative, i), dialect, vocabularies, depth, false));
                        i++;
                    }

                    break;
                }

                case SubschemaKind.Map:
                    foreach (var entry in p.Value.EnumerateObject())
                    {
                        if (entry.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                        {
                            stack.Push(new IndexFrame(entry.Value, JsonPointer.Append(keyPointer, entry.Name), resource, JsonPointer.Append(keyRelative, entry.Name), dialect, vocabularies, depth, false));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Which keywords hold subschemas, per dialect (unknown keywords are never walked: the suite's "$id inside an unknown keyword" tests).</summary>
    private static SubschemaKind ChildKind(string keyword, JsonValueKind kind, Dialect dialect)
    {
        var isSchema = kind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False;
        var legacy = IsLegacy(dialect);
        switch (keyword)
        {
            case "additionalProperties" or "not":
                return isSchema ? SubschemaKind.Single : SubschemaKind.None;
            case "propertyNames" or "contains" when dialect != Dialect.Draft4 && dialect != Dialect.OpenApi30 && dialect != Dialect.Swagger20:
                return isSchema ? SubschemaKind.Single : SubschemaKind.None;
            case "if" or "then" or "else" when dialect is not (Dialect.Draft4 or Dialect.Draft6 or Dialect.OpenApi30 or Dialect.Swagger20):
                return isSchema ? SubschemaKind.Single : SubschemaKind.None;
            case "additionalItems" when dialect != Dialect.Draft202012:
                return isSchema ? SubschemaKind.Single : SubschemaKind.None;
            case "items":
                if (isSchema)
                {
                    return SubschemaKind.Single;
                }

                return kind == JsonValueKind.Array && dialect != Dialect.Draft202012 ? SubschemaKind.Array : SubschemaKind.None;
            case "prefixItems" when dialect == Dialect.Draft202012:
                return kind == JsonValueKind.Array ? SubschemaKind.Array : SubschemaKind.None;
            case "allOf" or "anyOf" or "oneOf":
                return kind == JsonValueKind.Array ? SubschemaKind.Array : SubschemaKind.None;
            case "properties" or "patternProperties" or "definitions":
                return kind == JsonValueKind.Object ? SubschemaKind.Map : SubschemaKind.None;
            case "dependencies":
                return kind == JsonValueKind.Object ? SubschemaKind.Map : SubschemaKind.None;
            case "$defs" or "dependentSchemas" when !legacy:
                return kind == JsonValueKind.Object ? SubschemaKind.Map : SubschemaKind.None;
            case "unevaluatedProperties" or "unevaluatedItems" or "contentSchema" when !legacy:
                return isSchema ? SubschemaKind.Single : SubschemaKind.None;
            default:
                return SubschemaKind.None;
        }
    }

    private (Dialect Dialect, Vocabularies Vocabularies) ResolveDialect(string schemaUri, string location)
    {
        var trimmed = schemaUri.TrimEnd('#');
        switch (SchemaDialects.TryGet(schemaUri, out var known))
        {
            case SchemaDialects.Lookup.Known:
                return (known, Vocabularies.Standard);
            case SchemaDialects.Lookup.Unsupported:
                throw SchemaException.UnknownDialect(location, schemaUri);
        }

        if (_dialectCache.TryGetValue(trimmed, out var cached))
        {
            return cached;
        }

        // A custom metaschema: its own $schema gives the base dialect, its $vocabulary the keywords in force.
        if (!TryResolveUri(trimmed, string.Empty, out var abs, out _) || FindOrLoadResource(abs, location) is not { } meta)
        {
            throw SchemaException.UnknownDialect(location, schemaUri);
        }

        _dialectCache[trimmed] = (meta.Dialect, Vocabularies.Standard);
        var result = (meta.Dialect, ReadVocabularies(meta));
        _dialectCache[trimmed] = result;
        return result;
    }

    private static Vocabularies ReadVocabularies(SchemaResource meta)
    {
        if (meta.Root.ValueKind != JsonValueKind.Object || !meta.Root.TryGetProperty("$vocabulary", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            return meta.Vocabularies;
        }

        var result = Vocabularies.None;
        foreach (var p in vocab.EnumerateObject())
        {
            var name = p.Name;
            var slash = name.LastIndexOf('/');
            var last = slash >= 0 ? name[(slash + 1)..] : name;
            result |= last switch
            {
                "core" => Vocabularies.Core,
                "applicator" when name.Contains("2019-09", StringComparison.Ordinal) => Vocabularies.Applicator | Vocabularies.Unevaluated,
                "applicator" => Vocabularies.Applicator,
                "unevaluated" => Vocabularies.Unevaluated,
                "validation" => Vocabularies.Validation,
                "format-annotation" or "format" => Vocabularies.FormatAnnotation,
                "format-assertion" => Vocabularies.FormatAssertion,
                "content" => Vocabularies.Content,
                "meta-data" => Vocabularies.MetaData,
                _ => Vocabularies.None,
            };
        }

        return result | Vocabularies.Core;
    }

    private enum SubschemaKind
    {
        None,
        Single,
        Array,
        Map,
    }

    private readonly record struct IndexFrame(JsonElement Element, string Pointer, SchemaResource Resource, string Relative, Dialect Dialect, Vocabularies Vocabularies, int Depth, bool IsDocumentRoot);
}
