namespace MockGen.Storage.Registry;

/// <summary>
/// What the contract watcher has already handled, persisted as a blob so a restart misses nothing and repeats
/// nothing: the last ETag seen per contract blob, and the runs it started that are not sealed yet.
/// </summary>
public sealed class IntakeCheckpoint
{
    /// <summary>Contract blob path to the ETag last registered.</summary>
    public SortedDictionary<string, string> Seen { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Runs started by the watcher and not sealed yet, as <c>tenant/runId</c>.</summary>
    public SortedSet<string> Active { get; init; } = new(StringComparer.Ordinal);
}
