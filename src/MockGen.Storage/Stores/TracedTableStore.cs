using System.Runtime.CompilerServices;
using MockGen.Storage.Telemetry;

namespace MockGen.Storage.Stores;

/// <summary>A table store whose every call is a span and a duration measurement (see <see cref="StoreTelemetry"/>).</summary>
internal sealed class TracedTableStore(ITableStore inner, string store) : ITableStore
{
    public ITableStore Inner => inner;

    public long TransactionCount => inner.TransactionCount;

    public async Task UpsertBatchAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default)
    {
        using var call = StoreTelemetry.Start(store, "table.upsert", table);
        try
        {
            await inner.UpsertBatchAsync(table, rows, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    public async Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        using var call = StoreTelemetry.Start(store, "table.insert", table);
        try
        {
            return await inner.TryInsertAsync(table, row, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        using var call = StoreTelemetry.Start(store, "table.get", table);
        try
        {
            return await inner.GetAsync(table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string partitionKey, string? rowKeyPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = StoreTelemetry.Start(store, "table.query", table);
        await foreach (var row in inner.QueryAsync(table, partitionKey, rowKeyPrefix, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }
}
