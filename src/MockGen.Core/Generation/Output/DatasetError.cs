namespace MockGen.Core.Generation.Output;

/// <summary>
/// An error record of a dataset: a contract, target or payload index that produced no payload, written in its
/// place as <c>{"meta": {contract, …, "error": "…"}}</c> (no <c>payload</c>), so a dataset says what it lacks and why.
/// </summary>
/// <param name="Contract">The contract's path as the user named it.</param>
/// <param name="ContractVersion">The contract's version, or null when it could not be loaded.</param>
/// <param name="Target">The target id, or null when the whole contract failed.</param>
/// <param name="Variant">The variant name, or null when every variant failed alike.</param>
/// <param name="Index">The payload index, or null when the whole target failed.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Tenant">The run's tenant, or null.</param>
/// <param name="Environment">The run's environment, or null.</param>
/// <param name="TestRunId">The test run id, or null.</param>
/// <param name="Error">What went wrong, location first (file, JSON Pointer, rule).</param>
/// <param name="Kind">One of <see cref="TargetFailureKinds"/>.</param>
/// <param name="SchemaLocation">The schema keyword path responsible, or null.</param>
public sealed record DatasetError(
    string Contract,
    string? ContractVersion,
    string? Target,
    string? Variant,
    long? Index,
    string Seed,
    string? Tenant,
    string? Environment,
    string? TestRunId,
    string Error,
    string Kind,
    string? SchemaLocation)
{
    /// <summary>The generator that wrote the record; <see cref="GeneratorVersion.Value"/> by default.</summary>
    public string Generator { get; init; } = GeneratorVersion.Value;

    /// <summary>In the scenarios mode, the scenario whose payload failed (written as <c>meta.scenario.name</c>, as on its payloads); null otherwise.</summary>
    public string? Scenario { get; init; }
}
