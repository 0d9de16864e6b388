using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Schemas;

/// <summary>
/// Resolves documents under mapped URI prefixes from local folders (remote references are never fetched),
/// then falls back to an inner resolver. Reads happen while an index is built, never during generation.
/// </summary>
internal sealed class FolderMappingResolver : ISchemaDocumentResolver
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _mappings;
    private readonly ISchemaDocumentResolver? _inner;
    private readonly Dialect _dialect;

    public FolderMappingResolver(IEnumerable<KeyValuePair<Uri, string>> mappings, Dialect dialect, ISchemaDocumentResolver? inner = null)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        _mappings = [.. mappings.Select(m => new KeyValuePair<string, string>(m.Key.AbsoluteUri, m.Value))];
        _dialect = dialect;
        _inner = inner;
    }

    public SchemaDocument? Resolve(Uri documentUri)
    {
        ArgumentNullException.ThrowIfNull(documentUri);
        var text = documentUri.AbsoluteUri;
        foreach (var (prefix, folder) in _mappings)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Uri.UnescapeDataString(text[prefix.Length..]);
            var path = Path.GetFullPath(Path.Combine(folder, relative));
            // Stay inside the mapped folder: a reference must not read arbitrary files through '..'.
            if (!path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(path))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return new SchemaDocument(documentUri, document.RootElement.Clone(), _dialect, path);
        }

        return _inner?.Resolve(documentUri);
    }
}
