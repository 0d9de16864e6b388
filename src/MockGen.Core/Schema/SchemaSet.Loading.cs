using System.Text.Json;
using MockGen.Core.Json;

namespace MockGen.Core.Schema;

/// <summary>Reference resolution: URIs, documents not given up front, pointers and anchors.</summary>
public sealed partial class SchemaSet
{
    private static readonly JsonDocumentOptions LoadOptions = new() { MaxDepth = 20_000 };

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>; splits off the fragment (still escaped).</summary>
    internal static bool TryResolveUri(string baseUri, string reference, out string absolute, out string fragment)
    {
        absolute = string.Empty;
        fragment = string.Empty;
        Uri resolved;
        try
        {
            if (HasScheme(reference) && Uri.TryCreate(reference, UriKind.Absolute, out var abs))
            {
                resolved = abs;
            }
            else if (Uri.TryCreate(baseUri, UriKind.Absolute, out var b))
            {
                if (reference.StartsWith('#'))
                {
                    // Fragment-only: keep the base exactly (System.Uri cannot combine with some URN bases).
                    absolute = UriKey(b);
                    fragment = reference[1..];
                    return true;
                }

                if (!Uri.TryCreate(b, reference, out resolved!))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }
        catch (UriFormatException)
        {
            return false;
        }

        absolute = UriKey(resolved);
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        fragment = hash < 0 ? string.Empty : reference[(hash + 1)..];
        return true;
    }

    // Only "scheme:" makes a reference absolute; System.Uri would also accept "/a/b" as a file path on Unix.
    private static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(reference[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = reference[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Finds a resource by absolute URI, loading its document (embedded metaschema, resolver, URI mapping) when needed.</summary>
    private SchemaResource? FindOrLoadResource(string absolute, string location)
    {
        if (_resources.TryGetValue(absolute, out var resource))
        {
            return resource;
        }

        if (MetaSchemaCatalog.TryGet(absolute, out var meta))
        {
            IndexDocument(absolute, meta.Root, meta.Dialect);
            return _resources.GetValueOrDefault(absolute);
        }

        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (_resolver is not null)
        {
            SchemaDocument? doc;
            try
            {
                doc = _resolver.Resolve(uri);
            }
            catch (Exception ex) when (ex is not SchemaException and not OutOfMemoryException)
            {
                throw SchemaException.DocumentRefused(location, absolute, ex);
            }

            if (doc is not null)
            {
                IndexDocument(absolute, doc.Root, doc.DefaultDialect);
                return _resources.GetValueOrDefault(absolute);
            }
        }

        foreach (var (prefix, folder) in _mappings)
        {
            if (!absolute.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relativePath = Uri.UnescapeDataString(absolute[prefix.Length..]);
            var path = Path.GetFullPath(Path.Combine(folder, relativePath));
            if (!File.Exists(path))
            {
                return null;
            }

            JsonElement root;
            try
            {
                using var parsed = JsonDocument.Parse(File.ReadAllBytes(path), LoadOptions);
                root = parsed.RootElement.Clone();
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                throw SchemaException.DocumentRefused(location, absolute, ex);
            }

            IndexDocument(absolute, root, _defaultDialect);
            return _resources.GetValueOrDefault(absolute);
        }

        return null;
    }

    /// <summary>Resolves a reference from <paramref name="from"/> (null: from the caller) to a node shell, compiling it later.</summary>
    private SchemaNode ResolveReference(SchemaNode? from, string location, string keyword, string reference, Uri? absoluteUri = null)
    {
        string abs;
        string fragment;
        if (absoluteUri is not null)
        {
            abs = UriKey(absoluteUri);
            fragment = absoluteUri.IsAbsoluteUri ? absoluteUri.Fragment.TrimStart('#') : string.Empty;
            if (fragment.Length == 0)
            {
                var hash = reference.IndexOf('#', StringComparison.Ordinal);
                fragment = hash < 0 ? string.Empty : reference[(hash + 1)..];
            }
        }
        else if (!TryResolveUri(from!.Resource.Uri, reference, out abs, out fragment))
        {
            throw SchemaException.InvalidKeyword(location, keyword, $"\"{reference}\" is not a valid URI reference");
        }

        var resource = FindOrLoadResource(abs, location)
            ?? throw SchemaException.UnresolvedRef(location, keyword, reference, abs);

        if (fragment.Length == 0)
        {
            return GetOrCreateNode(resource.DocumentUri, resource.DocumentPointer, resource.Root);
        }

        var decoded = Uri.UnescapeDataString(fragment);
        if (decoded.StartsWith('/'))
        {
            if (!JsonPointer.TryParse(decoded, out var tokens))
            {
                throw SchemaException.InvalidKeyword(location, keyword, $"\"{reference}\" has an invalid JSON Pointer fragment");
            }

            var element = resource.Root;
            var walked = resource.DocumentUri + "#" + resource.DocumentPointer;
            foreach (var token in tokens)
            {
                if (element.ValueKind == JsonValueKind.Object && TryGetMember(walked, element, token, out var child))
                {
                    element = child;
                    walked += "/" + JsonPointer.EscapeToken(token);
                }
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength() && (token == "0" || token[0] != '0'))
                {
                    element = element[index];
                }
                else
                {
                    throw SchemaException.UnresolvedRef(location, keyword, reference, abs + "#" + decoded);
                }
            }

            return GetOrCreateNode(resource.DocumentUri, resource.DocumentPointer + JsonPointer.Build(tokens), element);
        }

        if (resource.Anchors.TryGetValue(decoded, out var anchorPointer))
        {
            return GetOrCreateNode(resource.DocumentUri, anchorPointer, Navigate(_documents[resource.DocumentUri], anchorPointer));
        }

        throw SchemaException.UnresolvedRef(location, keyword, reference, abs + "#" + decoded);
    }

    /// <summary>
    /// A member of an object on a reference's path. JsonElement finds a member by a linear scan, so a contract whose
    /// $defs holds n entries that refer to each other compiled in O(n²) (16,000 chained definitions: 8 s; found by
    /// the $ref-graph fuzz target, issue 12). Objects with many members get a name index the first time a
    /// reference walks through them; small ones keep the scan, which is as fast as hashing there.
    /// </summary>
    private bool TryGetMember(string location, JsonElement obj, string name, out JsonElement member)
    {
        var index = _memberIndex.GetOrAdd(location, static (_, o) => IndexMembers(o), obj);
        return index is null ? obj.TryGetProperty(name, out member) : index.TryGetValue(name, out member);
    }

    private static Dictionary<string, JsonElement>? IndexMembers(JsonElement obj)
    {
        const int ScanLimit = 32;
        var count = 0;
        foreach (var _ in obj.EnumerateObject())
        {
            if (++count > ScanLimit)
            {
                break;
            }
        }

        if (count <= ScanLimit)
        {
            return null;
        }

        // The last of duplicate names wins, as JsonElement.TryGetProperty answers.
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in obj.EnumerateObject())
        {
            index[member.Name] = member.Value;
        }

        return index;
    }

    private static JsonElement Navigate(JsonElement root, string pointer)
    {
        _ = JsonPointer.TryParse(pointer, out var tokens);
        var element = root;
        foreach (var token in tokens)
        {
            element = element.ValueKind == JsonValueKind.Array
                ? element[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)]
                : element.GetProperty(token);
        }

        return element;
    }

    private SchemaNode GetOrCreateNode(string documentUri, string documentPointer, JsonElement element)
    {
        var key = documentUri + "#" + documentPointer;
        if (_nodes.TryGetValue(key, out var node))
        {
            return node;
        }

        var location = LookupLocation(key, documentUri, documentPointer);
        var resource = location.Resource;
        // In a document's root resource the absolute location usually is the key itself: reuse it.
        var absolute = resource.Uri == documentUri && location.RelativePointer == documentPointer && ReferenceEquals(JsonPointer.ToUriFragment(documentPointer), documentPointer)
            ? key
            : location.Absolute;
        node = new SchemaNode(resource, documentUri, documentPointer, absolute, element, resource.Dialect)
        {
            Vocabularies = resource.Vocabularies,
            IsResourceRoot = resource.DocumentUri == documentUri && resource.DocumentPointer == documentPointer,
        };
        _nodes[key] = node;
        _journal?.Nodes.Add(key);
        _pending.Enqueue(node);
        return node;
    }

    /// <summary>The indexed location, or for a pointer into a place the index did not walk, the nearest indexed ancestor's.</summary>
    /// <remarks><paramref name="key"/> is <c>documentUri#documentPointer</c>, built once by the caller: one string less per node compiled.</remarks>
    private SchemaLocation LookupLocation(string key, string documentUri, string documentPointer)
    {
        if (_locations.TryGetValue(key, out var location))
        {
            return location;
        }

        if (_flatDocuments.TryGetValue(documentUri, out var flat))
        {
            return new SchemaLocation(flat, documentPointer);
        }

        var prefix = documentPointer;
        while (prefix.Length > 0)
        {
            prefix = prefix[..prefix.LastIndexOf('/')];
            if (_locations.TryGetValue(documentUri + "#" + prefix, out var ancestor))
            {
                return new SchemaLocation(ancestor.Resource, ancestor.RelativePointer + documentPointer[prefix.Length..]);
            }
        }

        var docResource = _resources[documentUri];
        return new SchemaLocation(docResource, documentPointer);
    }
}
