using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Functions.Orchestration;
using MockGen.Functions.Tests.Support;
using MockGen.Functions.Triggers;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Triggers;

/// <summary>The blob trigger's body, the real orchestrators and activities under the Durable test host, over Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContractUploadedFunctionTests(AzuriteFixture azurite)
{
    private const string Profile = """{"variants":["typical","minimal"],"countPerTarget":24,"shardSize":5,"seed":"7","environment":"fn"}""";

    [Fact]
    public async Task ContractBlob_ThroughTriggerFunction_CompletesRun_OneLineageRowPerShard_EveryPayloadValid()
    {
        var tenant = TestStores.Unique("fnrun");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString));
        await UploadAsync(app, tenant, "mockgen.profile.json", Encoding.UTF8.GetBytes(Profile));
        await UploadAsync(app, tenant, "pets.json", TestContracts.PetsV1);

        await FireAsync(app, tenant, "pets.json");

        var run = Assert.Single(await PipelineProbe.RunsAsync(app.Pipeline, tenant));
        Assert.Equal("7", run.Spec.Seed);
        var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, run.Spec.RunId), getInputsAndOutputs: true, PipelineProbe.Timeout());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<RunOutcome>()!;
        Assert.Equal(RunStatus.Completed, outcome.Status);

        // 2 targets x 2 variants x 24 payloads in shards of 5: 4 x 5 = 20 shards, one lineage row each.
        Assert.Equal(20, outcome.ShardCount);
        Assert.Equal(96, outcome.Payloads);
        var lineage = await PipelineProbe.LineageAsync(app.Pipeline, tenant, run.Spec.RunId);
        Assert.Equal(20, lineage.Count);
        Assert.Equal(20, lineage.Select(l => l.ShardKey).Distinct(StringComparer.Ordinal).Count());

        var manifest = await PipelineProbe.BytesAsync(app.Pipeline, outcome.ManifestPath);
        Assert.Equal(outcome.ManifestSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(manifest)));
        Assert.True((await app.Pipeline.Runs.GetAsync(tenant, run.Spec.RunId))!.IsSealed);

        var lines = await PipelineProbe.DatasetLinesAsync(app.Pipeline, tenant, run.Spec.RunId);
        Assert.Equal(96, lines.Length);
        var validator = app.Pipeline.Engine.Validators.Compile("pets.json", TestContracts.PetsV1);
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            Assert.Equal(tenant, meta.GetProperty("tenant").GetString());
            Assert.Equal(run.Spec.RunId, meta.GetProperty("testRunId").GetString());
            Assert.Empty(validator.Validate(meta.GetProperty("target").GetString()!, record.RootElement.GetProperty("payload")));
        }
    }

    [Fact]
    public async Task TriggerFiredTwice_AndAgainAfterCompletion_OneVersionOneRunOneExecution()
    {
        var tenant = TestStores.Unique("fndup");
        var calls = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var app = await FunctionsApp.StartAsync(
            PipelineStore.AzureConnectionString(azurite.ConnectionString),
            aroundActivity: (name, call) =>
            {
                calls.AddOrUpdate(name, 1, (_, n) => n + 1);
                return call();
            });
        await UploadAsync(app, tenant, "mockgen.profile.json", Encoding.UTF8.GetBytes(Profile));
        await UploadAsync(app, tenant, "pets.json", TestContracts.PetsV1);

        // Event Grid redelivers: the same event twice, back to back (the second while the run is in flight) ...
        await Task.WhenAll(FireAsync(app, tenant, "pets.json"), FireAsync(app, tenant, "pets.json"));
        var run = Assert.Single(await PipelineProbe.RunsAsync(app.Pipeline, tenant));
        var instance = DurableRunStarter.InstanceId(tenant, run.Spec.RunId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await app.Durable.WaitForInstanceCompletionAsync(instance, PipelineProbe.Timeout())).RuntimeStatus);

        // ... and once more after the run completed.
        await FireAsync(app, tenant, "pets.json");

        var versions = new List<MockGen.Storage.Registry.ContractVersion>();
        await foreach (var v in app.Pipeline.Registry.ListAsync(tenant))
        {
            versions.Add(v);
        }

        Assert.Single(versions);
        Assert.Single(await PipelineProbe.RunsAsync(app.Pipeline, tenant));
        Assert.Equal(1, calls[ActivityNames.ListTargets]);
        Assert.Equal(20, calls[ActivityNames.GenerateShard]);
        Assert.Equal(1, calls[ActivityNames.WriteManifest]);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await app.Durable.GetInstanceAsync(instance))!.RuntimeStatus);
    }

    [Fact]
    public async Task ProfileAndNestedBlobs_AreNotContracts_NothingRegisteredNothingStarted()
    {
        var tenant = TestStores.Unique("fnskip");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString));
        await UploadAsync(app, tenant, "mockgen.profile.json", Encoding.UTF8.GetBytes(Profile));

        await FireAsync(app, tenant, "mockgen.profile.json");
        await Function(app).RunAsync(TestContracts.PetsV1, tenant, "nested/pets.json", app.Durable, CancellationToken.None);
        await Function(app).RunAsync(TestContracts.PetsV1, "Not_A_Tenant", "pets.json", app.Durable, CancellationToken.None);

        await foreach (var _ in app.Pipeline.Registry.ListAsync(tenant))
        {
            Assert.Fail("nothing should be registered");
        }

        Assert.Empty(await PipelineProbe.RunsAsync(app.Pipeline, tenant));
    }

    [Fact]
    public async Task MalformedContract_IsAFailedVersion_AndStartsNoRun()
    {
        var tenant = TestStores.Unique("fnbad");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString));
        await UploadAsync(app, tenant, "bad.json", TestContracts.Malformed);

        await FireAsync(app, tenant, "bad.json");

        var version = Assert.Single(await ToListAsync(app.Pipeline.Registry.ListAsync(tenant)));
        Assert.Equal(MockGen.Storage.Registry.ContractStatus.Failed, version.Status);
        Assert.Contains("bad.json", version.Diagnostics[0], StringComparison.Ordinal);
        Assert.Empty(await PipelineProbe.RunsAsync(app.Pipeline, tenant));
    }

    internal static Task UploadAsync(FunctionsApp app, string tenant, string name, byte[] content) =>
        app.Pipeline.Store.Blobs.WriteAsync($"contracts/{tenant}/{name}", new MemoryStream(content));

    /// <summary>What the host does on a BlobCreated event: read the blob, bind the path tokens, call the function.</summary>
    internal static async Task FireAsync(FunctionsApp app, string tenant, string name)
    {
        var content = await PipelineProbe.BytesAsync(app.Pipeline, $"contracts/{tenant}/{name}");
        await Function(app).RunAsync(content, tenant, name, app.Durable, CancellationToken.None);
    }

    private static ContractUploadedFunction Function(FunctionsApp app) => ActivatorUtilities.CreateInstance<ContractUploadedFunction>(app.Services);

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
