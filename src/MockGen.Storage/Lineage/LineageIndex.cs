using System.Globalization;
using System.Runtime.CompilerServices;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Lineage;

/// <summary>
/// The lineage table: one row per shard, partitioned by (tenant, run) so a run's rows are one partition scan and
/// a payload id resolves with a prefix query. Rows are written with table transactions, never per payload.
/// </summary>
public sealed class LineageIndex
{
    internal const string Table = "lineage";
    private readonly ITableStore _tables;

    /// <summary>Creates the index over a table store.</summary>
    public LineageIndex(ITableStore tables)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    /// <summary>Records shards (one transaction per 100 rows of the same run).</summary>
    public async Task RecordAsync(IReadOnlyList<ShardLineage> shards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        foreach (var run in shards.GroupBy(s => Partition(s.Tenant, s.RunId), StringComparer.Ordinal))
        {
            foreach (var chunk in run.Chunk(TableBatch.MaxRows))
            {
                await _tables.UpsertBatchAsync(Table, chunk.Select(ToRow).ToList(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One shard's row, or null.</summary>
    public async Task<ShardLineage?> GetAsync(string tenant, string runId, string shardKey, CancellationToken cancellationToken = default)
    {
        var row = await _tables.GetAsync(Table, Partition(tenant, runId), shardKey, cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    /// <summary>All of a run's shards in plan order.</summary>
    public async IAsyncEnumerable<ShardLineage> ListAsync(string tenant, string runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in _tables.QueryAsync(Table, Partition(tenant, runId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromRow(row);
        }
    }

    /// <summary>The shard holding a payload, or null when the tenant has no such payload.</summary>
    public async Task<ShardLineage?> LocateAsync(string tenant, PayloadId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var prefix = id.TargetOrdinal.ToString("D5", CultureInfo.InvariantCulture) + "." + id.Variant + ".";
        await foreach (var row in _tables.QueryAsync(Table, Partition(tenant, id.RunId), prefix, cancellationToken).ConfigureAwait(false))
        {
            var shard = FromRow(row);
            if (id.Index >= shard.StartIndex && id.Index < shard.StartIndex + shard.Lines)
            {
                return shard;
            }
        }

        return null;
    }

    private static string Partition(string tenant, string runId) => Identifiers.Tenant(tenant) + "|" + Identifiers.RunId(runId);

    private static TableRow ToRow(ShardLineage s)
    {
        var properties = Properties(s);
        if (s.TraceId is not null)
        {
            // Only for traced runs, so the rows of untraced runs keep their shape.
            properties["traceId"] = s.TraceId;
        }

        return new TableRow(Partition(s.Tenant, s.RunId), s.ShardKey, properties);
    }

    private static Dictionary<string, object> Properties(ShardLineage s) => new()
    {
        ["tenant"] = s.Tenant,
        ["runId"] = s.RunId,
        ["contract"] = s.ContractName,
        ["contractVersion"] = s.ContractVersion,
        ["targetOrdinal"] = (long)s.TargetOrdinal,
        ["target"] = s.TargetId,
        ["variant"] = s.Variant,
        ["start"] = s.StartIndex,
        ["count"] = (long)s.Count,
        ["bytes"] = s.Bytes,
        ["sha256"] = s.Sha256,
        ["seed"] = s.Seed,
        ["environment"] = s.Environment,
        ["generator"] = s.GeneratorVersion,
        ["blob"] = s.BlobPath,
        ["gzip"] = s.Gzip,
        ["failed"] = (long)s.Failed,
    };

    private static ShardLineage FromRow(TableRow r) => new(
        r.GetString("tenant")!,
        r.GetString("runId")!,
        r.RowKey,
        r.GetString("contract")!,
        r.GetString("contractVersion")!,
        (int)r.GetInt64("targetOrdinal"),
        r.GetString("target")!,
        r.GetString("variant")!,
        r.GetInt64("start"),
        (int)r.GetInt64("count"),
        r.GetInt64("bytes"),
        r.GetString("sha256")!,
        r.GetString("seed")!,
        r.GetString("environment")!,
        r.GetString("generator")!,
        r.GetString("blob")!,
        r.GetBoolean("gzip"))
    {
        // Rows written before failed indexes were recorded have no column: 0.
        Failed = (int)r.GetInt64("failed"),
        TraceId = r.GetString("traceId"),
    };
}
