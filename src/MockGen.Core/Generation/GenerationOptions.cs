using System.Globalization;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Realism;

namespace MockGen.Core.Generation;

/// <summary>How a dataset is generated. Validated once when a <see cref="DatasetGenerator"/> is built, which copies it.</summary>
public sealed class GenerationOptions
{
    /// <summary>The run's seed; with the contract version, target, variant, tenant, environment and index it fixes every byte. Default <c>0</c>.</summary>
    public string Seed { get; set; } = "0";

    /// <summary>Payloads per target and variant. Default 10.</summary>
    public long Count { get; set; } = 10;

    /// <summary>
    /// The first payload index (default 0): a run covers indices <c>FirstIndex</c> to <c>FirstIndex + Count - 1</c>,
    /// and index 500 is the same payload whether it is generated alone or as part of a larger run.
    /// </summary>
    public long FirstIndex { get; set; }

    /// <summary>The variants to generate, in order. Default: typical only.</summary>
    public IReadOnlyList<GenerationVariant> Variants { get; set; } = [GenerationVariant.Typical];

    /// <summary>The run's tenant, written into tenant-named properties and <c>meta.tenant</c>. Default none.</summary>
    public string? Tenant { get; set; }

    /// <summary>The run's environment (<c>meta.environment</c>, part of the seed). Default none.</summary>
    public string? Environment { get; set; }

    /// <summary>The test run id recorded in <c>meta.testRunId</c> (not part of the seed). Default none.</summary>
    public string? TestRunId { get; set; }

    /// <summary>The locale realistic values are drawn in. Default <c>en</c>.</summary>
    public string Locale { get; set; } = "en";

    /// <summary>A realism profile (time window, per-property hints, locale); null for none. Default none.</summary>
    public RealismProfile? Profile { get; set; }

    /// <summary>
    /// How real personal data may look: null (the default) takes the profile's <c>realism</c>, else
    /// <see cref="RealismLevel.Synthetic"/> (reserved email domains, test card numbers, fictional phones and ids).
    /// </summary>
    public RealismLevel? Realism { get; set; }

    /// <summary>Property names that carry the tenant. Default <c>tenant_id</c>, <c>tenantId</c>, <c>tenant</c>.</summary>
    public IReadOnlyList<string> TenantProperties { get; set; } = ["tenant_id", "tenantId", "tenant"];

    /// <summary>Candidates tried per payload before a target is reported as failing. Default 20.</summary>
    public int MaxAttempts { get; set; } = TargetGenerator.DefaultMaxAttempts;

    /// <summary>Worker threads; output is byte-identical whatever the value. Default 1.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Whether the gate asserts <c>format</c>. Default true (a test-data gate wants real dates and emails).</summary>
    public bool AssertFormats { get; set; } = true;

    /// <summary>The clock used only to measure throughput for the summary; never shapes a payload. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Value pools for free string leaves (from an AI provider, replayed from a cassette); null generates without
    /// enrichment. Default none. Pools never bypass the gate: every payload is validated as usual.
    /// </summary>
    public EnrichmentPools? Enrichment { get; set; }

    /// <summary>
    /// Named scenarios with the payloads a model proposed for them; a target with scenarios is generated once per
    /// scenario (<see cref="Count"/> payloads each, typical as the deterministic base) instead of once per variant,
    /// every candidate repaired and gated. Null generates by variant. Default none.
    /// </summary>
    public ScenarioSet? Scenarios { get; set; }

    internal GenerationOptions Copy() => new()
    {
        Seed = Seed,
        Count = Count,
        FirstIndex = FirstIndex,
        Variants = [.. Variants],
        Tenant = Tenant,
        Environment = Environment,
        TestRunId = TestRunId,
        Locale = Locale,
        Profile = Profile,
        Realism = Realism,
        TenantProperties = [.. TenantProperties],
        MaxAttempts = MaxAttempts,
        Parallelism = Parallelism,
        AssertFormats = AssertFormats,
        TimeProvider = TimeProvider,
        Enrichment = Enrichment,
        Scenarios = Scenarios,
    };

    /// <exception cref="GenerationException">Lists every invalid field.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (Seed is null)
        {
            problems.Add("Seed must not be null");
        }

        if (Count < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Count must be 0 or more (was {Count})"));
        }

        if (FirstIndex < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"FirstIndex must be 0 or more (was {FirstIndex})"));
        }

        if (Variants is null || Variants.Count == 0)
        {
            problems.Add("Variants must name at least one variant");
        }

        if (MaxAttempts < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxAttempts must be at least 1 (was {MaxAttempts})"));
        }

        if (Parallelism < 1 || Parallelism > 256)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Parallelism must be between 1 and 256 (was {Parallelism})"));
        }

        if (string.IsNullOrWhiteSpace(Locale))
        {
            problems.Add("Locale must not be empty");
        }

        if (TenantProperties is null)
        {
            problems.Add("TenantProperties must not be null");
        }

        if (TimeProvider is null)
        {
            problems.Add("TimeProvider must not be null");
        }

        if (problems.Count > 0)
        {
            throw GenerationException.InvalidOptions(problems);
        }
    }
}
