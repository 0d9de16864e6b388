using System.Text.Json;
using Microsoft.DurableTask.Client;
using MockGen.Functions.Orchestration;
using MockGen.Functions.Tests.Support;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Engine;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Orchestration;

/// <summary>The real orchestrators and activities under the Durable test host over Azurite, compared with the local runner.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableRunTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HostLostMidRun_NewHostSameInstanceId_ResumesToTheBytesOfAnUninterruptedRun_NoDuplicateLineage()
    {
        var tenant = TestStores.Unique("fnresume");
        var completed = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var lost = new CancellationTokenSource();
        await using var app = await FunctionsApp.StartAsync(
            PipelineStore.AzureConnectionString(azurite.ConnectionString),
            aroundActivity: async (name, call) =>
            {
                // After six shards the first host stops making progress, as a worker that is going away would.
                if (name == ActivityNames.GenerateShard && Volatile.Read(ref completed) >= 6)
                {
                    await Task.Delay(Timeout.Infinite, lost.Token);
                }

                var result = await call();
                if (name == ActivityNames.GenerateShard && Interlocked.Increment(ref completed) >= 6)
                {
                    halfway.TrySetResult();
                }

                return result;
            });
        var spec = await RegisterAsync(app.Pipeline, tenant, countPerTarget: 30, shardSize: 5);
        var starter = new DurableRunStarter(app.Durable, app.Pipeline.Runs);
        await starter.StartAsync(spec);
        await halfway.Task.WaitAsync(PipelineProbe.Timeout());

        // The whole Durable backend goes away with the host; its replacement knows nothing of the instance.
        await lost.CancelAsync();
        await app.StopDurableAsync();
        await app.StartDurableAsync();
        Assert.Null(await app.Durable.GetInstanceAsync(DurableRunStarter.InstanceId(tenant, spec.RunId)));
        Assert.Equal(RunStatus.Running, (await app.Pipeline.Runs.GetAsync(tenant, spec.RunId))!.Status);

        await new DurableRunStarter(app.Durable, app.Pipeline.Runs).StartAsync(spec);
        var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, spec.RunId), getInputsAndOutputs: true, PipelineProbe.Timeout());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<RunOutcome>()!;
        Assert.Equal(24, outcome.ShardCount);
        Assert.True(outcome.Reused >= 6, "reused " + outcome.Reused);
        Assert.Equal(outcome.ShardCount, outcome.Generated + outcome.Reused);

        // The uninterrupted reference: the same spec on the local runner, in a store of its own.
        var reference = new MockGenPipeline(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-fn-ref-").FullName), CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        await reference.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var expected = await reference.Runner.RunAsync(spec);
        Assert.Equal(expected.ManifestSha256, outcome.ManifestSha256);
        Assert.Equal(await PipelineProbe.BytesAsync(reference, expected.ManifestPath), await PipelineProbe.BytesAsync(app.Pipeline, outcome.ManifestPath));

        var rows = await PipelineProbe.LineageAsync(app.Pipeline, tenant, spec.RunId);
        var expectedRows = await PipelineProbe.LineageAsync(reference, tenant, spec.RunId);
        Assert.Equal(24, rows.Count);
        Assert.Equal(expectedRows.Select(r => r.ShardKey), rows.Select(r => r.ShardKey));
        foreach (var (actual, wanted) in rows.Zip(expectedRows))
        {
            Assert.Equal(wanted.Sha256, actual.Sha256);
            Assert.Equal(await PipelineProbe.BytesAsync(reference, wanted.BlobPath), await PipelineProbe.BytesAsync(app.Pipeline, actual.BlobPath));
        }
    }

    [Fact]
    public async Task Drift_UnderDurable_ReportsWhatTheLocalRunnerReports()
    {
        var tenant = TestStores.Unique("fndrift");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString));
        var spec = await RegisterAsync(app.Pipeline, tenant, countPerTarget: 10, shardSize: 4);
        var starter = new DurableRunStarter(app.Durable, app.Pipeline.Runs);
        await starter.StartAsync(spec);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, spec.RunId), PipelineProbe.Timeout())).RuntimeStatus);
        var v2 = await app.Pipeline.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV2);

        var drift = new DriftSpec(tenant, spec.RunId, "pets.json", v2.Version, 3);
        var report = await starter.DriftAsync(drift, PipelineProbe.Timeout());

        // Every Pet lacks the newly required 'species'; the report is the local runner's, field for field.
        var pets = Assert.Single(report.Targets, t => t.TargetId == "#/components/schemas/Pet");
        Assert.Equal(20, pets.Payloads);
        Assert.Equal(20, pets.Failing);
        var local = await app.Pipeline.Runner.DriftAsync(drift);
        Assert.Equal(JsonSerializer.Serialize(local), JsonSerializer.Serialize(report));
        Assert.NotNull(await app.Pipeline.Store.Blobs.GetEntryAsync($"reports/{tenant}/{spec.RunId}/drift-{v2.Version[7..]}.json"));
    }

    [Fact]
    public async Task FailedOrchestration_IsObservedAsAFailedRun_WithoutRetryingBadInput()
    {
        var tenant = TestStores.Unique("fnfail");
        var listTargets = 0;
        await using var app = await FunctionsApp.StartAsync(
            PipelineStore.AzureConnectionString(azurite.ConnectionString),
            aroundActivity: (name, call) =>
            {
                if (name == ActivityNames.ListTargets)
                {
                    Interlocked.Increment(ref listTargets);
                }

                return call();
            });
        // A version the registry never saw: the list-targets activity throws MockGen's not-found error.
        var spec = RunSpec.FromProfile(tenant, "ghost.json", "sha256:" + new string('0', 64), new TenantProfile(), "ghost");
        var starter = new DurableRunStarter(app.Durable, app.Pipeline.Runs);
        await starter.StartAsync(spec);
        var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, "ghost"), PipelineProbe.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, listTargets);
        var record = (await app.Pipeline.Runs.GetAsync(tenant, "ghost"))!;
        Assert.Equal(RunStatus.Running, record.Status);
        var observed = await starter.ObserveAsync(record);
        Assert.Equal(RunStatus.Failed, observed.Status);
        Assert.Contains("ghost.json", observed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameRunIdInTwoTenants_AreTwoInstances()
    {
        var acme = TestStores.Unique("fnta");
        var globex = TestStores.Unique("fntb");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString));
        var starter = new DurableRunStarter(app.Durable, app.Pipeline.Runs);
        foreach (var tenant in new[] { acme, globex })
        {
            var spec = await RegisterAsync(app.Pipeline, tenant, countPerTarget: 3, shardSize: 5, runId: "nightly");
            await starter.StartAsync(spec);
        }

        foreach (var tenant in new[] { acme, globex })
        {
            var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, "nightly"), getInputsAndOutputs: true, PipelineProbe.Timeout());
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(tenant, done.ReadOutputAs<RunOutcome>()!.Tenant);
            Assert.True((await app.Pipeline.Runs.GetAsync(tenant, "nightly"))!.IsSealed);
        }
    }

    private static async Task<RunSpec> RegisterAsync(MockGenPipeline pipeline, string tenant, int countPerTarget, int shardSize, string? runId = null)
    {
        var version = await pipeline.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var profile = new TenantProfile { Variants = ["typical", "minimal"], CountPerTarget = countPerTarget, ShardSize = shardSize, Seed = "11" };
        return RunSpec.FromProfile(tenant, "pets.json", version.Version, profile, runId, maxParallelShards: 3);
    }
}
