namespace MockGen.Storage.Engine;

/// <summary>The three Core seams the pipeline calls, bundled so hosts wire them once.</summary>
/// <param name="Inspector">Contract loading.</param>
/// <param name="Generator">Shard generation through the validation gate.</param>
/// <param name="Validators">Validation for drift runs.</param>
public sealed record PipelineEngine(IContractInspector Inspector, IShardGenerator Generator, IValidatorFactory Validators)
{
    /// <summary>AI enrichment for tenants whose profile enables it, or null for none (the default): hosts add it.</summary>
    public IShardEnricher? Enricher { get; init; }
}
