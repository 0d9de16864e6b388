using MockGen.Core.Generation.Enrichment;

namespace MockGen.Ai.Cassettes;

/// <summary>One target's enrichment plan as stored at <c>ai-cassettes/{tenant}/plans/{hex}.json</c>.</summary>
/// <param name="Identity">The planner's identity of the target (<c>DatasetGenerator.PlanIdentity</c>) the file name hashes, kept for review and checked on read.</param>
/// <param name="Plan">The plan the probes found.</param>
public sealed record StoredPlan(string Identity, EnrichmentTargetPlan Plan);
