using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// Writes the run's tenant into a proposal's tenant-named string properties, as the walker does for generated
/// payloads: a model never decides which tenant a payload belongs to.
/// </summary>
internal static class ProposalTenancy
{
    public static JsonElement Apply(JsonElement proposal, string? tenant, IReadOnlyList<string> names)
    {
        if (tenant is null || names.Count == 0)
        {
            return proposal;
        }

        var node = JsonNode.Parse(proposal.GetRawText(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        if (!Stamp(node, tenant, names, 0))
        {
            return proposal;
        }

        using var document = JsonDocument.Parse(node!.ToJsonString(), new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.Clone();
    }

    private static bool Stamp(JsonNode? node, string tenant, IReadOnlyList<string> names, int depth)
    {
        var changed = false;
        if (depth > 200)
        {
            return false;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (names.Contains(name, StringComparer.Ordinal) && value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() != tenant)
                    {
                        obj[name] = tenant;
                        changed = true;
                    }
                    else
                    {
                        changed |= Stamp(value, tenant, names, depth + 1);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    changed |= Stamp(item, tenant, names, depth + 1);
                }

                break;
        }

        return changed;
    }
}
