using MockGen.Storage.Registry;

namespace MockGen.Storage.Engine;

/// <summary>
/// The seam to AI enrichment (implemented in MockGen.Ai, which Storage cannot reference): before a shard is
/// generated, asks for the value pools or edge-case proposals of its target under the tenant's <c>ai</c> settings,
/// through the cassette in the store. Async because it reads cassettes (and, when recording, calls the model);
/// generation itself stays synchronous over the data returned.
/// </summary>
public interface IShardEnricher
{
    /// <summary>Prepares one shard's enrichment; called only for tenants whose profile enables AI.</summary>
    /// <param name="request">The shard about to be generated.</param>
    /// <param name="settings">The tenant profile's <c>ai</c> section.</param>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    /// <returns>The pools to generate with, or a failure (a missing cassette entry in replay, a forbidden deployment) that fails the shard.</returns>
    Task<ShardEnrichment> PrepareAsync(ShardGenerationRequest request, TenantAiSettings settings, CancellationToken cancellationToken);
}
