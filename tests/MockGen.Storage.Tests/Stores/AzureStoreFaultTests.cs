using System.Globalization;
using MockGen.Service.Hosting;
using MockGen.Storage.Lineage;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;
using Xunit.Abstractions;
using static MockGen.Storage.Tests.Runs.RunPipelineTests;

namespace MockGen.Storage.Tests.Stores;

/// <summary>
/// The pipeline over Azurite when the network and the service misbehave (issue 12): a fault-injecting proxy in front
/// of Azurite, and Azurite killed mid-run. The reference is the same run in a clean local folder store: the datasets
/// must be the same bytes, with exactly one lineage row per shard.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStoreFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // 2 targets x 2 variants x ceil(30/5) = 24 shards: about 100 storage requests per run.
    private static readonly TenantProfile Profile = new() { Variants = ["typical", "minimal"], CountPerTarget = 30, ShardSize = 5, Seed = "12", Environment = "ci" };

    // Short back-offs so a test rides out its faults in seconds; NoAnswer faults cost one NetworkTimeout each, which
    // stays at 5 s so a slow answer from Azurite on a loaded machine is not taken for a fault too often.
    private static readonly PipelineStoreOptions Patient = new()
    {
        MaxRetries = 10,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        NetworkTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Run_TenPercentOfRequestsFaulted_SameBytesAsCleanRun_OneLineageRowPerShard_RetriesInTheSummary()
    {
        // A fixed tenant (no other test uses it; Azurite starts empty per test run): the request lines, and so the
        // faults the proxies draw from them, are the same on every run.
        const string tenant = "faultrun";
        var (spec, expected, reference) = await ReferenceRunAsync(tenant);

        await using var blobProxy = new FaultProxy(azurite.BlobPort, faultRate: 0.10, seed: 1201);
        await using var tableProxy = new FaultProxy(azurite.TablePort, faultRate: 0.10, seed: 1202);
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionStringThrough(blobProxy.Port, tableProxy.Port), Patient);
        var h = new PipelineHarness(store);
        await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);

        var outcome = await h.Runner.RunAsync(spec);

        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(expected.ManifestSha256, outcome.ManifestSha256);
        Assert.Equal(24, outcome.Generated + outcome.Reused);

        // The faults happened, and the run's summary counts the retries that rode them out. The proxies draw each
        // request's fault from its request line, so these counts do not depend on the thread schedule.
        var injected = blobProxy.InjectedTotal + tableProxy.InjectedTotal;
        var requests = blobProxy.Requests + tableProxy.Requests;
        Assert.True(injected >= requests / 20, $"only {injected} faults in {requests} requests");
        Assert.True(Enum.GetValues<FaultProxy.FaultKind>().Count(k => blobProxy.Injected.ContainsKey(k) || tableProxy.Injected.ContainsKey(k)) >= 4, "too few kinds of fault: " + Describe(blobProxy, tableProxy));
        Assert.True(outcome.StoreRetries > 0, "no retry counted");
        Assert.NotEmpty(outcome.StoreRetryReasons);
        Assert.True(store.Retries.Total >= outcome.StoreRetries);
        var runRequests = requests;

        // Read back while the faults go on (cut bodies included): every shard, byte for byte, one row each.
        var rows = await ToListAsync(new LineageIndex(store.Tables).ListAsync(tenant, spec.RunId));
        Assert.Equal(24, rows.Count);
        Assert.Equal(24, rows.Select(r => r.ShardKey).Distinct(StringComparer.Ordinal).Count());
        long bytes = 0;
        foreach (var row in rows)
        {
            var read = await ReadAllAsync(store.Blobs, row.BlobPath);
            Assert.Equal(await ReadAllAsync(reference.Store.Blobs, row.BlobPath), read);
            bytes += read.Length;
        }

        Assert.Equal(await ReadAllAsync(reference.Store.Blobs, expected.ManifestPath), await ReadAllAsync(store.Blobs, outcome.ManifestPath));
        Assert.Equal(RunStatus.Completed, (await h.Runs.GetAsync(tenant, spec.RunId))!.Status);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault run: {runRequests} requests, {injected} faults ({Describe(blobProxy, tableProxy)}), {outcome.StoreRetries} retries ({outcome.StoreRetryReasons}); read-back: {blobProxy.Requests + tableProxy.Requests - runRequests} requests; 24 shards, {bytes} bytes equal to the clean run"));
    }

    // What serve logs: its 'sealed' line carries the run's storage retries, by reason.
    [Fact]
    public async Task Serve_RunUnderFaults_SealedLogLineCountsTheStorageRetries()
    {
        const string tenant = "faultlog";
        var (spec, expected, _) = await ReferenceRunAsync(tenant);
        await using var blobProxy = new FaultProxy(azurite.BlobPort, faultRate: 0.10, seed: 1203);
        await using var tableProxy = new FaultProxy(azurite.TablePort, faultRate: 0.10, seed: 1204);
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionStringThrough(blobProxy.Port, tableProxy.Port), Patient);
        var pipeline = new MockGenPipeline(store, MockGen.Storage.Engine.CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        await pipeline.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var logger = new CapturingLogger<RunCoordinator>();
        await using (var coordinator = new RunCoordinator(pipeline, new ServeOptions(), logger))
        {
            await coordinator.StartAsync(spec);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (coordinator.IsExecuting(tenant, spec.RunId))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(5), "the run did not end: " + string.Join(" / ", logger.Lines));
                await Task.Delay(50);
            }
        }

        var sealedLine = Assert.Single(logger.Lines, l => l.Contains(" sealed: ", StringComparison.Ordinal));
        Assert.Matches(@"^Information: Run \S+ sealed: Completed, " + expected.Payloads.ToString(CultureInfo.InvariantCulture) + @" payloads, \d+ shards generated, \d+ reused, [1-9]\d* storage retries \([^,()]+ x\d+(, [^,()]+ x\d+)*\)", sealedLine);
        Assert.Equal(expected.ManifestSha256, (await pipeline.Runs.GetAsync(tenant, spec.RunId))!.ManifestSha256);
        output.WriteLine(sealedLine);
    }

    private static string Describe(FaultProxy blob, FaultProxy table) =>
        string.Join(", ", Enum.GetValues<FaultProxy.FaultKind>()
            .Select(k => (Kind: k, Count: blob.Injected.GetValueOrDefault(k) + table.Injected.GetValueOrDefault(k)))
            .Where(k => k.Count > 0)
            .Select(k => k.Kind + " x" + k.Count.ToString(CultureInfo.InvariantCulture)));

    // SIGKILL: Azurite loses what it acknowledged in its last 5 s (its metadata is saved every 5 s): shards, lineage rows,
    // the run row. The resumed run must notice every loss (a missing row, a blob that no longer hashes) and regenerate.
    [Fact]
    public async Task Run_AzuriteKilledMidRunThenRestarted_RunResumesByteIdentical()
    {
        var tenant = TestStores.Unique("k");
        var (spec, expected, reference) = await ReferenceRunAsync(tenant);

        // An Azurite of its own, so killing it leaves the other tests alone.
        var own = new AzuriteFixture();
        await own.InitializeAsync();
        try
        {
            // Few, short retries: the outage outlasts them, so the first execution fails as a crash would end it.
            var store = PipelineStore.AzureConnectionString(own.ConnectionString, new PipelineStoreOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(100), NetworkTimeout = TimeSpan.FromSeconds(5) });
            var finished = 0;
            var h = new PipelineHarness(store, name =>
            {
                if (name == ActivityNames.GenerateShard && Interlocked.Increment(ref finished) == 6)
                {
                    own.Kill();
                }
            });
            await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);

            // The contract was uploaded well before the crash (Azurite has saved it); the run's own writes were not.
            await Task.Delay(TimeSpan.FromSeconds(6));
            var crash = await Assert.ThrowsAnyAsync<Exception>(() => h.Runner.RunAsync(spec));

            await own.RestartAsync();
            var resumed = await h.NewRunner(null).RunAsync(spec);
            output.WriteLine($"killed after 6 shards; first execution ended with {crash.GetType().Name}; the resume generated {resumed.Generated} shards and reused {resumed.Reused}, {resumed.StoreRetries} retries");

            Assert.Equal(RunStatus.Completed, resumed.Status);
            Assert.Equal(expected.ManifestSha256, resumed.ManifestSha256);
            var rows = await ToListAsync(new LineageIndex(store.Tables).ListAsync(tenant, spec.RunId));
            Assert.Equal(24, rows.Count);
            Assert.Equal(24, rows.Select(r => r.ShardKey).Distinct(StringComparer.Ordinal).Count());
            foreach (var row in rows)
            {
                Assert.Equal(await ReadAllAsync(reference.Store.Blobs, row.BlobPath), await ReadAllAsync(store.Blobs, row.BlobPath));
            }

            Assert.Equal(await ReadAllAsync(reference.Store.Blobs, expected.ManifestPath), await ReadAllAsync(store.Blobs, resumed.ManifestPath));
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    // Azurite killed and back within the retry window: the execution rides the outage out on retries. It completes,
    // unless Azurite forgot rows it had acknowledged (its 5 s save interval), which the manifest step detects
    // ("expected N lineage rows"); then a resume completes. Either way the dataset is the clean run's bytes.
    [Fact]
    public async Task Run_AzuriteRestartedWithinTheRetryWindow_RetriesBridgeTheOutage_ByteIdentical()
    {
        var tenant = TestStores.Unique("r");
        var (spec, expected, reference) = await ReferenceRunAsync(tenant);
        var own = new AzuriteFixture();
        await own.InitializeAsync();
        try
        {
            // About 15 s of retries: longer than Azurite takes to come back.
            var store = PipelineStore.AzureConnectionString(own.ConnectionString, new PipelineStoreOptions { MaxRetries = 20, RetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(1), NetworkTimeout = TimeSpan.FromSeconds(5) });
            var finished = 0;
            Task? restart = null;
            var h = new PipelineHarness(store, name =>
            {
                if (name == ActivityNames.GenerateShard && Interlocked.Increment(ref finished) == 6)
                {
                    restart = own.RestartAsync();
                }
            });
            await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);

            await Task.Delay(TimeSpan.FromSeconds(6));
            RunOutcome outcome;
            try
            {
                outcome = await h.Runner.RunAsync(spec);
                Assert.True(outcome.StoreRetries > 0, "the outage cost no retry: Azurite was not down");
            }
            catch (MockGenStorageException e) when (e.Message.Contains("lineage rows", StringComparison.Ordinal))
            {
                Assert.True(store.Retries.Total > 0, "the outage cost no retry: Azurite was not down");
                outcome = await h.NewRunner(null).RunAsync(spec);
            }

            await restart!;
            output.WriteLine($"restarted after 6 shards: {outcome.Generated} shards generated, {outcome.Reused} reused in the completing execution; {store.Retries.Total} retries ({store.Retries.Describe()})");
            Assert.Equal(RunStatus.Completed, outcome.Status);
            Assert.Equal(expected.ManifestSha256, outcome.ManifestSha256);
            var rows = await ToListAsync(new LineageIndex(store.Tables).ListAsync(tenant, spec.RunId));
            Assert.Equal(24, rows.Select(r => r.ShardKey).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(24, rows.Count);
            foreach (var row in rows)
            {
                Assert.Equal(await ReadAllAsync(reference.Store.Blobs, row.BlobPath), await ReadAllAsync(store.Blobs, row.BlobPath));
            }
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private static async Task<(RunSpec Spec, RunOutcome Outcome, PipelineHarness Harness)> ReferenceRunAsync(string tenant)
    {
        var reference = new PipelineHarness(PipelineStoreFactory.Local());
        var version = await reference.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var spec = RunSpec.FromProfile(tenant, "pets.json", version.Version, Profile, maxParallelShards: 3);
        var outcome = await reference.Runner.RunAsync(spec);
        Assert.Equal(RunStatus.Completed, outcome.Status);
        return (spec, outcome, reference);
    }
}
