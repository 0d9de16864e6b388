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
    /// <remarks>Iterative: instances nest as deep as their parser allows, and recursion here must not overflow the stack.</remarks>
    public static bool DeepEquals(JsonElement a, JsonElement b)
    {
        if (!ShallowEquals(a, b, out var container))
        {
            return false;
        }

        if (!container)
        {
            return true;
        }

        var pending = new Stack<(JsonElement A, JsonElement B)>();
        pending.Push((a, b));
        while (pending.Count > 0)
        {
            var (x, y) = pending.Pop();
            if (x.ValueKind == JsonValueKind.Array)
            {
                using var ex = x.EnumerateArray();
                using var ey = y.EnumerateArray();
                while (ex.MoveNext() && ey.MoveNext())
                {
                    if (!ShallowEquals(ex.Current, ey.Current, out var nested))
                    {
                        return false;
                    }

                    if (nested)
                    {
                        pending.Push((ex.Current, ey.Current));
                    }
                }

                continue;
            }

            foreach (var p in x.EnumerateObject())
            {
                if (!y.TryGetProperty(p.Name, out var other) || !ShallowEquals(p.Value, other, out var nested))
                {
                    return false;
                }

                if (nested)
                {
                    pending.Push((p.Value, other));
                }
            }
        }

        return true;
    }

    /// <summary>Compares everything but the children of containers; <paramref name="container"/> says children remain to compare.</summary>
    private static bool ShallowEquals(JsonElement a, JsonElement b, out bool container)
    {
        container = false;
        var kind = a.ValueKind;
        if (kind != b.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                return JsonNumbers.Compare(a, b) == 0;
            case JsonValueKind.String:
                return JsonStrings.StringEquals(a, b);
            case JsonValueKind.Array:
                container = true;
                return a.GetArrayLength() == b.GetArrayLength();
            case JsonValueKind.Object:
                container = true;
                return a.GetPropertyCount() == b.GetPropertyCount();
            default:
                return true;
        }
    }

    /// <summary>A hash consistent with <see cref="DeepEquals"/> (used to find duplicates in large arrays).</summary>
    public static int GetHashCode(JsonElement e) => GetHashCode(e, 0);

    // Depth-capped: deeper levels do not contribute (still consistent with DeepEquals), and the recursion stays shallow.
    private static int GetHashCode(JsonElement e, int depth)
    {
        if (depth > 32)
        {
            return (int)e.ValueKind;
        }

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
                    h = unchecked((h * 31) + GetHashCode(item, depth + 1));
                }

                return h;
            }

            case JsonValueKind.Object:
            {
                // Order-independent: XOR of member hashes.
                var h = 0;
                foreach (var p in e.EnumerateObject())
                {
                    h ^= HashCode.Combine(string.GetHashCode(p.Name, StringComparison.Ordinal), GetHashCode(p.Value, depth + 1));
                }

                return h;
            }

            default:
                return (int)e.ValueKind;
        }
    }
}
