namespace MockGen.Storage.Engine;

/// <summary>The production engine: Core's contract loader, generator and validator behind the pipeline's seams.</summary>
public static class CoreEngine
{
    /// <summary>Creates the engine. <paramref name="time"/> only times generation summaries.</summary>
    public static PipelineEngine Create(TimeProvider time) =>
        new(new CoreContractInspector(), new CoreShardGenerator(time), new CoreValidatorFactory());
}
