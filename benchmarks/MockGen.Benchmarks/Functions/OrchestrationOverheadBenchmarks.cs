using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using MockGen.Functions.Orchestration;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Engine;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Benchmarks.Functions;

/// <summary>
/// What Durable orchestration costs per shard: the same run (a small flat contract, <see cref="Shards"/> shards of
/// <see cref="ShardSize"/> payloads, a local-folder store) through the Functions app's orchestrator and activity
/// functions under the Durable in-process test host (gRPC sidecar, history replay, JSON messages) versus
/// <see cref="LocalOrchestrationRunner"/>. Overhead per shard = (Durable mean - Local mean) / shards. The test host
/// is not the Azure Storage backend (queues and tables add their own latency), so this is a lower bound.
/// </summary>
[MemoryDiagnoser]
public class OrchestrationOverheadBenchmarks
{
    private const string Flat = """
        {"openapi":"3.1.0","info":{"title":"flat","version":"1"},"paths":{},"components":{"schemas":{
          "Order":{"type":"object","required":["id","total","paid"],"properties":{"id":{"type":"integer","minimum":1},"total":{"type":"number","minimum":0,"maximum":10000},"paid":{"type":"boolean"}}}}}}
        """;

    private MockGenPipeline _pipeline = null!;
    private DurableTaskTestHost? _host;
    private string _version = null!;
    private int _invocation;

    /// <summary>Shards per run (one target, one variant).</summary>
    [Params(8, 32)]
    public int Shards { get; set; }

    /// <summary>Payloads per shard: small, so orchestration rather than generation dominates.</summary>
    public int ShardSize { get; set; } = 5;

    [Params("Local", "Durable")]
    public string Runner { get; set; } = "Local";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var store = PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-bench-durable-").FullName);
        _pipeline = new MockGenPipeline(store, CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        var functions = new ActivityFunctions(_pipeline.Activities);
        _version = (await _pipeline.Registry.RegisterAsync("bench", "flat.json", System.Text.Encoding.UTF8.GetBytes(Flat))).Version;
        if (Runner == "Durable")
        {
            _host = await DurableTaskTestHost.StartAsync(r =>
            {
                r.AddOrchestratorFunc<RunSpec, RunOutcome>(RunOrchestrator.Name, (context, spec) => OrchestratorFunctions.RunAsync(context, spec));
                r.AddActivityFunc<TargetListRequest, TargetList>(ActivityNames.ListTargets, (_, input) => functions.ListTargetsAsync(input, CancellationToken.None));
                r.AddActivityFunc<ShardSpec, ShardResult>(ActivityNames.GenerateShard, (_, input) => functions.GenerateShardAsync(input, CancellationToken.None));
                r.AddActivityFunc<ManifestRequest, RunOutcome>(ActivityNames.WriteManifest, (_, input) => functions.WriteManifestAsync(input, CancellationToken.None));
            });
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Benchmark]
    public async Task<long> Run()
    {
        // A fresh run id per invocation: every shard is generated, nothing reused.
        var runId = "b" + Interlocked.Increment(ref _invocation).ToString(CultureInfo.InvariantCulture);
        var profile = new TenantProfile { CountPerTarget = Shards * ShardSize, ShardSize = ShardSize, Seed = "1" };
        var spec = RunSpec.FromProfile("bench", "flat.json", _version, profile, runId, maxParallelShards: 4);
        if (_host is null)
        {
            return (await _pipeline.Runner.RunAsync(spec)).Payloads;
        }

        await _pipeline.Runs.StartAsync(spec);
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(RunOrchestrator.Name, spec, new StartOrchestrationOptions(DurableRunStarter.InstanceId(spec.Tenant, spec.RunId)));
        var done = await _host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        return done.ReadOutputAs<RunOutcome>()!.Payloads;
    }
}
