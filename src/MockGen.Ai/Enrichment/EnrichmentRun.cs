using MockGen.Core.Generation.Enrichment;

namespace MockGen.Ai.Enrichment;

/// <summary>The result of an enrichment run: the pools generation draws from, and the report.</summary>
/// <param name="Pools">Pass as <c>GenerationOptions.Enrichment</c>.</param>
/// <param name="Report">For the run summary.</param>
public sealed record EnrichmentRun(EnrichmentPools Pools, EnrichmentReport Report);
