namespace MockGen.Ai.Enrichment;

/// <summary>The run an enrichment belongs to.</summary>
/// <param name="ContractVersion">The contract's <c>sha256:</c> version (in every request's seed, so in its cassette key).</param>
/// <param name="Seed">The run's seed: deliberately not in the requests, so one cassette serves every seed.</param>
/// <param name="Tenant">The run's tenant, or null: it picks the cassette folder, never the prompt.</param>
/// <param name="Locale">The locale values are asked in (in the prompt).</param>
public sealed record EnrichmentContext(string ContractVersion, string Seed, string? Tenant, string Locale);
