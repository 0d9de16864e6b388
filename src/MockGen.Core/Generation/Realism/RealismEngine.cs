using System.Text.Json;
using MockGen.Core.Generation.Formats;
using MockGen.Core.Generation.Patterns;
using MockGen.Core.Generation.Random;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Production-looking leaf values chosen by property name, format and pattern together, coherent within a
/// record. Immutable and thread-safe once built; every draw comes from the <see cref="Prng"/> passed in.
/// </summary>
/// <remarks>
/// A string goes through, in order: a hint (profile by pointer, profile by name, then the schema's
/// <c>x-mockgen</c>), the tenant, name-based realism, the format generator, the pattern generator. Each
/// candidate must pass <see cref="Accept"/> (lengths in code points, every pattern, and the validator's own
/// format check) before it is returned, so realism never costs validity.
/// </remarks>
internal sealed partial class RealismEngine
{
    private const int FallbackAttempts = 8;

    private static readonly HashSet<string> s_passthroughFormats = new(StringComparer.Ordinal) { "byte", "binary", "password", "int32", "int64", "float", "double" };

    private readonly string _locale;
    private readonly string? _tenant;
    private readonly HashSet<string> _tenantNames;
    private readonly DateTimeOffset _windowStart;
    private readonly DateTimeOffset _windowEnd;
    private readonly RealismProfile? _profile;
    private readonly bool _useRealism;
    private readonly RealismLevel _level;

    /// <summary>Builds an engine; the options are validated and copied.</summary>
    /// <exception cref="RealismConfigurationException">Some option is invalid; the message lists every problem.</exception>
    public RealismEngine(RealismOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = options.Profile;
        var problems = new List<string>();

        var locale = options.Locale ?? profile?.Locale ?? "en";
        _locale = RealismOptions.NormalizeLocale(locale) ?? string.Empty;
        if (_locale.Length == 0)
        {
            problems.Add($"Locale \"{locale}\" has no Bogus data (try en, de, fr, es, it, nl, pt_BR, en_GB)");
        }

        if (options.Tenant is { Length: 0 })
        {
            problems.Add("Tenant must not be empty (use null for no tenant)");
        }

        var tenantNames = options.TenantPropertyNames ?? profile?.TenantProperties ?? RealismOptions.DefaultTenantPropertyNames;
        if (tenantNames.Any(string.IsNullOrEmpty))
        {
            problems.Add("TenantPropertyNames must not contain empty names");
        }

        _windowStart = options.TimeWindowStart ?? profile?.TimeWindowStart ?? RealismOptions.DefaultWindowStart;
        _windowEnd = options.TimeWindowEnd ?? profile?.TimeWindowEnd ?? RealismOptions.DefaultWindowEnd;
        if (_windowEnd <= _windowStart)
        {
            problems.Add($"TimeWindowEnd ({_windowEnd:O}) must be after TimeWindowStart ({_windowStart:O})");
        }

        CheckProbability(problems, nameof(options.ExamplesProbability), options.ExamplesProbability);
        CheckProbability(problems, nameof(options.DefaultProbability), options.DefaultProbability);
        CheckProbability(problems, nameof(options.EnumFirstValueProbability), options.EnumFirstValueProbability);
        if (problems.Count > 0)
        {
            throw RealismConfigurationException.InvalidOptions(problems);
        }

        _tenant = options.Tenant;
        _tenantNames = new HashSet<string>(tenantNames, StringComparer.Ordinal);
        _profile = profile;
        _useRealism = options.UseRealism;
        _level = options.Realism ?? profile?.Realism ?? RealismLevel.Synthetic;
        ExamplesProbability = options.ExamplesProbability;
        DefaultProbability = options.DefaultProbability;
        EnumFirstValueProbability = options.EnumFirstValueProbability;
    }

    /// <summary>The Bogus locale in use.</summary>
    public string Locale => _locale;

    /// <summary>How real personal data may look in this run.</summary>
    public RealismLevel Level => _level;

    /// <summary>The run's tenant, or null.</summary>
    public string? Tenant => _tenant;

    /// <summary>See <see cref="RealismOptions.ExamplesProbability"/>.</summary>
    public double ExamplesProbability { get; }

    /// <summary>See <see cref="RealismOptions.DefaultProbability"/>.</summary>
    public double DefaultProbability { get; }

    /// <summary>See <see cref="RealismOptions.EnumFirstValueProbability"/>.</summary>
    public double EnumFirstValueProbability { get; }

    /// <summary>True when a property of this name carries the run's tenant (and a tenant is set).</summary>
    public bool IsTenantProperty(string? propertyName) => _tenant is not null && propertyName is not null && _tenantNames.Contains(propertyName);

    /// <summary>A new coherence record for one object instance; pass it in every <see cref="ValueContext"/> of that object.</summary>
    public RecordContext CreateRecord(Prng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return new RecordContext(rng, _locale, _windowStart, _windowEnd);
    }

    /// <summary>A string for <paramref name="context"/>; false means "no opinion" (the walker falls back).</summary>
    public bool TryGenerateString(ValueContext context, Prng rng, out string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rng);
        var hint = FindHint(context);
        if (hint is not null && TryHintString(hint, context, rng.Fork("hint"), out value))
        {
            return true;
        }

        if (IsTenantProperty(context.PropertyName) && Accept(context, _tenant!))
        {
            value = _tenant!;
            return true;
        }

        // A sensitive field is synthetic whatever the run's level; the rest follow the level.
        var sensitive = IsSensitive(context);
        var synthetic = sensitive || _level == RealismLevel.Synthetic;
        if (_useRealism && (context.Format is null || !s_passthroughFormats.Contains(context.Format))
            && TryRealisticString(context, rng.Fork("realism"), synthetic, out value))
        {
            return true;
        }

        if (context.Format is { } format && FormatGenerator.IsKnown(format))
        {
            var formatRng = rng.Fork("format");
            for (var attempt = 0; attempt < FallbackAttempts; attempt++)
            {
                if (FormatGenerator.TryGenerate(format, formatRng, context.MinLength, context.MaxLength, out value, lifelike: !synthetic) && Accept(context, value)
                    && !(synthetic && SyntheticRanges.LooksReal(value)))
                {
                    return true;
                }
            }
        }

        if (context.Pattern is { } pattern)
        {
            // A pattern such as ^[0-9]{16}$ draws a Luhn-valid number one time in ten: redraw what looks like someone's.
            var patternRng = rng.Fork("pattern");
            for (var attempt = 0; attempt < FallbackAttempts; attempt++)
            {
                if (PatternGenerator.TryGenerate(pattern, patternRng, context.MinLength, context.MaxLength, out value) && Accept(context, value)
                    && !(synthetic && SyntheticRanges.LooksReal(value)))
                {
                    return true;
                }
            }
        }

        if (sensitive && context.Format is null && context.Pattern is null)
        {
            // No rule knows this secret's shape: random hex within the lengths, so nothing real (nor an AI pool) fills it.
            var length = Math.Max(context.MinLength, Math.Min(context.MaxLength ?? 32, 32));
            if (context.MaxLength is null || length <= context.MaxLength)
            {
                value = Digits(rng.Fork("sensitive"), length, "0123456789abcdef");
                return Accept(context, value);
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>
    /// True when the field at <paramref name="instancePointer"/> is sensitive: named like a secret or personal
    /// identifier, or marked <c>sensitive: true</c> by the profile or the contract's <c>x-mockgen</c>.
    /// </summary>
    public bool IsSensitive(string instancePointer, string? propertyName, JsonElement? contractHint)
    {
        if (SensitiveFields.IsSensitiveName(propertyName) || _profile?.Find(instancePointer, propertyName) is { Sensitive: true })
        {
            return true;
        }

        return contractHint is { ValueKind: JsonValueKind.Object } raw && raw.TryGetProperty("sensitive", out var flag) && flag.ValueKind == JsonValueKind.True;
    }

    // The profile's hint and the contract's are both asked: a profile hint for other reasons does not unmark the field.
    private bool IsSensitive(ValueContext context) =>
        SensitiveFields.IsSensitiveName(context.PropertyName) || context.Hint is { Sensitive: true } || _profile?.Find(context.InstancePointer, context.PropertyName) is { Sensitive: true };

    /// <summary>A value pinned by a hint's <c>values</c> list, of any JSON type; false when there is none.</summary>
    public bool TryPickHintValue(ValueContext context, Prng rng, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rng);
        if (FindHint(context)?.Values is { Count: > 0 } values)
        {
            value = rng.Fork("hint").Pick(values);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// True when <paramref name="candidate"/> satisfies the context's lengths (code points), every pattern, and
    /// the validator's check of the context's format.
    /// </summary>
    public static bool Accept(ValueContext context, string candidate)
    {
        var length = FormatGenerator.CodePointLength(candidate);
        if (length < context.MinLength || (context.MaxLength is { } max && length > max))
        {
            return false;
        }

        if (context.Pattern is { } pattern && !PatternGenerator.IsMatch(pattern, candidate))
        {
            return false;
        }

        if (context.AdditionalPatterns is { } more && more.Any(p => !PatternGenerator.IsMatch(p, candidate)))
        {
            return false;
        }

        return context.Format is null || (FormatValidator.IsValid(context.Format, candidate) && FormatGenerator.Conforms(context.Format, candidate));
    }

    private MockGenHint? FindHint(ValueContext context) => _profile?.Find(context.InstancePointer, context.PropertyName) ?? context.Hint;

    private bool TryHintString(MockGenHint hint, ValueContext context, Prng rng, out string value)
    {
        if (hint.Values is { Count: > 0 } values)
        {
            var acceptable = values
                .Where(v => v.ValueKind == JsonValueKind.String && Accept(context, v.GetString()!))
                .Select(v => v.GetString()!)
                .ToList();
            if (acceptable.Count > 0)
            {
                value = rng.Pick(acceptable);
                return true;
            }
        }

        if (hint.Faker is { } faker)
        {
            for (var attempt = 0; attempt < FallbackAttempts; attempt++)
            {
                var candidate = FakerCatalog.Invoke(faker, BogusFaker.For(_locale, rng), rng);
                if (Accept(context, candidate))
                {
                    value = candidate;
                    return true;
                }
            }
        }

        value = string.Empty;
        return false;
    }

    private static void CheckProbability(List<string> problems, string name, double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            problems.Add($"{name} must be between 0 and 1 (was {value})");
        }
    }
}
