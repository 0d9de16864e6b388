using Microsoft.Extensions.Time.Testing;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Tests.Support;

/// <summary>One store with the registry, catalog, activities and local runner wired over it.</summary>
internal sealed class PipelineHarness
{
    public PipelineHarness(PipelineStore store, Action<string>? activityCompleted = null, MockGen.Storage.Engine.PipelineEngine? engine = null)
    {
        Store = store;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        Engine = engine ?? MockGen.Storage.Engine.CoreEngine.Create(TimeProvider.System);
        Registry = new ContractRegistry(store, Engine.Inspector, Time);
        Runs = new RunCatalog(store.Tables, Time);
        Activities = new PipelineActivities(store, Registry, Engine, Runs);
        Runner = new LocalOrchestrationRunner(Activities, Runs, activityCompleted);
    }

    public PipelineStore Store { get; }

    public FakeTimeProvider Time { get; }

    public MockGen.Storage.Engine.PipelineEngine Engine { get; }

    public ContractRegistry Registry { get; }

    public RunCatalog Runs { get; }

    public PipelineActivities Activities { get; }

    public LocalOrchestrationRunner Runner { get; }

    public LocalOrchestrationRunner NewRunner(Action<string>? activityCompleted) => new(Activities, Runs, activityCompleted);
}
