using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>
/// <c>$ref</c> siblings under draft-04/06/07 and OpenAPI 3.0/Swagger 2.0. The validator ignores them, as those drafts
/// say, but ajv and most tools users judge payloads with apply them: <c>{"$ref": "#/definitions/tags", "maxItems": 1}</c>.
/// The walker therefore narrows lengths and counts towards the siblings when the intersection with the real bounds is
/// not empty (issue 9, "be valid under stricter readings too"); the real bounds always win.
/// </content>
internal sealed partial class PayloadWalker
{
    private static bool IgnoresReferenceSiblings(SchemaNode schema) =>
        schema.Ref is not null && schema.Dialect is Dialect.Draft4 or Dialect.Draft6 or Dialect.Draft7 or Dialect.OpenApi30 or Dialect.Swagger20;

    // A non-negative integer sibling of an ignored-siblings $ref, e.g. maxItems next to $ref; null when absent.
    private static int? SiblingCount(SchemaNode schema, string keyword)
    {
        if (!IgnoresReferenceSiblings(schema) || schema.Element.ValueKind != JsonValueKind.Object
            || !schema.Element.TryGetProperty(keyword, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        return value.TryGetInt64(out var count) && count >= 0 ? (int)Math.Min(count, int.MaxValue)
            : value.TryGetDouble(out var real) && real >= 0 && real == Math.Floor(real) ? (int)Math.Min(real, int.MaxValue) : null;
    }

    /// <summary>
    /// Narrows [<paramref name="low"/>, <paramref name="high"/>] towards the <paramref name="minKeyword"/>/<paramref name="maxKeyword"/>
    /// siblings of ignored-siblings references, each only while the range stays non-empty.
    /// </summary>
    private static void PreferReferenceSiblings(SchemaConjunction conjunction, string minKeyword, string maxKeyword, ref int low, ref int high)
    {
        foreach (var schema in conjunction.Schemas)
        {
            if (SiblingCount(schema, maxKeyword) is { } max && max >= low && max < high)
            {
                high = max;
            }

            if (SiblingCount(schema, minKeyword) is { } min && min <= high && min > low)
            {
                low = min;
            }
        }
    }
}
