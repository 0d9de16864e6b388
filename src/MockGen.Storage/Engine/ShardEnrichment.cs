using MockGen.Core.Generation.Enrichment;

namespace MockGen.Storage.Engine;

/// <summary>What <see cref="IShardEnricher.PrepareAsync"/> produced for one shard.</summary>
/// <param name="Pools">The pools and proposals to generate with; null to generate without enrichment.</param>
/// <param name="Failure">Why the shard cannot be generated as configured (it then fails with this message), or null.</param>
/// <param name="Summary">One line for logs and the shard's result: answers by verdict, tokens, estimated cost; null when nothing was asked.</param>
public sealed record ShardEnrichment(EnrichmentPools? Pools, string? Failure, string? Summary);
