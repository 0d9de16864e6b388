namespace MockGen.Core.Tests.Generation;

/// <summary>
/// Tests that measure the process's heap must not share it with tests running in parallel; xunit runs this
/// collection alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialGenerationCollection
{
    public const string Name = "serial generation";
}
