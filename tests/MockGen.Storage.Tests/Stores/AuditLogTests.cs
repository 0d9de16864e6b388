using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using MockGen.Storage.Audit;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Stores;

/// <summary>The hash-chained audit log on both stores (the local folder and Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditLogTests(AzuriteFixture azurite)
{
    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Append_ChainsEveryEntry_AndVerifyFindsItIntact(StoreKind kind)
    {
        var (log, tenant, _, _) = Create(kind);
        for (var i = 0; i < 5; i++)
        {
            await log.AppendAsync(Event(tenant, i));
        }

        var entries = await ListAsync(log, tenant);
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(AuditLog.GenesisHash, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        }

        var verification = await log.VerifyAsync(tenant);
        Assert.True(verification.IsIntact, string.Join("; ", verification.Problems));
        Assert.Equal(5, verification.Entries);
        Assert.Equal(entries[^1].Hash, verification.HeadHash);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Verify_DetectsAnEditedEntry_AndARewrittenOne(StoreKind kind)
    {
        var (log, tenant, store, _) = Create(kind);
        for (var i = 0; i < 4; i++)
        {
            await log.AppendAsync(Event(tenant, i));
        }

        // Edit entry #2's outcome in place (what someone with write access to the table could do).
        var row = (await store.Tables.GetAsync(AuditLog.Table, tenant + "~00000000", 2L.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)))!;
        var edited = new Dictionary<string, object>(row.Properties) { ["outcome"] = "ok" };
        await store.Tables.UpsertBatchAsync(AuditLog.Table, [row with { Properties = edited }]);
        var afterEdit = await log.VerifyAsync(tenant);
        Assert.Equal(["#2: its hash does not match its content (edited)"], afterEdit.Problems);

        // Recompute #2's own hash too: then #3 no longer chains to it.
        var entry = (await ListAsync(log, tenant))[1];
        var rewrittenHash = AuditLog.ComputeHash(2, entry.Time, tenant, new AuditEvent(tenant, entry.Principal, entry.Role, entry.Action, "ok") { Resource = entry.Resource, Version = entry.Version, RequestId = entry.RequestId, Detail = entry.Detail }, entry.PreviousHash);
        await store.Tables.UpsertBatchAsync(AuditLog.Table, [row with { Properties = new Dictionary<string, object>(edited) { ["hash"] = rewrittenHash } }]);
        var afterRewrite = await log.VerifyAsync(tenant);
        Assert.Equal(["#3: does not chain to the entry before it (an earlier entry was rewritten)"], afterRewrite.Problems);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Verify_DetectsAGap_AndATruncatedTail(StoreKind kind)
    {
        var (log, tenant, _, root) = Create(kind);
        for (var i = 0; i < 6; i++)
        {
            await log.AppendAsync(Event(tenant, i));
        }

        await DeleteAsync(kind, root, tenant, 3);
        var gap = await log.VerifyAsync(tenant);
        Assert.Contains("#3: missing (a gap before #4)", gap.Problems);

        await DeleteAsync(kind, root, tenant, 6);
        var truncated = await log.VerifyAsync(tenant);
        Assert.Contains("#6: missing (the log ends before its head says it does)", truncated.Problems);
    }

    [Fact]
    public async Task Query_ByTimeRange_AcrossPartitions()
    {
        var tenant = TestStores.Unique("auditq");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var log = new AuditLog(PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-audit-").FullName).Tables, time, partitionSize: 10);
        // 210 entries, one a minute: 21 partitions of 10, so the range spans partitions and the search must find its start.
        for (var i = 0; i < 210; i++)
        {
            await log.AppendAsync(Event(tenant, i));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var from = new DateTimeOffset(2026, 12, 1, 1, 35, 0, TimeSpan.Zero);
        var to = from.AddHours(1);
        var window = new List<AuditEntry>();
        await foreach (var e in log.QueryAsync(tenant, from, to))
        {
            window.Add(e);
        }

        Assert.Equal(60, window.Count);
        Assert.Equal(96, window[0].Sequence);
        Assert.Equal(155, window[^1].Sequence);
        Assert.True((await log.VerifyAsync(tenant)).IsIntact);
    }

    private (AuditLog Log, string Tenant, PipelineStore Store, string? Root) Create(StoreKind kind)
    {
        var tenant = TestStores.Unique("audit");
        if (kind == StoreKind.LocalFolder)
        {
            var root = Directory.CreateTempSubdirectory("mockgen-audit-").FullName;
            var local = PipelineStore.LocalFolder(root);
            return (new AuditLog(local.Tables, TimeProvider.System), tenant, local, root);
        }

        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        return (new AuditLog(store.Tables, TimeProvider.System), tenant, store, null);
    }

    private async Task DeleteAsync(StoreKind kind, string? root, string tenant, long sequence)
    {
        var rowKey = sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        if (kind == StoreKind.Azurite)
        {
            await new TableClient(azurite.ConnectionString, AuditLog.Table).DeleteEntityAsync(tenant + "~00000000", rowKey);
            return;
        }

        // The local table store keeps one JSON file per partition: remove the row from it.
        var file = Directory.GetFiles(Path.Combine(root!, ".tables", AuditLog.Table), "*.json").Single(f => JsonNode.Parse(File.ReadAllText(f))!["pk"]!.GetValue<string>() == tenant + "~00000000");
        var partition = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.True(partition["rows"]!.AsObject().Remove(rowKey));
        await File.WriteAllTextAsync(file, partition.ToJsonString());
    }

    private static AuditEvent Event(string tenant, int i) =>
        new(tenant, "key:k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "publisher", "contract.upload", i % 2 == 0 ? "ok" : "refused:403") { Resource = "contract:pets.json", Detail = "entry " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static async Task<List<AuditEntry>> ListAsync(AuditLog log, string tenant)
    {
        var all = new List<AuditEntry>();
        await foreach (var e in log.QueryAsync(tenant, null, null, 0, 100_000))
        {
            all.Add(e);
        }

        return all;
    }
}
