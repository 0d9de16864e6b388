using System.Text.Json;
using System.Text.Json.Nodes;

namespace MockGen.Ai.Privacy;

public sealed partial class PiiGuard
{
    /// <summary>
    /// Masks every string in a JSON tree, member names included (a map's keys are data the model wrote too), into a
    /// fresh tree; the input is left as it was. When a masked name collides with a member already copied, the later
    /// member is dropped, the first wins as in a strict answer's parse, so a collision can never keep an unmasked
    /// name. Edge proposals and scenario payloads both go through this one walk.
    /// </summary>
    /// <param name="node">The tree, as parsed from the model's answer (its parse bounds the depth).</param>
    /// <param name="findings">Receives one entry per finding.</param>
    public JsonNode? MaskTree(JsonNode? node, ICollection<PiiKind> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        switch (node)
        {
            case JsonObject obj:
                var masked = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    var key = Mask(name, findings);
                    if (!masked.ContainsKey(key))
                    {
                        masked[key] = MaskTree(value, findings);
                    }
                }

                return masked;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(MaskTree(item, findings));
                }

                return items;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(Mask(value.GetValue<string>(), findings));
            default:
                return node?.DeepClone();
        }
    }
}
