using System.Text;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Stores;

[Collection(AzuriteCollection.Name)]
public sealed class PipelineStoreTests(AzuriteFixture azurite)
{
    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Blobs_WriteReadListReplaceDelete_RoundTrip(StoreKind kind)
    {
        var store = TestStores.Create(kind, azurite).Blobs;
        var dir = "datasets/" + TestStores.Unique("blob") + "/";
        await store.WriteAsync(dir + "b/2.ndjson", new MemoryStream("two"u8.ToArray()));
        await store.WriteAsync(dir + "a.json", new MemoryStream("one"u8.ToArray()));
        await store.WriteAsync(dir + "b/1.ndjson", new MemoryStream("x"u8.ToArray()));

        var listed = await ToListAsync(store.ListAsync(dir));
        Assert.Equal(new[] { dir + "a.json", dir + "b/1.ndjson", dir + "b/2.ndjson" }, listed.Select(e => e.Path));
        Assert.Equal(3, listed[2].Length);

        var before = await store.GetEntryAsync(dir + "a.json");
        await store.WriteAsync(dir + "a.json", new MemoryStream("replaced"u8.ToArray()));
        var after = await store.GetEntryAsync(dir + "a.json");
        Assert.NotEqual(before!.ETag, after!.ETag);
        Assert.Equal("replaced", await ReadAsync(store, dir + "a.json"));

        await store.DeleteAsync(dir + "a.json");
        Assert.Null(await store.OpenReadAsync(dir + "a.json"));
        Assert.Null(await store.GetEntryAsync(dir + "missing"));
        Assert.Empty(await ToListAsync(store.ListAsync("nocontainer/")));
    }

    [Theory]
    [InlineData("datasets/../contracts/x")]
    [InlineData("datasets/a/../../x")]
    [InlineData("datasets/a%2F..%2Fb")]
    [InlineData("datasets/a\\b")]
    [InlineData("datasets//x")]
    [InlineData("../etc/passwd")]
    [InlineData("Data/x")]
    public async Task Blobs_TraversalOrMalformedPath_Rejected(string path)
    {
        var store = PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-store-").FullName).Blobs;
        var error = await Assert.ThrowsAsync<MockGenStorageException>(() => store.WriteAsync(path, new MemoryStream()));
        Assert.Equal(StorageErrorKind.InvalidInput, error.Kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tables_BatchUpsertQueryAndInsertIfAbsent(StoreKind kind)
    {
        var tables = TestStores.Create(kind, azurite).Tables;
        var pk = TestStores.Unique("tenant/with#odd?chars");
        var rows = Enumerable.Range(0, 100)
            .Select(i => new TableRow(pk, $"run/{i:D3}", new Dictionary<string, object> { ["n"] = (long)i, ["s"] = "v" + i, ["ok"] = i % 2 == 0 }))
            .ToList();
        var before = tables.TransactionCount;
        await tables.UpsertBatchAsync("lineage", rows);
        Assert.Equal(1, tables.TransactionCount - before);

        var all = await ToListAsync(tables.QueryAsync("lineage", pk));
        Assert.Equal(100, all.Count);
        Assert.Equal(rows.Select(r => r.RowKey), all.Select(r => r.RowKey));
        Assert.Equal(7L, all[7].GetInt64("n"));
        Assert.True(all[8].GetBoolean("ok"));
        Assert.Equal("v9", all[9].GetString("s"));

        var prefixed = await ToListAsync(tables.QueryAsync("lineage", pk, "run/05"));
        Assert.Equal(10, prefixed.Count);

        Assert.True(await tables.TryInsertAsync("lineage", new TableRow(pk, "unique", new Dictionary<string, object> { ["a"] = "1" })));
        Assert.False(await tables.TryInsertAsync("lineage", new TableRow(pk, "unique", new Dictionary<string, object> { ["a"] = "2" })));
        Assert.Equal("1", (await tables.GetAsync("lineage", pk, "unique"))!.GetString("a"));
        Assert.Null(await tables.GetAsync("lineage", pk, "nope"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Tables_BatchAcrossPartitions_Rejected(StoreKind kind)
    {
        var tables = TestStores.Create(kind, azurite).Tables;
        var rows = new[]
        {
            new TableRow("a", "1", new Dictionary<string, object>()),
            new TableRow("b", "1", new Dictionary<string, object>()),
        };
        await Assert.ThrowsAsync<ArgumentException>(() => tables.UpsertBatchAsync("lineage", rows));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<string> ReadAsync(IBlobStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path);
        using var reader = new StreamReader(stream!, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
