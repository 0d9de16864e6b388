using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MockGen.Storage.Lineage;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Runs;

[Collection(AzuriteCollection.Name)]
public sealed class RunPipelineTests(AzuriteFixture azurite)
{
    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    internal static readonly TenantProfile Profile = new() { Variants = ["typical", "minimal"], CountPerTarget = 25, ShardSize = 10, Seed = "7", Environment = "ci" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Run_PlansFansOutAndSealsManifest_WithOneLineageRowPerShard(StoreKind kind)
    {
        var h = new PipelineHarness(TestStores.Create(kind, azurite));
        var tenant = TestStores.Unique("t");
        var version = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var spec = RunSpec.FromProfile(tenant, "pets.json", version.Version, Profile);

        var transactionsBefore = h.Store.Tables.TransactionCount;
        var outcome = await h.Runner.RunAsync(spec);

        // 2 targets x 2 variants x ceil(25/10) = 12 shards of 10, 10, 5.
        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(12, outcome.ShardCount);
        Assert.Equal(12, outcome.Generated);
        Assert.Equal(100, outcome.Payloads);
        var lineage = await ToListAsync(new LineageIndex(h.Store.Tables).ListAsync(tenant, spec.RunId));
        Assert.Equal(12, lineage.Count);
        foreach (var shard in lineage)
        {
            Assert.StartsWith($"datasets/{tenant}/pets.json/{version.Version[7..]}/{spec.RunId}/", shard.BlobPath, StringComparison.Ordinal);
            Assert.Equal(shard.Sha256, await HashAsync(h.Store.Blobs, shard.BlobPath));
            Assert.Equal(version.Version, shard.ContractVersion);
            Assert.Equal("7", shard.Seed);
            Assert.Equal(MockGen.Core.Generation.GeneratorVersion.Value, shard.GeneratorVersion);
        }

        // Table cost: one transaction per shard + the run row written twice (start, seal); none per payload.
        Assert.Equal(12 + 2, h.Store.Tables.TransactionCount - transactionsBefore);

        var record = await h.Runs.GetAsync(tenant, spec.RunId);
        Assert.Equal(RunStatus.Completed, record!.Status);
        Assert.Equal(outcome.ManifestSha256, record.ManifestSha256);
        using var manifest = JsonDocument.Parse(await ReadAllAsync(h.Store.Blobs, outcome.ManifestPath));
        Assert.Equal(12, manifest.RootElement.GetProperty("shards").GetArrayLength());
        Assert.Equal(version.Version, manifest.RootElement.GetProperty("contractVersion").GetString());

        // Messages stay small: references and counts, never payloads.
        Assert.InRange(h.Runner.LargestMessageBytes, 1, 4096);
    }

    [Fact]
    public async Task Run_SameRequestTwice_IsIdempotent_ReusesEveryShardAndRewritesIdenticalManifest()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var version = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV1);
        var spec = RunSpec.FromProfile("acme", "pets.json", version.Version, Profile);
        var first = await h.Runner.RunAsync(spec);
        var manifestBefore = await ReadAllAsync(h.Store.Blobs, first.ManifestPath);

        var second = await h.Runner.RunAsync(spec);

        Assert.Equal(0, second.Generated);
        Assert.Equal(12, second.Reused);
        Assert.Equal(first.ManifestSha256, second.ManifestSha256);
        Assert.Equal(manifestBefore, await ReadAllAsync(h.Store.Blobs, second.ManifestPath));
        Assert.Equal(12, (await ToListAsync(new LineageIndex(h.Store.Tables).ListAsync("acme", spec.RunId))).Count);
    }

    [Fact]
    public async Task Run_ShardSizeDoesNotChangeTheDataset_ShardsAreExactSlicesOfOneRun()
    {
        async Task<byte[]> DatasetAsync(int shardSize)
        {
            var h = new PipelineHarness(PipelineStoreFactory.Local());
            var version = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV1);
            var spec = RunSpec.FromProfile("acme", "pets.json", version.Version, Profile with { ShardSize = shardSize }, runId: "same-run");
            await h.Runner.RunAsync(spec);
            var output = new MemoryStream();
            await new DatasetReader(h.Activities, new LineageIndex(h.Store.Tables)).CopyAsync("acme", "same-run", new DatasetFilter(), output);
            return output.ToArray();
        }

        var whole = await DatasetAsync(1000);
        Assert.Equal(100, Encoding.UTF8.GetString(whole).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(whole, await DatasetAsync(7));
    }

    [Fact]
    public async Task Run_SameRunIdDifferentInputs_Conflicts()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var version = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV1);
        await h.Runner.RunAsync(RunSpec.FromProfile("acme", "pets.json", version.Version, Profile, runId: "fixed"));
        var error = await Assert.ThrowsAsync<MockGenStorageException>(() =>
            h.Runner.RunAsync(RunSpec.FromProfile("acme", "pets.json", version.Version, Profile with { Seed = "8" }, runId: "fixed")));
        Assert.Equal(StorageErrorKind.Conflict, error.Kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Run_Gzip_WritesCompressedShards_ReaderStreamsAndFindsPayloadById(StoreKind kind)
    {
        var h = new PipelineHarness(TestStores.Create(kind, azurite));
        var tenant = TestStores.Unique("t");
        var version = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var spec = RunSpec.FromProfile(tenant, "pets.json", version.Version, Profile with { Gzip = true });
        await h.Runner.RunAsync(spec);

        var lineage = new LineageIndex(h.Store.Tables);
        var first = (await ToListAsync(lineage.ListAsync(tenant, spec.RunId)))[0];
        Assert.EndsWith(".ndjson.gz", first.BlobPath, StringComparison.Ordinal);
        await using (var raw = await h.Store.Blobs.OpenReadAsync(first.BlobPath))
        {
            Assert.Equal(0x1f, raw!.ReadByte());
        }

        var reader = new DatasetReader(h.Activities, lineage);
        var all = new MemoryStream();
        Assert.Equal(100, await reader.CopyAsync(tenant, spec.RunId, new DatasetFilter(), all));
        var lines = Encoding.UTF8.GetString(all.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Length);

        var filtered = new MemoryStream();
        var count = await reader.CopyAsync(tenant, spec.RunId, new DatasetFilter("#/components/schemas/Owner", "minimal", 8, 13), filtered);
        Assert.Equal(5, count);
        var indices = Encoding.UTF8.GetString(filtered.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("meta"))
            .Select(m => (m.GetProperty("target").GetString(), m.GetProperty("variant").GetString(), m.GetProperty("index").GetInt64()))
            .ToList();
        Assert.Equal(Enumerable.Range(8, 5).Select(i => ((string?)"#/components/schemas/Owner", (string?)"minimal", (long)i)), indices);

        var id = PayloadId.TryParse($"{spec.RunId}~1~minimal~17")!;
        var found = await reader.FindAsync(tenant, id);
        Assert.NotNull(found);
        Assert.Equal(version.Version, found.Value.Shard.ContractVersion);
        Assert.Equal("7", found.Value.Shard.Seed);
        Assert.Equal(17, JsonDocument.Parse(found.Value.Record).RootElement.GetProperty("meta").GetProperty("index").GetInt64());
        Assert.Null(await reader.FindAsync(tenant, PayloadId.TryParse($"{spec.RunId}~1~minimal~25")!));
        Assert.Null(await reader.FindAsync("other-tenant", id));
    }

    [Fact]
    public async Task Run_UnsatisfiableTarget_SealsWithErrors_AndNamesTheTarget()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var contract = Encoding.UTF8.GetBytes("""{"openapi":"3.1.0","info":{"title":"c","version":"1"},"paths":{},"components":{"schemas":{"Ok":{"properties":{"a":{"type":"string"}}},"Never":{"type":"object","required":["a"],"properties":{"a":{"type":"string","minLength":5,"maxLength":2}}}}}}""");
        var version = await h.Registry.RegisterAsync("acme", "c.json", contract);
        var outcome = await h.Runner.RunAsync(RunSpec.FromProfile("acme", "c.json", version.Version, Profile));
        Assert.Equal(RunStatus.CompletedWithErrors, outcome.Status);
        Assert.Equal(6, outcome.Failures.Count);
        Assert.All(outcome.Failures, f => Assert.Contains("#/components/schemas/Never", f, StringComparison.Ordinal));
        Assert.Equal(50, outcome.Payloads);
    }

    [Fact]
    public async Task Run_FailedContractVersion_FailsTheRun()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var bad = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.Malformed);
        var spec = RunSpec.FromProfile("acme", "pets.json", bad.Version, Profile);
        await Assert.ThrowsAsync<MockGenStorageException>(() => h.Runner.RunAsync(spec));
        Assert.Equal(RunStatus.Failed, (await h.Runs.GetAsync("acme", spec.RunId))!.Status);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    internal static async Task<byte[]> ReadAllAsync(IBlobStore blobs, string path)
    {
        await using var stream = await blobs.OpenReadAsync(path);
        var buffer = new MemoryStream();
        await stream!.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    internal static async Task<string> HashAsync(IBlobStore blobs, string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await ReadAllAsync(blobs, path)));
}
