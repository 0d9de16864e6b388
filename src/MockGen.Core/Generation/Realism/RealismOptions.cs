namespace MockGen.Core.Generation.Realism;

/// <summary>How realistic leaf values are chosen. Validated once, when a realism engine is built from it.</summary>
public sealed class RealismOptions
{
    /// <summary>The default tenant property names.</summary>
    public static readonly IReadOnlyList<string> DefaultTenantPropertyNames = ["tenant_id", "tenantId", "tenant", "tenantID"];

    /// <summary>The Bogus locale (<c>en</c>, <c>de</c>, <c>fr</c>, <c>en_GB</c>; <c>de-DE</c> is read as <c>de_DE</c> or <c>de</c>).
    /// <value>Null: the profile's locale, else <c>en</c>.</value></summary>
    public string? Locale { get; set; }

    /// <summary>The run's tenant; properties named in <see cref="TenantPropertyNames"/> carry it. <value>Null: no tenant.</value></summary>
    public string? Tenant { get; set; }

    /// <summary>Property names that name a tenant. <value>Null: the profile's list, else <see cref="DefaultTenantPropertyNames"/>.</value></summary>
    public IReadOnlyList<string>? TenantPropertyNames { get; set; }

    /// <summary>The earliest timestamp generated. <value>Null: the profile's, else 2024-01-01T00:00:00Z.</value></summary>
    public DateTimeOffset? TimeWindowStart { get; set; }

    /// <summary>The latest timestamp generated. <value>Null: the profile's, else 2025-12-31T23:59:59Z.</value></summary>
    public DateTimeOffset? TimeWindowEnd { get; set; }

    /// <summary>How often the walker uses a schema's <c>examples</c> instead of generating. <value>0.5</value></summary>
    public double ExamplesProbability { get; set; } = 0.5;

    /// <summary>How often the walker uses a schema's <c>default</c> instead of generating. <value>0.2</value></summary>
    public double DefaultProbability { get; set; } = 0.2;

    /// <summary>How often the walker picks an <c>enum</c>'s first value (often the common case) rather than a uniform one. <value>0.3</value></summary>
    public double EnumFirstValueProbability { get; set; } = 0.3;

    /// <summary>False turns name-based realism off: only hints, tenant, formats and patterns remain. <value>true</value></summary>
    public bool UseRealism { get; set; } = true;

    /// <summary>
    /// How real personal data may look (<see cref="RealismLevel"/>). <value>Null: the profile's <c>realism</c>, else
    /// <see cref="RealismLevel.Synthetic"/>.</value>
    /// </summary>
    public RealismLevel? Realism { get; set; }

    /// <summary>A profile whose settings apply where these options leave a value null. <value>null</value></summary>
    public RealismProfile? Profile { get; set; }

    internal static readonly DateTimeOffset DefaultWindowStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset DefaultWindowEnd = new(2025, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>The Bogus locale name for <paramref name="locale"/>, or null when Bogus has no data for it.</summary>
    internal static string? NormalizeLocale(string locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var underscored = locale.Replace('-', '_');
        if (BogusFaker.IsLocale(underscored))
        {
            return underscored;
        }

        var language = underscored.Split('_')[0];
        return BogusFaker.IsLocale(language) ? language : null;
    }
}
