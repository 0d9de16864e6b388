using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>
/// Finds the <c>$ref</c>s of a document that name other documents, tracking base URI changes by
/// <c>$id</c> (<c>id</c> in draft-04), so a multi-file contract's files can all be loaded (and hashed)
/// up front. Values that are data, not schemas (<c>enum</c>, <c>const</c>, <c>default</c>, examples,
/// <c>x-</c> extensions), are not searched.
/// </summary>
internal static class ExternalReferenceScanner
{
    /// <summary>Adds the document's external references to <paramref name="found"/> and its embedded <c>$id</c> documents to <paramref name="embeddedIds"/>.</summary>
    public static void Scan(SchemaDocument document, List<ExternalReference> found, HashSet<string> embeddedIds)
    {
        var idKeyword = document.DefaultDialect switch
        {
            Dialect.Draft4 => "id",
            Dialect.OpenApi30 or Dialect.Swagger20 => null,
            _ => "$id",
        };
        if (CannotReachOtherDocuments(document.Root, idKeyword))
        {
            return;
        }

        var segments = new List<string>();
        Visit(document, document.Root, document.BaseUri, idKeyword, segments, found, embeddedIds, keysAreNames: false);
    }

    private static void Visit(SchemaDocument document, JsonElement element, Uri baseUri, string? idKeyword, List<string> segments, List<ExternalReference> found, HashSet<string> embeddedIds, bool keysAreNames)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    // A bare "#name" id (draft 6/7) names an anchor, not a new base.
                    if (idKeyword is not null && element.TryGetProperty(idKeyword, out var id) && id.ValueKind == JsonValueKind.String
                        && !id.GetString()!.StartsWith('#') && ReferenceUri.TryResolve(baseUri, id.GetString()!, out var idUri, out _))
                    {
                        baseUri = idUri;
                        embeddedIds.Add(baseUri.AbsoluteUri);
                    }

                    if (element.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
                    {
                        AddIfExternal(document, baseUri, reference.GetString()!, "#" + JsonPointerSyntax.Build(segments), found);
                    }

                    // OpenAPI discriminator mappings name schemas by reference too ("dog.yaml#/Dog"); a bare
                    // value ("Dog") is a schema name, not a reference.
                    if (element.TryGetProperty("discriminator", out var discriminator) && discriminator.ValueKind == JsonValueKind.Object
                        && discriminator.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var entry in mapping.EnumerateObject())
                        {
                            var value = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : string.Empty;
                            if (value.Contains('#', StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal) || value.Contains('.', StringComparison.Ordinal))
                            {
                                var pointer = "#" + JsonPointerSyntax.Build(segments) + "/discriminator/mapping/" + JsonPointerSyntax.Escape(entry.Name);
                                AddIfExternal(document, baseUri, value, pointer, found);
                            }
                        }
                    }

                    foreach (var property in element.EnumerateObject())
                    {
                        if ((!keysAreNames && IsData(property.Name)) || property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                        {
                            continue;
                        }

                        segments.Add(property.Name);
                        Visit(document, property.Value, baseUri, idKeyword, segments, found, embeddedIds, !keysAreNames && IsNameMap(property.Name));
                        segments.RemoveAt(segments.Count - 1);
                    }

                    break;
                }

            case JsonValueKind.Array:
                {
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        {
                            segments.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            Visit(document, item, baseUri, idKeyword, segments, found, embeddedIds, keysAreNames: false);
                            segments.RemoveAt(segments.Count - 1);
                        }

                        index++;
                    }

                    break;
                }
        }
    }

    /// <summary>
    /// Whether a look at the raw JSON proves the walk would find nothing: no id keyword, no discriminator, no
    /// <c>\u</c> escape that could spell one, and every <c>"$ref"</c> followed by a string starting with <c>#</c>.
    /// Most documents are such (a folder's first pass scans each of them); anything else gets the full walk.
    /// </summary>
    private static bool CannotReachOtherDocuments(JsonElement root, string? idKeyword)
    {
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return true;
        }

        return CannotReachOtherDocuments(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(root), idKeyword);
    }

    /// <summary>The same look at JSON text not parsed yet (a JSON file's bytes): true only when it proves the walk would find nothing.</summary>
    public static bool CannotReachOtherDocuments(ReadOnlySpan<byte> raw, string? idKeyword)
    {
        if (raw.IndexOf("\\u"u8) >= 0 || raw.IndexOf("\"discriminator\""u8) >= 0
            || (idKeyword == "$id" && raw.IndexOf("\"$id\""u8) >= 0) || (idKeyword == "id" && raw.IndexOf("\"id\""u8) >= 0))
        {
            return false;
        }

        var rest = raw;
        for (var at = rest.IndexOf("\"$ref\""u8); at >= 0; at = rest.IndexOf("\"$ref\""u8))
        {
            rest = rest[(at + 6)..].TrimStart(" \t\r\n"u8);
            if (!rest.StartsWith(":"u8))
            {
                return false;
            }

            rest = rest[1..].TrimStart(" \t\r\n"u8);
            if (!rest.StartsWith("\"#"u8))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddIfExternal(SchemaDocument document, Uri baseUri, string reference, string pointer, List<ExternalReference> found)
    {
        if (!reference.StartsWith('#') && ReferenceUri.TryResolve(baseUri, reference, out var documentUri, out _)
            && !string.Equals(documentUri.AbsoluteUri, document.BaseUri.AbsoluteUri, StringComparison.Ordinal))
        {
            found.Add(new ExternalReference(documentUri, reference, pointer, document));
        }
    }

    private static bool IsData(string name) =>
        name is "enum" or "const" or "default" or "example" or "examples" ||
        name.StartsWith("x-", StringComparison.Ordinal);

    // Under these keywords the keys are user-chosen names (a property may well be called "default").
    private static bool IsNameMap(string name) =>
        name is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" or "dependencies"
            or "schemas" or "paths" or "webhooks" or "responses" or "parameters" or "requestBodies" or "headers"
            or "callbacks" or "links" or "pathItems" or "content" or "securitySchemes" or "securityDefinitions";

    /// <summary>The URI without its fragment.</summary>
    public static Uri WithoutFragment(Uri uri) =>
        string.IsNullOrEmpty(uri.Fragment) ? uri : new Uri(uri.GetLeftPart(UriPartial.Query));
}
