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
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))).ToList();
        Interlocked.Increment(ref _transactions);
        await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _transactions);
        try
        {
            await client.AddEntityAsync(ToEntity(row), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var client = await TableAsync(table, cancellationToken).ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(Escape(partitionKey), Escape(rowKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
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

        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
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
        if (task.IsFaulted || task.IsCanceled)
        {
            _tables.TryRemove(table, out _);
        }

        await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _service.GetTableClient(table);
    }
}
