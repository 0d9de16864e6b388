using System.Collections.Concurrent;

namespace MockGen.Core.Generation.Realism;

/// <summary>Normalizes property names and JSON Pointer segments so <c>first_name</c>, <c>firstName</c> and <c>FirstName</c> read alike.</summary>
internal static class PropertyNames
{
    // Normalized forms by raw name: contracts repeat a few hundred names across every payload, and a new string per
    // value was a visible share of generation's allocations (issue 9). Bounded, since map keys can be generated names.
    private const int CacheLimit = 8192;

    private static readonly ConcurrentDictionary<string, string> s_normalized = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_normalizedBySpan =
        s_normalized.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower-case ASCII letters and digits only: "billing_Address-Line1" becomes "billingaddressline1".</summary>
    public static string Normalize(string? name) => string.IsNullOrEmpty(name) ? string.Empty : Normalize(name.AsSpan());

    private static string Normalize(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return string.Empty;
        }

        if (s_normalizedBySpan.TryGetValue(name, out var known))
        {
            return known;
        }

        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var normalized = new string(buffer[..length]);
        if (s_normalized.Count < CacheLimit)
        {
            s_normalizedBySpan.TryAdd(name, normalized);
        }

        return normalized;
    }

    /// <summary>The normalized name of the object holding a value: the last non-index segment of its parent pointer.</summary>
    /// <remarks>
    /// Read from the end of the pointer in place; only a segment with an escape (<c>~0</c>, <c>~1</c>) is unescaped as
    /// <see cref="RealismProfile.SplitPointer"/> does. An empty segment counts as an index, as it always has.
    /// </remarks>
    public static string Parent(string parentPointer)
    {
        if (parentPointer.Length == 0)
        {
            return string.Empty;
        }

        var rest = parentPointer.AsSpan(1);
        while (true)
        {
            var slash = rest.LastIndexOf('/');
            var segment = rest[(slash + 1)..];
            if (segment.Contains('~'))
            {
                var unescaped = segment.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (!IsAllDigits(unescaped))
                {
                    return Normalize(unescaped.AsSpan());
                }
            }
            else if (!IsAllDigits(segment))
            {
                return Normalize(segment);
            }

            if (slash < 0)
            {
                return string.Empty;
            }

            rest = rest[..slash];
        }
    }

    private static bool IsAllDigits(ReadOnlySpan<char> segment)
    {
        foreach (var c in segment)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool EndsWithAny(string name, params ReadOnlySpan<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ContainsAny(string name, params ReadOnlySpan<string> parts)
    {
        foreach (var part in parts)
        {
            if (name.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAny(string name, params ReadOnlySpan<string> names)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(name, candidate, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
