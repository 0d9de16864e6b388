using System.Text.Json;

namespace MockGen.Core.Schema;

/// <summary>
/// A schema resource: a document root or a subschema with its own <c>$id</c>. Owns the anchors declared
/// inside it and the dialect it is read with.
/// </summary>
internal sealed class SchemaResource
{
    internal SchemaResource(string uri, string documentUri, string documentPointer, JsonElement root, Dialect dialect, Vocabularies vocabularies)
    {
        Uri = uri;
        DocumentUri = documentUri;
        DocumentPointer = documentPointer;
        Root = root;
        Dialect = dialect;
        Vocabularies = vocabularies;
    }

    /// <summary>The resource's absolute URI, without fragment.</summary>
    public string Uri { get; }

    /// <summary>The document holding it.</summary>
    public string DocumentUri { get; }

    /// <summary>Where its root sits in the document.</summary>
    public string DocumentPointer { get; }

    /// <summary>The resource's root schema.</summary>
    public JsonElement Root { get; }

    /// <summary>The dialect (from <c>$schema</c> or inherited).</summary>
    public Dialect Dialect { get; }

    /// <summary>The vocabularies in force.</summary>
    public Vocabularies Vocabularies { get; }

    /// <summary><c>$recursiveAnchor: true</c> on the root.</summary>
    public bool RecursiveAnchor { get; internal set; }

    /// <summary>Plain-name anchors: name to document pointer.</summary>
    internal Dictionary<string, string> Anchors { get; } = new(StringComparer.Ordinal);

    /// <summary><c>$dynamicAnchor</c>s: name to document pointer.</summary>
    internal Dictionary<string, string> DynamicAnchors { get; } = new(StringComparer.Ordinal);

    /// <summary>Compiled nodes of <see cref="DynamicAnchors"/>, filled when any node of the resource is compiled.</summary>
    internal Dictionary<string, SchemaNode> DynamicAnchorNodes { get; } = new(StringComparer.Ordinal);

    /// <summary>The compiled root, when compiled.</summary>
    internal SchemaNode? RootNode { get; set; }

    /// <inheritdoc />
    public override string ToString() => Uri;
}
