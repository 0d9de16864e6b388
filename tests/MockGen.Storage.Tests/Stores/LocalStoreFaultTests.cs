using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MockGen.Storage.Lineage;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;
using static MockGen.Storage.Tests.Runs.RunPipelineTests;

namespace MockGen.Storage.Tests.Stores;

/// <summary>
/// The local folder store on a disk that fills up, on a read-only file system, and in a process killed between a
/// write and its rename (issue 12). Whatever happens, what was stored before is unchanged, byte for byte.
/// </summary>
public sealed class LocalStoreFaultTests
{
    [MountFact]
    public async Task Store_DiskFull_ClearErrorNamingTheBlob_NothingStoredChanged_RunResumesOnceSpaceIsFreed()
    {
        using var disk = TmpfsMount.Create(sizeKilobytes: 4096);
        var root = Path.Combine(disk.Path, "store");
        var h = new PipelineHarness(PipelineStore.LocalFolder(root));
        var acme = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV1);
        var first = await h.Runner.RunAsync(RunSpec.FromProfile("acme", "pets.json", acme.Version, Profile));
        var beta = await h.Registry.RegisterAsync("beta", "pets.json", TestContracts.PetsV1);
        var before = Snapshot(root);

        var filler = disk.Fill(bytesFree: 16 * 1024);

        // A new blob and an overwrite that do not fit: refused with the reason, the old content kept.
        var e = await Assert.ThrowsAsync<MockGenStorageException>(() => h.Store.Blobs.WriteAsync("datasets/acme/big.ndjson", new MemoryStream(new byte[256 * 1024])));
        Assert.Equal(StorageErrorKind.Unavailable, e.Kind);
        Assert.StartsWith("datasets/acme/big.ndjson: the store folder " + root + " refused the write: no space left on device", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MockGenStorageException>(() => h.Store.Blobs.WriteAsync(first.ManifestPath, new MemoryStream(new byte[256 * 1024])));

        // A whole run that runs out of space part-way fails with the same reason.
        var spec = RunSpec.FromProfile("beta", "pets.json", beta.Version, Profile with { CountPerTarget = 400, ShardSize = 100 });
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => h.Runner.RunAsync(spec));
        Assert.Contains("no space left on device", failed.Message, StringComparison.Ordinal);

        // Nothing stored before changed, no temporary file holds space, and a fresh store reads the first run whole.
        AssertUnchanged(before, Snapshot(root));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(root, ".tmp")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(root, ".tables"), "*.tmp", SearchOption.AllDirectories));
        var reopened = PipelineStore.LocalFolder(root);
        Assert.Equal(12, (await ToListAsync(new LineageIndex(reopened.Tables).ListAsync("acme", first.RunId))).Count);

        // Space freed: the same run resumes and ends as a run on a roomy disk does.
        File.Delete(filler);
        var resumed = await h.NewRunner(null).RunAsync(spec);
        var clean = new PipelineHarness(PipelineStoreFactory.Local());
        await clean.Registry.RegisterAsync("beta", "pets.json", TestContracts.PetsV1);
        var expected = await clean.Runner.RunAsync(spec);
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(expected.ManifestSha256, resumed.ManifestSha256);
    }

    [MountFact]
    public async Task Store_ReadOnlyFileSystem_ReadsWork_WritesRefusedWithTheReason_NothingChanged()
    {
        using var disk = TmpfsMount.Create(sizeKilobytes: 4096);
        var root = Path.Combine(disk.Path, "store");
        var h = new PipelineHarness(PipelineStore.LocalFolder(root));
        var version = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV1);
        var run = await h.Runner.RunAsync(RunSpec.FromProfile("acme", "pets.json", version.Version, Profile));
        var manifest = await ReadAllAsync(h.Store.Blobs, run.ManifestPath);
        var before = Snapshot(root);

        disk.RemountReadOnly();
        try
        {
            // Opening and reading a read-only store works.
            var ro = new PipelineHarness(PipelineStore.LocalFolder(root));
            Assert.Equal(manifest, await ReadAllAsync(ro.Store.Blobs, run.ManifestPath));
            Assert.Equal(12, (await ToListAsync(new LineageIndex(ro.Store.Tables).ListAsync("acme", run.RunId))).Count);
            Assert.Equal(RunStatus.Completed, (await ro.Runs.GetAsync("acme", run.RunId))!.Status);

            // Writes are refused with the reason, for blobs, tables and whole operations.
            var e = await Assert.ThrowsAsync<MockGenStorageException>(() => ro.Store.Blobs.WriteAsync(run.ManifestPath, new MemoryStream("x"u8.ToArray())));
            Assert.Equal(StorageErrorKind.Unavailable, e.Kind);
            Assert.EndsWith("refused the write: the file system is read-only; what it held before is unchanged", e.Message, StringComparison.Ordinal);
            var register = await Assert.ThrowsAsync<MockGenStorageException>(() => ro.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV2));
            Assert.Contains("read-only", register.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<MockGenStorageException>(() => ro.Store.Blobs.DeleteAsync(run.ManifestPath));
        }
        finally
        {
            disk.RemountReadWrite();
        }

        AssertUnchanged(before, Snapshot(root));
    }

    [Fact]
    public async Task Write_ProcessKilledBetweenWriteAndRename_OldBlobIntact_StoreStillWorks()
    {
        var root = Directory.CreateTempSubdirectory("mockgen-store-").FullName;
        const string blob = "datasets/acme/run/shard-00000.ndjson";
        var old = new byte[1000];
        Array.Fill(old, (byte)'a');
        await PipelineStore.LocalFolder(root).Blobs.WriteAsync(blob, new MemoryStream(old));

        // The child writes 3 x 80 KiB of 'b' over it and stalls before the rename; the test kills it there.
        const long length = 3 * 81920;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "MockGen.Testing.StoreWriter.dll"), root, blob, length.ToString(CultureInfo.InvariantCulture), "98" })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var temp = Path.Combine(root, ".tmp");
        var watch = Stopwatch.StartNew();
        string? written = null;
        while (written is null)
        {
            // Read the child's error output only once it has ended: reading it earlier waits for the end.
            if (child.HasExited)
            {
                Assert.Fail("the child ended early: " + await child.StandardError.ReadToEndAsync());
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "the child never wrote its temporary file");
            written = Directory.EnumerateFiles(temp).FirstOrDefault(f => new FileInfo(f).Length == length);
            await Task.Delay(20);
        }

        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        Assert.DoesNotContain("renamed", await child.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);

        // Every new byte was on disk, uncommitted: the blob is the old one, for this store and a fresh one alike.
        Assert.Equal(length, new FileInfo(written).Length);
        var reopened = PipelineStore.LocalFolder(root);
        Assert.Equal(old, await ReadAllAsync(reopened.Blobs, blob));
        var listed = await ToListAsync(reopened.Blobs.ListAsync("datasets/acme/"));
        Assert.Equal([(blob, 1000L)], listed.Select(b => (b.Path, b.Length)));

        // And the store goes on: the next write of the same blob commits.
        await reopened.Blobs.WriteAsync(blob, new MemoryStream("new"u8.ToArray()));
        Assert.Equal("new"u8.ToArray(), await ReadAllAsync(reopened.Blobs, blob));

        // The dead writer's temporary file is swept by the next store opened once it is old enough to be no one's.
        Assert.True(File.Exists(written));
        File.SetLastWriteTimeUtc(written, DateTime.UtcNow.AddHours(-1));
        _ = PipelineStore.LocalFolder(root);
        Assert.False(File.Exists(written), "the killed writer's temporary file was left behind");
    }

    [Fact]
    public void Open_SweepsOnlyOldTemporaryFilesOfDeadProcesses()
    {
        var root = Directory.CreateTempSubdirectory("mockgen-store-").FullName;
        var temp = Directory.CreateDirectory(Path.Combine(root, ".tmp")).FullName;
        // No process has id 2,000,000,000 (Linux caps ids at 2^22), so it stands for a writer that was killed.
        var dead = Touch("shard-00000.ndjson.2000000000.7", TimeSpan.FromHours(2));
        var deadButFresh = Touch("shard-00001.ndjson.2000000000.8", TimeSpan.Zero);
        var mine = Touch("shard-00002.ndjson." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".9", TimeSpan.FromHours(2));
        var foreign = Touch("notes.txt", TimeSpan.FromHours(2));

        _ = PipelineStore.LocalFolder(root);

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(deadButFresh), "a young file may belong to a writer on another machine sharing the folder");
        Assert.True(File.Exists(mine), "this process's own writes are in flight");
        Assert.True(File.Exists(foreign), "a file MockGen did not name is not MockGen's to delete");

        string Touch(string name, TimeSpan age)
        {
            var file = Path.Combine(temp, name);
            File.WriteAllText(file, "half");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age);
            return file;
        }
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static void AssertUnchanged(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var (file, hash) in before)
        {
            Assert.True(after.TryGetValue(file, out var now), file + " is gone");
            Assert.True(hash == now, file + " changed");
        }
    }
}
