using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace MockGen.Storage.Stores;

/// <summary>
/// Tables as one JSON file per partition under <c>{root}/.tables/{table}/</c>. A batch rewrites its partition file
/// through a temporary file and a rename, which makes it atomic like an Azure entity-group transaction.
/// </summary>
internal sealed class LocalFolderTableStore : ITableStore, IDisposable
{
    private readonly string _root;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _transactions;

    public LocalFolderTableStore(string root)
    {
        _root = Path.Combine(Path.GetFullPath(root), ".tables");
        try
        {
            Directory.CreateDirectory(_root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only folder can still be read; the first write reports why it cannot write.
        }
    }

    public long TransactionCount => Interlocked.Read(ref _transactions);

    public void Dispose() => _gate.Dispose();

    public async Task UpsertBatchAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default)
    {
        TableBatch.Check(rows);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var file = FileOf(table, rows[0].PartitionKey);
            var partition = await ReadPartitionAsync(file, cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                partition[row.RowKey] = row;
            }

            await WritePartitionAsync(file, partition, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _transactions);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var file = FileOf(table, row.PartitionKey);
            var partition = await ReadPartitionAsync(file, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _transactions);
            if (!partition.TryAdd(row.RowKey, row))
            {
                return false;
            }

            await WritePartitionAsync(file, partition, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var partition = await ReadPartitionAsync(FileOf(table, partitionKey), cancellationToken).ConfigureAwait(false);
        return partition.GetValueOrDefault(rowKey);
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, string partitionKey, string? rowKeyPrefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partition = await ReadPartitionAsync(FileOf(table, partitionKey), cancellationToken).ConfigureAwait(false);
        foreach (var row in partition.Values)
        {
            if (rowKeyPrefix is null || row.RowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal))
            {
                yield return row;
            }
        }
    }

    private string FileOf(string table, string partitionKey)
    {
        if (!TableBatch.IsTableName(table))
        {
            throw new ArgumentException($"'{table}' is not a table name", nameof(table));
        }

        // Base64url keeps any partition key a safe, reversible file name.
        var name = Convert.ToBase64String(Encoding.UTF8.GetBytes(partitionKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Path.Combine(_root, table, (name.Length == 0 ? "_" : name) + ".json");
    }

    private static async Task<SortedDictionary<string, TableRow>> ReadPartitionAsync(string file, CancellationToken cancellationToken)
    {
        var rows = new SortedDictionary<string, TableRow>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            // The common case for a new shard's lineage lookup: answered without a first-chance exception.
            return rows;
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return rows;
        }

        using var document = JsonDocument.Parse(bytes);
        var partitionKey = document.RootElement.GetProperty("pk").GetString()!;
        foreach (var row in document.RootElement.GetProperty("rows").EnumerateObject())
        {
            var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
            foreach (var p in row.Value.EnumerateObject())
            {
                properties[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!,
                    JsonValueKind.Number => p.Value.GetInt64(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new InvalidDataException($"{file}: unexpected value for {row.Name}.{p.Name}"),
                };
            }

            rows[row.Name] = new TableRow(partitionKey, row.Name, properties);
        }

        return rows;
    }

    private async Task WritePartitionAsync(string file, SortedDictionary<string, TableRow> rows, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("pk", rows.Values.First().PartitionKey);
            writer.WriteStartObject("rows");
            foreach (var row in rows.Values)
            {
                writer.WriteStartObject(row.RowKey);
                foreach (var (name, value) in row.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    switch (value)
                    {
                        case string s: writer.WriteString(name, s); break;
                        case long l: writer.WriteNumber(name, l); break;
                        case bool b: writer.WriteBoolean(name, b); break;
                        default: throw new ArgumentException($"property {name} has unsupported type {value.GetType().Name}");
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // The batch lock serializes this process's writers, so one temporary name per partition file suffices.
        var temp = file + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(temp, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LocalFolderBlobStore.DeleteQuietly(temp);
            throw MockGenStorageException.WriteRefused("table " + Path.GetFileName(Path.GetDirectoryName(file)), Path.GetDirectoryName(_root)!, e);
        }
        catch
        {
            LocalFolderBlobStore.DeleteQuietly(temp);
            throw;
        }
    }
}
