using MockGen.Storage.Engine;
using MockGen.Storage.Stores;

namespace MockGen.Ai.Pipeline;

/// <summary>
/// How a host adds AI enrichment to the pipeline's engine: one call, so <c>mockgen serve</c> and the Functions app
/// install the same <see cref="AiShardEnricher"/> the same way. It only acts for tenants whose profile says
/// <c>ai.enabled: true</c>; every other tenant's runs are exactly as without it.
/// </summary>
public static class AiPipelineEngine
{
    /// <summary>Returns <paramref name="engine"/> with <see cref="PipelineEngine.Enricher"/> set over <paramref name="store"/>'s cassettes.</summary>
    /// <exception cref="ArgumentException">Record or live mode without live options.</exception>
    public static PipelineEngine WithAiEnrichment(this PipelineEngine engine, PipelineStore store, AiShardEnricherOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        return engine with { Enricher = new AiShardEnricher(store, options) };
    }
}
