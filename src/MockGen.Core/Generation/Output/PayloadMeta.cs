namespace MockGen.Core.Generation.Output;

/// <summary>The lineage of one generated payload: the <c>meta</c> object of a dataset record.</summary>
/// <param name="Contract">The contract's path as the user named it (relative to the folder for a folder run).</param>
/// <param name="ContractVersion">The contract's <c>sha256:</c> version.</param>
/// <param name="Target">The target id.</param>
/// <param name="Variant">The variant name, e.g. <c>typical</c>.</param>
/// <param name="Index">The payload's index within its target and variant.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Tenant">The run's tenant, or null.</param>
/// <param name="Environment">The run's environment, or null.</param>
/// <param name="TestRunId">The test run id, or null.</param>
/// <param name="Violation">For a negative payload, the constraint it breaks; otherwise null.</param>
public sealed record PayloadMeta(
    string Contract,
    string ContractVersion,
    string Target,
    string Variant,
    long Index,
    string Seed,
    string? Tenant,
    string? Environment,
    string? TestRunId,
    PayloadViolation? Violation)
{
    /// <summary>The generator that produced the payload; <see cref="GeneratorVersion.Value"/> by default.</summary>
    public string Generator { get; init; } = GeneratorVersion.Value;

    /// <summary>The AI provenance (<c>meta.ai</c>) when the payload's target was enriched; null otherwise.</summary>
    public PayloadAiMeta? Ai { get; init; }

    /// <summary>The named scenario (<c>meta.scenario</c>) the payload was written for; null outside the scenarios mode.</summary>
    public PayloadScenarioMeta? Scenario { get; init; }
}
