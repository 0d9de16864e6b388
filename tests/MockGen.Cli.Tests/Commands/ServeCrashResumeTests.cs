using System.Diagnostics;
using System.Text;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Lineage;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Cli.Tests.Commands;

/// <summary>Kills a real `mockgen serve` process in the middle of a run, restarts it, and checks the run resumes to the same bytes.</summary>
public sealed class ServeCrashResumeTests
{
    private const string Contract = """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer","minimum":1},"name":{"type":"string","minLength":1,"maxLength":20},"tags":{"type":"array","items":{"type":"string"}}}}}}}""";
    // 300 shards: enough work that even an idle, fast machine is still mid-run when the test kills serve
    // (20 shards finished before the first poll on CI's machine).
    private const int Shards = 300;
    private const string Profile = """{"countPerTarget":30000,"shardSize":100,"seed":"3"}""";

    [Fact]
    public async Task Serve_KilledMidRun_RestartResumesFromLineage_ByteIdenticalToUninterruptedRun()
    {
        var storeFolder = Directory.CreateTempSubdirectory("mockgen-crash-").FullName;
        Directory.CreateDirectory(Path.Combine(storeFolder, "contracts", "acme"));
        await File.WriteAllTextAsync(Path.Combine(storeFolder, "contracts", "acme", "mockgen.profile.json"), Profile);
        await File.WriteAllTextAsync(Path.Combine(storeFolder, "contracts", "acme", "pets.json"), Contract);

        // The reference: the same run, uninterrupted, in-process in another store.
        var reference = new MockGenPipeline(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-ref-").FullName), CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        var version = await reference.Registry.RegisterAsync("acme", "pets.json", Encoding.UTF8.GetBytes(Contract));
        var spec = RunSpec.FromProfile("acme", "pets.json", version.Version, TenantProfile.Parse("p", Encoding.UTF8.GetBytes(Profile)), maxParallelShards: 1);
        var expected = await reference.Runner.RunAsync(spec);
        Assert.Equal(Shards, expected.ShardCount);

        var store = PipelineStore.LocalFolder(storeFolder);
        var lineage = new LineageIndex(store.Tables);
        using (var first = StartServe(storeFolder))
        {
            var deadline = Stopwatch.StartNew();
            while ((await CountAsync(lineage, spec.RunId)) < 3)
            {
                Assert.False(first.HasExited, "serve exited early");
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), "no shard written within 90 s");
                await Task.Delay(20);
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var survivors = await CountAsync(lineage, spec.RunId);
        Assert.InRange(survivors, 3, Shards - 1);
        var finishedBeforeKill = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var shard in lineage.ListAsync("acme", spec.RunId))
        {
            finishedBeforeKill[shard.BlobPath] = (await store.Blobs.GetEntryAsync(shard.BlobPath))!.ETag;
        }

        var catalog = new RunCatalog(store.Tables, TimeProvider.System);
        Assert.Equal(RunStatus.Running, (await catalog.GetAsync("acme", spec.RunId))!.Status);

        using (var second = StartServe(storeFolder))
        {
            var deadline = Stopwatch.StartNew();
            while ((await catalog.GetAsync("acme", spec.RunId))!.Status != RunStatus.Completed)
            {
                Assert.False(second.HasExited, "serve exited early");
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120), "the run did not resume and finish within 120 s");
                await Task.Delay(50);
            }

            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var record = (await catalog.GetAsync("acme", spec.RunId))!;
        Assert.Equal(expected.ManifestSha256, record.ManifestSha256);
        Assert.Equal(Shards, await CountAsync(lineage, spec.RunId));
        await foreach (var shard in lineage.ListAsync("acme", spec.RunId))
        {
            Assert.Equal(await ReadAsync(reference.Store.Blobs, shard.BlobPath), await ReadAsync(store.Blobs, shard.BlobPath));
        }

        // Shards finished before the kill were verified and skipped, not rewritten.
        foreach (var (path, etag) in finishedBeforeKill)
        {
            Assert.Equal(etag, (await store.Blobs.GetEntryAsync(path))!.ETag);
        }

        var runs = new List<RunRecord>();
        await foreach (var run in catalog.ListAsync("acme"))
        {
            runs.Add(run);
        }

        Assert.Single(runs);
    }

    private static Process StartServe(string store)
    {
        var mockgen = Path.Combine(AppContext.BaseDirectory, "mockgen.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { mockgen, "serve", "--port", "0", "--store", store, "--api-key", "acme=crash-test-key", "--poll-interval", "0.2", "--max-parallel-shards", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<int> CountAsync(LineageIndex lineage, string runId)
    {
        var count = 0;
        await foreach (var unused in lineage.ListAsync("acme", runId))
        {
            count++;
        }

        return count;
    }

    private static async Task<byte[]> ReadAsync(IBlobStore blobs, string path)
    {
        await using var stream = await blobs.OpenReadAsync(path);
        var buffer = new MemoryStream();
        await stream!.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
