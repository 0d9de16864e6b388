namespace MockGen.Core.Generation.Realism;

/// <summary>Normalizes property names and JSON Pointer segments so <c>first_name</c>, <c>firstName</c> and <c>FirstName</c> read alike.</summary>
internal static class PropertyNames
{
    /// <summary>Lower-case ASCII letters and digits only: "billing_Address-Line1" becomes "billingaddressline1".</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
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

        return new string(buffer[..length]);
    }

    /// <summary>The normalized name of the object holding a value: the last non-index segment of its parent pointer.</summary>
    public static string Parent(string parentPointer)
    {
        var segments = RealismProfile.SplitPointer(parentPointer);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (!segments[i].All(char.IsAsciiDigit))
            {
                return Normalize(segments[i]);
            }
        }

        return string.Empty;
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
