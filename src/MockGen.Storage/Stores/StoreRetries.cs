using System.Collections.Concurrent;

namespace MockGen.Storage.Stores;

/// <summary>
/// Counts the storage requests an Azure store retried, by the reason of the failed attempt (an HTTP status such as
/// <c>503</c>, <c>timeout</c>, or an exception type such as <c>IOException</c>). One tally per store; a run also
/// gets its own through <see cref="BeginScope"/>, so its summary shows the retries it rode out.
/// </summary>
public sealed class StoreRetries
{
    private static readonly AsyncLocal<StoreRetries?> s_scope = new();
    private readonly ConcurrentDictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>All retries counted.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Retries by reason, in ordinal order of the reason.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByReason => [.. _byReason.OrderBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>The reasons as one short text, e.g. <c>429 x2, 503 x3, timeout x1</c>, or empty.</summary>
    public string Describe() => string.Join(", ", ByReason.Select(r => r.Key + " x" + r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Counts the retries of every storage request made in this asynchronous flow (and the tasks it starts) into
    /// the returned tally too, until the flow ends. The local runner opens one per run.
    /// </summary>
    public static StoreRetries BeginScope()
    {
        var tally = new StoreRetries();
        s_scope.Value = tally;
        return tally;
    }

    internal static StoreRetries? Current => s_scope.Value;

    internal void Add(string reason)
    {
        Interlocked.Increment(ref _total);
        _byReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }
}
