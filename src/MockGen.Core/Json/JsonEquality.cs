using System.Text.Json;

namespace MockGen.Core.Json;

/// <summary>
/// JSON value equality as JSON Schema defines it (<c>const</c>, <c>enum</c>, <c>uniqueItems</c>):
/// numbers compare by mathematical value (1 equals 1.0), objects ignore member order, strings compare
/// after unescaping.
/// </summary>
internal static class JsonEquality
{
    /// <summary>Whether two JSON values are equal in the JSON Schema sense.</summary>
    public static bool DeepEquals(JsonElement a, JsonElement b)
    {
        var ka = a.ValueKind;
        var kb = b.ValueKind;
        if (ka != kb)
        {
            return false;
        }

        switch (ka)
        {
            case JsonValueKind.Null:
            case JsonValueKind.True:
            case JsonValueKind.False:
            case JsonValueKind.Undefined:
                return true;
            case JsonValueKind.Number:
                return JsonNumbers.Compare(a, b) == 0;
            case JsonValueKind.String:
                return JsonStrings.StringEquals(a, b);
            case JsonValueKind.Array:
            {
                var la = a.GetArrayLength();
                if (la != b.GetArrayLength())
                {
                    return false;
                }

                using var ea = a.EnumerateArray();
                using var eb = b.EnumerateArray();
                while (ea.MoveNext() && eb.MoveNext())
                {
                    if (!DeepEquals(ea.Current, eb.Current))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
            {
                var count = 0;
                foreach (var p in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(p.Name, out var other) || !DeepEquals(p.Value, other))
                    {
                        return false;
                    }
                }

                var countB = 0;
                foreach (var unused in b.EnumerateObject())
                {
                    countB++;
                }

                return count == countB;
            }
        }
    }

    /// <summary>A hash consistent with <see cref="DeepEquals"/> (used to find duplicates in large arrays).</summary>
    public static int GetHashCode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                return e.TryGetDecimal(out var d) ? d.GetHashCode() : e.GetDouble().GetHashCode();
            case JsonValueKind.String:
                return string.GetHashCode(e.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Array:
            {
                var h = 17;
                foreach (var item in e.EnumerateArray())
                {
                    h = unchecked((h * 31) + GetHashCode(item));
                }

                return h;
            }

            case JsonValueKind.Object:
            {
                // Order-independent: XOR of member hashes.
                var h = 0;
                foreach (var p in e.EnumerateObject())
                {
                    h ^= HashCode.Combine(string.GetHashCode(p.Name, StringComparison.Ordinal), GetHashCode(p.Value));
                }

                return h;
            }

            default:
                return (int)e.ValueKind;
        }
    }
}
