using MockGen.Core.Generation.Enrichment;

namespace MockGen.Ai.Enrichment;

/// <summary>The plans of a run's targets and how they were obtained.</summary>
/// <param name="Plans">One plan per target, in the targets' order.</param>
/// <param name="Probed">Targets planned by probing payloads (<c>DatasetGenerator.PlanEnrichment</c>).</param>
/// <param name="Stored">Targets whose plan was read from the store, with no probing.</param>
public sealed record EnrichmentPlanning(IReadOnlyList<EnrichmentTargetPlan> Plans, int Probed, int Stored);
