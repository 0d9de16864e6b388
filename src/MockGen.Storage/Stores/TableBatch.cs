namespace MockGen.Storage.Stores;

/// <summary>The rules both table stores enforce on a batch, so tests against the local folder catch what Azure would reject.</summary>
internal static class TableBatch
{
    public const int MaxRows = 100;

    public static void Check(IReadOnlyList<TableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxRows)
        {
            throw new ArgumentException($"a batch holds 1 to {MaxRows} rows, not {rows.Count}", nameof(rows));
        }

        var partitionKey = rows[0].PartitionKey;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!string.Equals(row.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException("a batch must stay within one partition", nameof(rows));
            }

            if (!keys.Add(row.RowKey))
            {
                throw new ArgumentException($"row key '{row.RowKey}' appears twice in one batch", nameof(rows));
            }
        }
    }

    public static bool IsTableName(string name) =>
        name.Length is >= 3 and <= 63 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
