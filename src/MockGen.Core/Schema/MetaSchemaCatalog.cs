using System.Collections.Frozen;
using System.Text.Json;

namespace MockGen.Core.Schema;

/// <summary>
/// The official metaschemas of every supported draft, embedded so that <c>{"$ref": "https://json-schema.org/draft/2020-12/schema"}</c>
/// and metaschema validation work offline. Written from the published specifications.
/// </summary>
internal static class MetaSchemaCatalog
{
    private static readonly FrozenDictionary<string, (string Resource, Dialect Dialect)> Known = new Dictionary<string, (string, Dialect)>(StringComparer.Ordinal)
    {
        ["http://json-schema.org/draft-04/schema"] = ("draft-04.json", Dialect.Draft4),
        ["http://json-schema.org/draft-06/schema"] = ("draft-06.json", Dialect.Draft6),
        ["http://json-schema.org/draft-07/schema"] = ("draft-07.json", Dialect.Draft7),
        ["https://json-schema.org/draft/2019-09/schema"] = ("2019-09-schema.json", Dialect.Draft201909),
        ["https://json-schema.org/draft/2019-09/meta/core"] = ("2019-09-meta-core.json", Dialect.Draft201909),
        ["https://json-schema.org/draft/2019-09/meta/applicator"] = ("2019-09-meta-applicator.json", Dialect.Draft201909),
        ["https://json-schema.org/draft/2019-09/meta/validation"] = ("2019-09-meta-validation.json", Dialect.Draft201909),
        ["https://json-schema.org/draft/2019-09/meta/meta-data"] = ("2019-09-meta-meta-data.json", Dialect.Draft201909),
        ["https://json-schema.org/draft/2019-09/meta/format"] = ("2019-09-meta-format.json", Dialect.Draft201909),
        ["https://json-schema.org/draft/2019-09/meta/content"] = ("2019-09-meta-content.json", Dialect.Draft201909),
        ["https://json-schema.org/draft/2020-12/schema"] = ("2020-12-schema.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/core"] = ("2020-12-meta-core.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/applicator"] = ("2020-12-meta-applicator.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/unevaluated"] = ("2020-12-meta-unevaluated.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/validation"] = ("2020-12-meta-validation.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/meta-data"] = ("2020-12-meta-meta-data.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/format-annotation"] = ("2020-12-meta-format-annotation.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/format-assertion"] = ("2020-12-meta-format-assertion.json", Dialect.Draft202012),
        ["https://json-schema.org/draft/2020-12/meta/content"] = ("2020-12-meta-content.json", Dialect.Draft202012),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, JsonElement> Loaded = new(StringComparer.Ordinal);

    /// <summary>Gets the embedded metaschema for a URI (no fragment), parsed once per process.</summary>
    public static bool TryGet(string uri, out (JsonElement Root, Dialect Dialect) meta)
    {
        meta = default;
        if (!Known.TryGetValue(uri, out var entry))
        {
            return false;
        }

        lock (Gate)
        {
            if (!Loaded.TryGetValue(uri, out var root))
            {
                using var stream = typeof(MetaSchemaCatalog).Assembly.GetManifestResourceStream("MockGen.Core.Schema.MetaSchemas." + entry.Resource)
                    ?? throw new InvalidOperationException($"The embedded metaschema {entry.Resource} is missing from the build.");
                using var doc = JsonDocument.Parse(stream);
                root = doc.RootElement.Clone();
                Loaded[uri] = root;
            }

            meta = (root, entry.Dialect);
            return true;
        }
    }
}
