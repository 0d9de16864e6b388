namespace MockGen.Ai.Enrichment;

/// <summary>The run inputs an enrichment request depends on (they are in its seed, so in its cassette key).</summary>
/// <param name="ContractVersion">The contract's <c>sha256:</c> version.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Tenant">The run's tenant, or null.</param>
/// <param name="Locale">The locale values are asked in.</param>
public sealed record EnrichmentContext(string ContractVersion, string Seed, string? Tenant, string Locale);
