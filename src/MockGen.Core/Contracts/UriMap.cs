namespace MockGen.Core.Contracts;

/// <summary>Remote URI prefixes mapped to local files or folders; the longest matching prefix wins.</summary>
internal sealed class UriMap
{
    private readonly KeyValuePair<string, string>[] _entries;

    /// <summary>Copies the mappings, resolving relative local paths against the current directory.</summary>
    public UriMap(IEnumerable<KeyValuePair<string, string>> mappings)
    {
        _entries = [.. mappings
            .Select(m => new KeyValuePair<string, string>(m.Key, Path.GetFullPath(m.Value)))
            .OrderByDescending(m => m.Key.Length)
            .ThenBy(m => m.Key, StringComparer.Ordinal)];
    }

    /// <summary>An empty map: every remote URI is refused.</summary>
    public static UriMap Empty { get; } = new([]);

    /// <summary>Finds the local file for <paramref name="uri"/> (absolute, no fragment).</summary>
    public bool TryMap(Uri uri, out string localPath)
    {
        var text = uri.AbsoluteUri;
        foreach (var (prefix, target) in _entries)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = Uri.UnescapeDataString(text[prefix.Length..]);
            if (rest.Length == 0)
            {
                localPath = target;
                return true;
            }

            // Escaped dot segments ("%2e%2e/") survive URI normalisation; a mapping never reaches outside its folder.
            var candidate = Path.GetFullPath(Path.Combine(target, rest.Replace('/', Path.DirectorySeparatorChar)));
            if (!candidate.StartsWith(Path.TrimEndingDirectorySeparator(target) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            localPath = candidate;
            return true;
        }

        localPath = string.Empty;
        return false;
    }
}
