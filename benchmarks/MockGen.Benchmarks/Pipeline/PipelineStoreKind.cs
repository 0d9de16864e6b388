namespace MockGen.Benchmarks.Pipeline;

public enum PipelineStoreKind
{
    LocalFolder,
    Azurite,
}
