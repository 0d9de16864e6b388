namespace MockGen.Storage.Stores;

/// <summary>
/// One table entity. Property values are <see cref="string"/>, <see cref="long"/> or <see cref="bool"/> only,
/// so both stores round-trip them exactly (times are ISO-8601 strings, which sort as they compare).
/// </summary>
/// <param name="PartitionKey">The partition key; any text, encoded for the service by the store.</param>
/// <param name="RowKey">The row key, unique in its partition; rows list in ordinal order of it.</param>
/// <param name="Properties">The values.</param>
public sealed record TableRow(string PartitionKey, string RowKey, IReadOnlyDictionary<string, object> Properties)
{
    /// <summary>A string property, or null when absent.</summary>
    public string? GetString(string name) => Properties.TryGetValue(name, out var v) ? v as string : null;

    /// <summary>A 64-bit integer property, or 0 when absent.</summary>
    public long GetInt64(string name) => Properties.TryGetValue(name, out var v) && v is long l ? l : 0;

    /// <summary>A Boolean property, or false when absent.</summary>
    public bool GetBoolean(string name) => Properties.TryGetValue(name, out var v) && v is bool b && b;
}
