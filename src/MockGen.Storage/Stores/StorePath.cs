namespace MockGen.Storage.Stores;

/// <summary>
/// A validated blob path <c>container/segment/.../name</c>. Both stores accept only these, so no caller-supplied
/// id can climb out of its folder (<c>..</c>), hide a separator (<c>\</c>, encoded slashes arrive decoded as
/// <c>%2F</c> text and are rejected) or name a root.
/// </summary>
internal readonly record struct StorePath
{
    private StorePath(string container, string name)
    {
        Container = container;
        Name = name;
    }

    public string Container { get; }

    public string Name { get; }

    public string Full => Container + "/" + Name;

    public static StorePath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1)
        {
            throw MockGenStorageException.InvalidPath(path, "expected container/name");
        }

        var container = path[..slash];
        if (!IsContainerName(container))
        {
            throw MockGenStorageException.InvalidPath(path, "the container must be 3-63 lowercase letters, digits or '-'");
        }

        var name = path[(slash + 1)..];
        ValidateName(path, name);
        return new StorePath(container, name);
    }

    public static StorePath Prefix(string prefix)
    {
        // A listing prefix is a path that may end in '/' or be just a container.
        var trimmed = prefix.TrimEnd('/');
        if (!trimmed.Contains('/', StringComparison.Ordinal))
        {
            if (!IsContainerName(trimmed))
            {
                throw MockGenStorageException.InvalidPath(prefix, "the container must be 3-63 lowercase letters, digits or '-'");
            }

            return new StorePath(trimmed, string.Empty);
        }

        var parsed = Parse(trimmed);
        return prefix.EndsWith('/') ? new StorePath(parsed.Container, parsed.Name + "/") : parsed;
    }

    private static void ValidateName(string path, string name)
    {
        if (name.Length > 1024)
        {
            throw MockGenStorageException.InvalidPath(path, "longer than 1024 characters");
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                throw MockGenStorageException.InvalidPath(path, "empty, '.' or '..' segments are not allowed");
            }

            foreach (var c in segment)
            {
                if (char.IsControl(c) || c is '\\' or '%' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '#')
                {
                    throw MockGenStorageException.InvalidPath(path, $"character '{c}' is not allowed");
                }
            }
        }
    }

    private static bool IsContainerName(string s)
    {
        if (s.Length is < 3 or > 63)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }

        return s[0] != '-' && s[^1] != '-';
    }
}
