using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using MockGen.Core.Telemetry;
using MockGen.Core.Tests.Telemetry;
using MockGen.Functions.Orchestration;
using MockGen.Functions.Tests.Support;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Orchestration;

/// <summary>
/// Issue 11 under the Durable test host: the metrics after a run equal its manifest, and the run counters are counted
/// once per run although the orchestrator replays after every activity.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableRunMetricsTests(AzuriteFixture azurite)
{
    // "Rare" gives up on some indexes (one valid value in a hundred): the run completes with errors and retries.
    private static readonly byte[] Contract = Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"c","version":"1"},"paths":{},
         "components":{"schemas":{"Ok":{"type":"boolean"},"Rare":{"type":"integer","minimum":0,"maximum":99,"not":{"maximum":98}}}}}
        """);

    [Fact]
    public async Task Run_UnderDurable_MetricsEqualTheManifest_ActiveOnceWhileRunning()
    {
        var tenant = TestStores.Unique("fnmetrics");
        using var capture = new TelemetryCapture(tenant);
        var shards = 0;
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await FunctionsApp.StartAsync(
            PipelineStore.AzureConnectionString(azurite.ConnectionString),
            aroundActivity: async (name, call) =>
            {
                // The fifth shard waits until the test has looked: by then the orchestrator has replayed several times.
                if (name == ActivityNames.GenerateShard && Interlocked.Increment(ref shards) == 5)
                {
                    paused.TrySetResult();
                    await resume.Task;
                }

                return await call();
            });
        var version = await app.Pipeline.Registry.RegisterAsync(tenant, "c.json", Contract);
        var profile = new TenantProfile { Variants = ["typical", "negative"], CountPerTarget = 25, ShardSize = 10, Seed = "7", Environment = "ci" };
        var spec = RunSpec.FromProfile(tenant, "c.json", version.Version, profile, maxParallelShards: 2);
        await new DurableRunStarter(app.Durable, app.Pipeline.Runs).StartAsync(spec);

        await paused.Task.WaitAsync(PipelineProbe.Timeout());
        Assert.Equal(1, capture.Sum("mockgen.runs.started"));
        Assert.Equal(1, capture.Sum("mockgen.runs.active"));
        Assert.Equal(0, capture.Sum("mockgen.runs.completed"));
        resume.SetResult();
        var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, spec.RunId), getInputsAndOutputs: true, PipelineProbe.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<RunOutcome>()!;
        Assert.Equal(RunStatus.CompletedWithErrors, outcome.Status);
        using var manifest = JsonDocument.Parse(await PipelineProbe.BytesAsync(app.Pipeline, outcome.ManifestPath));
        var planned = manifest.RootElement.GetProperty("shards").EnumerateArray().ToList();
        var failed = planned.Sum(s => s.TryGetProperty("failed", out var n) ? n.GetInt64() : 0);
        Assert.True(failed > 0);
        Assert.Equal(manifest.RootElement.GetProperty("payloads").GetInt64(), capture.Sum("mockgen.payloads.generated"));
        Assert.Equal(failed, capture.Sum("mockgen.payloads.failed"));
        Assert.Equal(planned.Count, capture.Sum("mockgen.shard.duration"));
        foreach (var group in planned.GroupBy(s => (s.GetProperty("target").GetString()!, s.GetProperty("variant").GetString()!)))
        {
            var tags = new (string, object)[] { (TelemetryTags.Target, group.Key.Item1), (TelemetryTags.Variant, group.Key.Item2) };
            Assert.Equal(group.Sum(s => s.GetProperty("count").GetInt64()), capture.Sum("mockgen.payloads.generated", tags));
            Assert.Equal(group.Sum(s => s.TryGetProperty("failed", out var n) ? n.GetInt64() : 0), capture.Sum("mockgen.payloads.failed", tags));
        }

        Assert.True(capture.Sum("mockgen.gate.retries", (TelemetryTags.Keyword, "not")) > 0);
        Assert.Equal(1, capture.Sum("mockgen.runs.started"));
        Assert.Equal(1, capture.Sum("mockgen.runs.completed", (TelemetryTags.RunStatus, "CompletedWithErrors")));
        Assert.Equal(0, capture.Sum("mockgen.runs.failed"));
        Assert.Equal(0, capture.Sum("mockgen.runs.active"));

        // A duplicate start (a redelivered event) schedules nothing and counts nothing.
        await new DurableRunStarter(app.Durable, app.Pipeline.Runs).StartAsync(spec);
        Assert.Equal(1, capture.Sum("mockgen.runs.started"));
    }

    [Fact]
    public async Task FailedRun_UnderDurable_IsCountedFailedOnce_AndNoLongerActive()
    {
        var tenant = TestStores.Unique("fnmfail");
        using var capture = new TelemetryCapture(tenant);
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString));
        // A version the registry never saw: the list-targets activity throws MockGen's not-found error.
        var spec = RunSpec.FromProfile(tenant, "ghost.json", "sha256:" + new string('0', 64), new TenantProfile(), "ghost");
        await new DurableRunStarter(app.Durable, app.Pipeline.Runs).StartAsync(spec);

        var done = await app.Durable.WaitForInstanceCompletionAsync(DurableRunStarter.InstanceId(tenant, "ghost"), PipelineProbe.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, capture.Sum("mockgen.runs.started"));
        Assert.Equal(1, capture.Sum("mockgen.runs.failed", (TelemetryTags.Contract, "ghost.json")));
        Assert.Equal(0, capture.Sum("mockgen.runs.completed"));
        Assert.Equal(0, capture.Sum("mockgen.runs.active"));
    }
}
