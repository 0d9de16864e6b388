using MockGen.Storage.Lineage;
using MockGen.Storage.Runs;
using MockGen.Storage.Tests.Support;
using static MockGen.Storage.Tests.Runs.RunPipelineTests;

namespace MockGen.Storage.Tests.Runs;

[Collection(AzuriteCollection.Name)]
public sealed class ResumeTests(AzuriteFixture azurite)
{
    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Run_InterruptedMidway_ResumesSkippingFinishedShards_ByteIdenticalToUninterruptedRun(StoreKind kind)
    {
        var tenant = TestStores.Unique("t");

        // The reference: the same run, uninterrupted, in a store of its own.
        var reference = new PipelineHarness(PipelineStoreFactory.Local());
        var refVersion = await reference.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var spec = RunSpec.FromProfile(tenant, "pets.json", refVersion.Version, Profile, maxParallelShards: 2);
        var expected = await reference.Runner.RunAsync(spec);

        // The crash: cancel the run once 5 shards are finished.
        using var crash = new CancellationTokenSource();
        var finished = 0;
        var h = new PipelineHarness(TestStores.Create(kind, azurite), name =>
        {
            if (name == ActivityNames.GenerateShard && Interlocked.Increment(ref finished) == 5)
            {
                crash.Cancel();
            }
        });
        await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Runner.RunAsync(spec, crash.Token));

        var lineage = new LineageIndex(h.Store.Tables);
        var survivors = await ToListAsync(lineage.ListAsync(tenant, spec.RunId));
        Assert.InRange(survivors.Count, 5, 6);
        Assert.Equal(RunStatus.Running, (await h.Runs.GetAsync(tenant, spec.RunId))!.Status);

        // A torn write: one finished shard's blob no longer matches its lineage hash and must be regenerated.
        await h.Store.Blobs.WriteAsync(survivors[0].BlobPath, new MemoryStream("torn"u8.ToArray()));

        var resumed = await h.NewRunner(null).RunAsync(spec);

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(survivors.Count - 1, resumed.Reused);
        Assert.Equal(12 - (survivors.Count - 1), resumed.Generated);
        Assert.Equal(expected.ManifestSha256, resumed.ManifestSha256);
        var rows = await ToListAsync(lineage.ListAsync(tenant, spec.RunId));
        Assert.Equal(12, rows.Count);
        Assert.Equal(12, rows.Select(r => r.ShardKey).Distinct(StringComparer.Ordinal).Count());
        foreach (var row in rows)
        {
            Assert.Equal(await ReadAllAsync(reference.Store.Blobs, row.BlobPath), await ReadAllAsync(h.Store.Blobs, row.BlobPath));
        }

        Assert.Equal(await ReadAllAsync(reference.Store.Blobs, expected.ManifestPath), await ReadAllAsync(h.Store.Blobs, resumed.ManifestPath));
    }

    [Fact]
    public async Task Orchestrator_Replayed_SchedulesTheSameActivitiesInTheSameOrder()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var version = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV1);
        var spec = RunSpec.FromProfile("acme", "pets.json", version.Version, Profile, maxParallelShards: 3);

        var recording = new RecordingContext(h, replay: null);
        var first = await RunOrchestrator.RunAsync(recording, spec);

        // Replay from history, as Durable does after a restart: every activity result comes from the record.
        var replay = new RecordingContext(h, replay: recording.History);
        var second = await RunOrchestrator.RunAsync(replay, spec);

        Assert.Equal(recording.History.Select(c => c.Name + c.Input), replay.History.Select(c => c.Name + c.Input));
        Assert.Equal(first.ManifestSha256, second.ManifestSha256);
        Assert.Equal(14, recording.History.Count);
    }

    private sealed class RecordingContext(PipelineHarness h, IReadOnlyList<(string Name, string Input, object Output)>? replay) : IOrchestrationContext
    {
        public List<(string Name, string Input, object Output)> History { get; } = [];

        public string InstanceId => "replay-test";

        public async Task<TResult> CallActivityAsync<TResult>(string name, object input)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(input, input.GetType());
            if (replay is not null)
            {
                var recorded = replay[History.Count];
                Assert.Equal(recorded.Name, name);
                Assert.Equal(recorded.Input, json);
                History.Add(recorded);
                return (TResult)recorded.Output;
            }

            var slot = History.Count;
            History.Add((name, json, null!));
            object output = name switch
            {
                ActivityNames.ListTargets => await h.Activities.ListTargetsAsync((TargetListRequest)input),
                ActivityNames.GenerateShard => await h.Activities.GenerateShardAsync((ShardSpec)input),
                ActivityNames.WriteManifest => await h.Activities.WriteManifestAsync((ManifestRequest)input),
                _ => throw new InvalidOperationException(name),
            };
            History[slot] = (name, json, output);
            return (TResult)output;
        }
    }
}
