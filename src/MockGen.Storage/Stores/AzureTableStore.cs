using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace MockGen.Storage.Stores;

/// <summary>
/// Tables in Azure Table Storage (or Azurite). Keys are escaped because the service forbids '/', '\', '#', '?'
/// and control characters in them, and the pipeline's keys hold contract names and JSON Pointers.
/// </summary>
internal sealed class AzureTableStore : ITableStore
{
    private readonly TableServiceClient _service;
    private readonly ConcurrentDictionary<string, Task> _tables = new(StringComparer.Ordinal);
    private long _transactions;

    public AzureTableStore(TableServiceClient service)
    {
        _service = service;
    }

    public long TransactionCount => Interlocked.Read(ref _transactions);

    public async Task UpsertBatchAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default)
    {
        TableBatch.Check(rows);
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))).ToList();
        await WithTableAsync(
            table,
            async client =>
            {
                Interlocked.Increment(ref _transactions);
                await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        return await WithTableAsync(
            table,
            async client =>
            {
                Interlocked.Increment(ref _transactions);
                try
                {
                    await client.AddEntityAsync(ToEntity(row), cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Taken, possibly by this very insert: applied, then its answer lost and the request retried.
                    return false;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await client.GetEntityIfExistsAsync<TableEntity>(Escape(partitionKey), Escape(rowKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? FromEntity(response.Value!) : null;
        }
        catch (RequestFailedException e) when (IsTableGone(e))
        {
            Forget(table);
            return null;
        }
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string partitionKey, string? rowKeyPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        var pk = Escape(partitionKey);
        string filter;
        if (string.IsNullOrEmpty(rowKeyPrefix))
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk}");
        }
        else
        {
            // A prefix is the half-open range [prefix, prefix + U+FFFF); escaping keeps prefixes prefixes.
            var lower = Escape(rowKeyPrefix);
            var upper = lower + '\uffff';
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {lower} and RowKey lt {upper}");
        }

        var entities = client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await entities.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (RequestFailedException e) when (IsTableGone(e))
                {
                    // No table, no rows; the next write creates it again.
                    Forget(table);
                    break;
                }

                yield return FromEntity(entities.Current);
            }
        }
        finally
        {
            await entities.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsTableGone(RequestFailedException e) => e.Status == 404 && string.Equals(e.ErrorCode, "TableNotFound", StringComparison.Ordinal);

    private void Forget(string table) => _tables.TryRemove(table, out _);

    /// <summary>
    /// Runs an operation on a table created earlier by this store, and once more after creating it again when the
    /// service says it is gone: the cache of created tables outlives an emulator restarted without its data
    /// (Azurite killed before it saved them: tests/MockGen.Storage.Tests/Stores/AzureStoreFaultTests.cs) or a reset account.
    /// </summary>
    private async Task<T> WithTableAsync<T>(string table, Func<TableClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        try
        {
            return await operation(client).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (IsTableGone(e))
        {
            Forget(table);
            client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
            return await operation(client).ConfigureAwait(false);
        }
    }

    internal static string Escape(string key)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder ??= new StringBuilder(key, 0, i, key.Length + 8);
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? key;
    }

    internal static string Unescape(string key) => key.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(key) : key;

    private static TableEntity ToEntity(TableRow row)
    {
        var entity = new TableEntity(Escape(row.PartitionKey), Escape(row.RowKey));
        foreach (var (name, value) in row.Properties)
        {
            entity[name] = value switch
            {
                string or long or bool => value,
                _ => throw new ArgumentException($"property {name} has unsupported type {value.GetType().Name}"),
            };
        }

        return entity;
    }

    private static TableRow FromEntity(TableEntity entity)
    {
        var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            properties[name] = value switch
            {
                int i => (long)i,
                string or long or bool => value,
                _ => value?.ToString() ?? string.Empty,
            };
        }

        return new TableRow(Unescape(entity.PartitionKey), Unescape(entity.RowKey), properties);
    }

    private async Task<TableClient> TableAsync(string table, CancellationToken cancellationToken)
    {
        if (!TableBatch.IsTableName(table))
        {
            throw new ArgumentException($"'{table}' is not a table name", nameof(table));
        }

        var task = _tables.GetOrAdd(table, name => _service.GetTableClient(name).CreateIfNotExistsAsync(CancellationToken.None));
        try
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            // As for blob containers: a failed creation is forgotten, so the table is created on the next call.
            _tables.TryRemove(new KeyValuePair<string, Task>(table, task));
            throw;
        }

        return _service.GetTableClient(table);
    }
}
