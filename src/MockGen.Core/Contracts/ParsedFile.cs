using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Contracts;

/// <summary>One contract file after parsing: its JSON root, its canonical bytes (for the version hash) and its format.</summary>
/// <param name="Root">The document as JSON, independent of any pooled buffer.</param>
/// <param name="Canonical">UTF-8 bytes without BOM, line endings normalised to LF.</param>
/// <param name="Format">JSON or YAML.</param>
internal sealed record ParsedFile(JsonElement Root, byte[] Canonical, ContractFileFormat Format)
{
    /// <summary>A mutable tree copy for Microsoft.OpenApi's reader (which reads <see cref="JsonNode"/>).</summary>
    public JsonNode? ToNode() => Root.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(Root),
        JsonValueKind.Array => JsonArray.Create(Root),
        _ => null,
    };
}
