namespace MockGen.Storage.Stores;

/// <summary>
/// Table storage as the pipeline needs it: point reads, partition scans and atomic batches within one
/// partition (Azure entity-group transactions, at most 100 rows).
/// </summary>
public interface ITableStore
{
    /// <summary>Inserts or replaces every row in one atomic transaction; all rows must share a partition key.</summary>
    /// <exception cref="ArgumentException">The rows are empty, span partitions or exceed 100.</exception>
    Task UpsertBatchAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken = default);

    /// <summary>Inserts a row only if its key is free; returns false when it already exists.</summary>
    Task<bool> TryInsertAsync(string table, TableRow row, CancellationToken cancellationToken = default);

    /// <summary>Reads one row, or null.</summary>
    Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Lists a partition's rows (optionally only row keys starting with a prefix) in ordinal row-key order.</summary>
    IAsyncEnumerable<TableRow> QueryAsync(string table, string partitionKey, string? rowKeyPrefix = null, CancellationToken cancellationToken = default);

    /// <summary>The number of transactions (batches, single writes) this store has sent: the cost measure of Table Storage.</summary>
    long TransactionCount { get; }
}
