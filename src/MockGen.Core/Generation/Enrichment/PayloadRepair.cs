using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Core.Generation.Gate;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// Repairs a model's candidate payload against its target: the values the gate accepts are kept, and each value it
/// rejects is replaced by the value at the same JSON Pointer of the index's deterministic payload (the fallback), or
/// removed when the fallback has none there. Deepest failures first; a location that still fails after its
/// replacement climbs to its parent, so the worst case is the whole fallback, which the gate has already passed.
/// The result is always gated. Deterministic: the same candidate and fallback give the same bytes.
/// </summary>
internal static class PayloadRepair
{
    // Each round fixes one location; a candidate with more broken places than this is not worth keeping.
    private const int MaxRounds = 64;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 256 };

    /// <summary>What became of a candidate.</summary>
    /// <param name="Json">The payload to write, valid against the target.</param>
    /// <param name="Regenerated">The JSON Pointers replaced from the fallback or removed, in repair order; <c>""</c> alone when the whole payload is the fallback.</param>
    internal sealed record Outcome(byte[] Json, IReadOnlyList<string> Regenerated)
    {
        public bool WhollyRegenerated => Regenerated is [""];
    }

    /// <summary>Repairs <paramref name="candidate"/>; <paramref name="fallback"/> is the index's gated deterministic payload.</summary>
    public static Outcome Repair(JsonElement candidate, byte[] fallback, IPayloadGate gate)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(gate);
        var fallbackNode = JsonNode.Parse(fallback, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        var node = JsonSerializer.SerializeToNode(candidate, Relaxed);
        var regenerated = new List<string>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var filled = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < MaxRounds; round++)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(node, Relaxed);
            IReadOnlyList<ValidationError> errors;
            using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 }))
            {
                errors = gate.Check(document.RootElement);
            }

            if (errors.Count == 0)
            {
                return new Outcome(json, regenerated);
            }

            // The deepest failing value first: an applicator's failure above it (oneOf, allOf) often goes with it.
            var error = errors.OrderByDescending(e => Depth(e.InstanceLocation)).First();
            var location = error.InstanceLocation;

            // A missing required member is added from the fallback rather than replacing the whole object.
            if (error.Keyword == "required" && filled.Add(location) && Fill(node, fallbackNode, location, MissingNames(errors, location), regenerated))
            {
                continue;
            }

            while (replaced.Contains(location) && location.Length > 0)
            {
                location = Parent(location);
            }

            if (replaced.Contains(location) || location.Length == 0)
            {
                break;
            }

            node = Replace(node, fallbackNode, location);
            replaced.Add(location);
            regenerated.Add(location);
        }

        return new Outcome(fallback, [""]);
    }

    /// <summary>The candidate's UTF-8 bytes as the dataset writes payloads (non-ASCII kept readable).</summary>
    public static byte[] ToUtf8(JsonElement payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Relaxed);

    // The validator names each missing member in its message (SchemaValidator.Objects: the required property "x" is
    // missing); only those are added, so the repaired object gains no optional member the model left out.
    private static HashSet<string> MissingNames(IReadOnlyList<ValidationError> errors, string location)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            const string Prefix = "the required property \"";
            var start = error.Message.IndexOf(Prefix, StringComparison.Ordinal);
            var end = start < 0 ? -1 : error.Message.LastIndexOf("\" is missing", StringComparison.Ordinal);
            if (error.Keyword == "required" && error.InstanceLocation == location && end > start)
            {
                names.Add(error.Message[(start + Prefix.Length)..end]);
            }
        }

        return names;
    }

    private static bool Fill(JsonNode? node, JsonNode? fallback, string location, HashSet<string> names, List<string> regenerated)
    {
        if (Find(node, location) is not JsonObject target || Find(fallback, location) is not JsonObject source)
        {
            return false;
        }

        var added = false;
        foreach (var (name, value) in source)
        {
            if (names.Contains(name) && !target.ContainsKey(name))
            {
                target[name] = value?.DeepClone();
                regenerated.Add(location + "/" + Escape(name));
                added = true;
            }
        }

        return added;
    }

    private static JsonNode? Replace(JsonNode? node, JsonNode? fallback, string location)
    {
        var segments = Segments(location);
        var parent = Find(node, Parent(location));
        var last = segments[^1];
        var exists = TryFind(fallback, location, out var value);
        switch (parent)
        {
            case JsonObject obj:
                if (exists)
                {
                    obj[last] = value?.DeepClone();
                }
                else
                {
                    obj.Remove(last);
                }

                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                if (exists)
                {
                    array[index] = value?.DeepClone();
                }
                else
                {
                    array.RemoveAt(index);
                }

                break;
        }

        return node;
    }

    private static JsonNode? Find(JsonNode? node, string location) => TryFind(node, location, out var found) ? found : null;

    private static bool TryFind(JsonNode? node, string location, out JsonNode? found)
    {
        found = node;
        foreach (var segment in Segments(location))
        {
            switch (found)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    found = child;
                    break;
                case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    found = array[index];
                    break;
                default:
                    found = null;
                    return false;
            }
        }

        return true;
    }

    private static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Parent(string pointer) => pointer.Length == 0 ? pointer : pointer[..pointer.LastIndexOf('/')];

    private static int Depth(string pointer) => pointer.Count(c => c == '/');
}
