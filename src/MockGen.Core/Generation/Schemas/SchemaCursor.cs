using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Schemas;

/// <summary>
/// One schema (object or boolean) as the generator sees it: its JSON, the base URI and dialect it is read
/// with, its location for messages, and its subschemas and reference targets, all resolved up front so a
/// built index is read-only and safe to share between threads.
/// </summary>
internal sealed class SchemaCursor
{
    private readonly Dictionary<string, SchemaCursor> _children = new(StringComparer.Ordinal);

    public SchemaCursor(JsonElement element, string baseUri, Dialect dialect, string documentUri, string pointer)
    {
        Element = element;
        BaseUri = baseUri;
        Dialect = dialect;
        DocumentUri = documentUri;
        Pointer = pointer;
    }

    public JsonElement Element { get; }

    /// <summary>The base URI relative references in this schema resolve against (no fragment).</summary>
    public string BaseUri { get; }

    public Dialect Dialect { get; }

    public string DocumentUri { get; }

    /// <summary>The JSON Pointer of this schema inside its document.</summary>
    public string Pointer { get; }

    /// <summary>The schema location for messages: <c>#</c> plus the pointer.</summary>
    public string Location => "#" + Pointer;

    public bool IsBoolean => Element.ValueKind is JsonValueKind.True or JsonValueKind.False;

    public bool IsFalse => Element.ValueKind == JsonValueKind.False;

    /// <summary>The target of <c>$ref</c>, when this schema has one that applies in its dialect.</summary>
    public SchemaCursor? RefTarget { get; internal set; }

    /// <summary>The static target of <c>$dynamicRef</c> or <c>$recursiveRef</c>.</summary>
    public SchemaCursor? DynamicRefTarget { get; internal set; }

    /// <summary>The <c>$dynamicAnchor</c> name this resource root declares, if any.</summary>
    public string? DynamicAnchor { get; internal set; }

    /// <summary>True when this schema opens a new resource (it has an <c>$id</c> of its own).</summary>
    public bool IsResourceRoot { get; internal set; }

    /// <summary>This schema's resource root.</summary>
    public SchemaCursor? Resource { get; internal set; }

    /// <summary>Discriminator mapping targets (OpenAPI), keyed by discriminator value.</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaCursor>> DiscriminatorTargets { get; internal set; } = [];

    public bool DraftBefore2019 => Dialect is Dialect.Draft4 or Dialect.Draft6 or Dialect.Draft7 or Dialect.OpenApi30 or Dialect.Swagger20;

    public bool Has(string keyword) => Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(keyword, out _);

    public bool TryGet(string keyword, out JsonElement value)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(keyword, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The subschema at <paramref name="keyword"/> (single-schema keywords).</summary>
    public SchemaCursor? Child(string keyword) => _children.GetValueOrDefault(keyword);

    /// <summary>The subschema at <paramref name="keyword"/>/<paramref name="name"/> (map keywords).</summary>
    public SchemaCursor? Child(string keyword, string name) => _children.GetValueOrDefault(keyword + "/" + name);

    /// <summary>The subschema at <paramref name="keyword"/>/<paramref name="index"/> (array keywords).</summary>
    public SchemaCursor? Child(string keyword, int index) =>
        _children.GetValueOrDefault(keyword + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The subschemas of an array keyword (allOf, anyOf, oneOf, prefixItems, array-form items), in order.</summary>
    public IReadOnlyList<SchemaCursor> Children(string keyword)
    {
        if (!TryGet(keyword, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<SchemaCursor>(value.GetArrayLength());
        for (var i = 0; i < value.GetArrayLength(); i++)
        {
            if (Child(keyword, i) is { } child)
            {
                list.Add(child);
            }
        }

        return list;
    }

    /// <summary>True when this schema or one of its subschemas holds a reference: a branch that may recurse.</summary>
    public bool HasReference { get; internal set; }

    internal bool AnyChildHasReference()
    {
        foreach (var child in _children.Values)
        {
            if (child.HasReference)
            {
                return true;
            }
        }

        return false;
    }

    internal void AddChild(string relativePath, SchemaCursor child) => _children[relativePath] = child;

    public override string ToString() => DocumentUri + Location;
}
