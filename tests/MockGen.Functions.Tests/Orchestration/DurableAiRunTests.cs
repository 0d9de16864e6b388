using System.Text;
using Microsoft.DurableTask.Client;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Gateway;
using MockGen.Ai.Pipeline;
using MockGen.Functions.Orchestration;
using MockGen.Functions.Tests.Support;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Functions.Tests.Orchestration;

/// <summary>
/// The Functions app's enrichment: the real orchestrator and activities under the Durable test host over Azurite,
/// replaying a cassette the local pipeline recorded against the loopback fake, with the fake stopped.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableAiRunTests(AzuriteFixture azurite)
{
    private const string Profile = """
        {"variants":["typical","edge"],"countPerTarget":6,"shardSize":4,"seed":"5",
         "ai":{"enabled":true,"deployments":["gpt-4o-mini"],"edgeCount":3,"cost":{"promptPer1K":0.15,"completionPer1K":0.6}}}
        """;

    [Fact]
    public async Task EnrichedRun_UnderDurable_ReplaysTheLocalPipelinesCassette_SameManifestAndShardBytes()
    {
        var tenant = TestStores.Unique("fnai");
        var contract = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"));

        // The local pipeline (what `mockgen serve` runs) records the answers into its own folder store.
        await using var fake = await FakeAzureOpenAIServer.StartAsync();
        var localStore = PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-fn-ai-").FullName);
        var live = new AzureOpenAIGatewayOptions { Endpoint = fake.Endpoint, ApiKey = fake.ApiKey, Retry = new ModelRetryOptions { MaxAttempts = 2 } };
        var local = new MockGenPipeline(localStore, CoreEngine.Create(TimeProvider.System).WithAiEnrichment(localStore, new AiShardEnricherOptions { Mode = CassetteMode.Record, Live = live }), TimeProvider.System);
        var spec = await RegisterAsync(local, tenant, contract);
        var expected = await local.Runner.RunAsync(spec);
        Assert.Equal(RunStatus.Completed, expected.Status);
        var sent = fake.Requests.Count;
        Assert.True(sent > 0);
        await fake.StopAsync();

        // The Functions app in its default mode (replay), over Azurite, with only the cassette copied across.
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        await using var app = await FunctionsApp.StartAsync(store);
        var copied = 0;
        await foreach (var entry in localStore.Blobs.ListAsync("ai-cassettes/" + tenant + "/"))
        {
            await using var content = (await localStore.Blobs.OpenReadAsync(entry.Path))!;
            await store.Blobs.WriteAsync(entry.Path, content);
            copied++;
        }

        Assert.True(copied > 0);
        Assert.Equal(spec.RunId, (await RegisterAsync(app.Pipeline, tenant, contract)).RunId);
        await new DurableRunStarter(app.Durable, app.Pipeline.Runs).StartAsync(spec);
        var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, spec.RunId), getInputsAndOutputs: true, PipelineProbe.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<RunOutcome>()!;
        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(sent, fake.Requests.Count);
        Assert.Equal(expected.ManifestSha256, outcome.ManifestSha256);
        Assert.Equal(await PipelineProbe.BytesAsync(local, expected.ManifestPath), await PipelineProbe.BytesAsync(app.Pipeline, outcome.ManifestPath));
        var rows = await PipelineProbe.LineageAsync(app.Pipeline, tenant, spec.RunId);
        var expectedRows = await PipelineProbe.LineageAsync(local, tenant, spec.RunId);
        Assert.Equal(expectedRows.Select(r => r.ShardKey + " " + r.Sha256), rows.Select(r => r.ShardKey + " " + r.Sha256));
        foreach (var (actual, wanted) in rows.Zip(expectedRows))
        {
            Assert.Equal(await PipelineProbe.BytesAsync(local, wanted.BlobPath), await PipelineProbe.BytesAsync(app.Pipeline, actual.BlobPath));
        }

        var lines = await PipelineProbe.DatasetLinesAsync(app.Pipeline, tenant, spec.RunId);
        Assert.Contains(lines, l => l.Contains("\"variant\":\"typical\"", StringComparison.Ordinal) && l.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"variant\":\"edge\"", StringComparison.Ordinal) && l.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnrichedRun_UnderDurable_WithoutCassette_CompletesWithErrorsNamingTheEntry()
    {
        var tenant = TestStores.Unique("fnaimiss");
        var contract = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"));
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString));
        var spec = await RegisterAsync(app.Pipeline, tenant, contract);

        await new DurableRunStarter(app.Durable, app.Pipeline.Runs).StartAsync(spec);
        var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, spec.RunId), getInputsAndOutputs: true, PipelineProbe.Timeout());

        // Installed by the app by default (replay): a tenant enabling AI without a cassette gets named failures, not deterministic data.
        var outcome = done.ReadOutputAs<RunOutcome>()!;
        Assert.Equal(RunStatus.CompletedWithErrors, outcome.Status);
        Assert.Contains(outcome.Failures, f => f.Contains("AI enrichment: ai-cassettes/" + tenant + "/", StringComparison.Ordinal) && f.Contains("no cassette entry", StringComparison.Ordinal));
    }

    private static async Task<RunSpec> RegisterAsync(MockGenPipeline pipeline, string tenant, byte[] contract)
    {
        var profile = Encoding.UTF8.GetBytes(Profile);
        await pipeline.Store.Blobs.WriteAsync("contracts/" + tenant + "/" + Identifiers.ProfileBlobName, new MemoryStream(profile));
        var version = await pipeline.Registry.RegisterAsync(tenant, "payments-api.yaml", contract);
        return RunSpec.FromProfile(tenant, "payments-api.yaml", version.Version, TenantProfile.Parse("profile", profile), maxParallelShards: 3);
    }
}
