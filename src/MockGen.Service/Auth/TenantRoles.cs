namespace MockGen.Service.Auth;

/// <summary>Parsing and naming of <see cref="TenantRole"/> sets as they appear in key records, API bodies, CLI options and Entra app roles.</summary>
public static class TenantRoles
{
    /// <summary>The single roles, in order.</summary>
    public static IReadOnlyList<TenantRole> Each { get; } = [TenantRole.Reader, TenantRole.Runner, TenantRole.Publisher, TenantRole.Approver, TenantRole.Admin];

    /// <summary>The lowercase name of a single role (<c>reader</c>, ...).</summary>
    public static string Name(TenantRole role) => role switch
    {
        TenantRole.Reader => "reader",
        TenantRole.Runner => "runner",
        TenantRole.Publisher => "publisher",
        TenantRole.Approver => "approver",
        TenantRole.Admin => "admin",
        TenantRole.None => string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a single role"),
    };

    /// <summary>The names of a set of roles, in order.</summary>
    public static IReadOnlyList<string> Names(TenantRole roles) => [.. Each.Where(r => roles.HasFlag(r)).Select(Name)];

    /// <summary>Parses one role name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out TenantRole role)
    {
        role = Each.FirstOrDefault(r => string.Equals(Name(r), name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return role != TenantRole.None;
    }

    /// <summary>Parses role names (a list, or one comma-separated string); <c>all</c> means every role.</summary>
    /// <exception cref="ArgumentException">A name is not a role, or none is given (every bad name is listed).</exception>
    public static TenantRole Parse(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var roles = TenantRole.None;
        var bad = new List<string>();
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
            {
                roles |= TenantRole.All;
            }
            else if (TryParse(name, out var role))
            {
                roles |= role;
            }
            else
            {
                bad.Add(name);
            }
        }

        if (bad.Count > 0)
        {
            throw new ArgumentException($"'{string.Join("', '", bad)}' is not a role: expected {string.Join(", ", Each.Select(Name))} or all");
        }

        return roles == TenantRole.None ? throw new ArgumentException("at least one role is required: " + string.Join(", ", Each.Select(Name))) : roles;
    }
}
