using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Audit;

/// <summary>
/// Each tenant's append-only audit log in the table store (table <c>audit</c>; Table Storage or the local folder):
/// entry <c>n</c> is row <c>{n:D19}</c> in partition <c>{tenant}~{(n-1)/1000:D8}</c>, and a head row per tenant
/// remembers the last sequence and hash. Every entry carries the SHA-256 of the one before it, so a removed entry
/// (a gap in the sequence), an edited one (its hash no longer matches) or a rewritten tail (the next entry's
/// previous-hash no longer matches) is found by <see cref="VerifyAsync"/>.
/// </summary>
/// <remarks>
/// Entries are inserted with insert-if-absent on their sequence, so two writers (two serve processes, Functions
/// instances) never both claim one sequence: the loser re-reads the head and retries. The head is updated after the
/// entry; a crash in between leaves an entry past the head, which the next append adopts before writing its own.
/// Partitions of 1,000 entries keep each local partition file and each Table query small. Times are clamped to be
/// non-decreasing along the chain, so a time-range query can binary-search the partitions. Time here is metadata
/// about the action, never anything that shapes a payload, so the injected clock is the system clock in the hosts.
/// </remarks>
public sealed class AuditLog : IDisposable
{
    /// <summary>The table.</summary>
    public const string Table = "audit";

    /// <summary>The previous-hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const int DefaultPartitionSize = 1000;
    private const int MaxAttempts = 16;
    private readonly ITableStore _tables;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly long _partitionSize;

    /// <summary>Creates the log over a table store.</summary>
    public AuditLog(ITableStore tables, TimeProvider time)
        : this(tables, time, DefaultPartitionSize)
    {
    }

    /// <summary>Creates the log with another partition size (tests reach several partitions with few entries).</summary>
    internal AuditLog(ITableStore tables, TimeProvider time, int partitionSize)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionSize, 1);
        _partitionSize = partitionSize;
    }

    /// <summary>Releases the in-process append lock.</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>Appends one entry to the tenant's log and returns it.</summary>
    /// <exception cref="MockGenStorageException">The tenant id is invalid.</exception>
    public async Task<AuditEntry> AppendAsync(AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var tenant = Identifiers.Tenant(audit.Tenant);
        // One writer at a time in this process: contention then only arises between processes.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var head = await HeadAsync(tenant, cancellationToken).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                if (head.Time is { } last && DateTimeOffset.Parse(last, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) is var lastTime && lastTime > now)
                {
                    now = lastTime;
                }

                var entry = Seal(head.Sequence + 1, now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), tenant, audit, head.Hash);
                if (await _tables.TryInsertAsync(Table, ToRow(entry), cancellationToken).ConfigureAwait(false))
                {
                    await SaveHeadAsync(entry, cancellationToken).ConfigureAwait(false);
                    return entry;
                }

                // Another writer took this sequence (or a crash left it past the head): adopt it and try the next one.
                if (await GetAsync(tenant, head.Sequence + 1, cancellationToken).ConfigureAwait(false) is { } taken)
                {
                    await SaveHeadAsync(taken, cancellationToken).ConfigureAwait(false);
                }
            }

            throw MockGenStorageException.Conflict("audit log", tenant, $"could not append after {MaxAttempts} attempts (too many concurrent writers)");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The tenant's entries with <paramref name="from"/> &lt;= time &lt; <paramref name="to"/> (either bound optional),
    /// oldest first, after sequence <paramref name="afterSequence"/>, at most <paramref name="limit"/> of them.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> QueryAsync(string tenant, DateTimeOffset? from, DateTimeOffset? to, long afterSequence = 0, int limit = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Identifiers.Tenant(tenant);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var head = await HeadAsync(tenant, cancellationToken).ConfigureAwait(false);
        if (head.Sequence == 0)
        {
            yield break;
        }

        var lastChunk = Chunk(head.Sequence);
        var firstChunk = Math.Max(Chunk(Math.Max(afterSequence + 1, 1)), from is { } f ? await FirstChunkAtOrAfterAsync(tenant, f, lastChunk, cancellationToken).ConfigureAwait(false) : 0);
        var returned = 0;
        // Rows past the head (a crash between entry and head) are read too: the partition query sees them.
        for (var chunk = firstChunk; chunk <= lastChunk + 1; chunk++)
        {
            await foreach (var row in _tables.QueryAsync(Table, PartitionKey(tenant, chunk), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var entry = FromRow(row);
                if (entry.Sequence <= afterSequence)
                {
                    continue;
                }

                var time = DateTimeOffset.Parse(entry.Time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                if (from is { } lower && time < lower)
                {
                    continue;
                }

                if (to is { } upper && time >= upper)
                {
                    yield break;
                }

                yield return entry;
                if (++returned >= limit)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// Reads the whole chain and checks that sequences run 1..head without gaps, that every entry's hash matches its
    /// content and that every entry names the previous entry's hash.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(string tenant, CancellationToken cancellationToken = default)
    {
        Identifiers.Tenant(tenant);
        var head = await HeadAsync(tenant, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        long expected = 1, read = 0;
        var previousHash = GenesisHash;
        var lastHash = GenesisHash;
        var emptyChunks = 0;
        for (var chunk = 0L; chunk <= Chunk(Math.Max(head.Sequence, 1)) || emptyChunks == 0; chunk++)
        {
            var any = false;
            await foreach (var row in _tables.QueryAsync(Table, PartitionKey(tenant, chunk), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                any = true;
                var entry = FromRow(row);
                read++;
                if (entry.Sequence != expected)
                {
                    problems.Add(entry.Sequence > expected
                        ? Describe(expected, entry.Sequence - 1, "missing (a gap before #" + entry.Sequence.ToString(CultureInfo.InvariantCulture) + ")")
                        : "#" + entry.Sequence.ToString(CultureInfo.InvariantCulture) + ": out of order");
                }

                if (!string.Equals(Seal(entry.Sequence, entry.Time, entry.Tenant, ToEvent(entry), entry.PreviousHash).Hash, entry.Hash, StringComparison.Ordinal)
                    || !string.Equals(row.RowKey, RowKey(entry.Sequence), StringComparison.Ordinal)
                    || !string.Equals(entry.Tenant, tenant, StringComparison.Ordinal))
                {
                    problems.Add("#" + entry.Sequence.ToString(CultureInfo.InvariantCulture) + ": its hash does not match its content (edited)");
                }
                else if (entry.Sequence == expected && !string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    problems.Add("#" + entry.Sequence.ToString(CultureInfo.InvariantCulture) + ": does not chain to the entry before it (an earlier entry was rewritten)");
                }

                previousHash = entry.Hash;
                lastHash = entry.Hash;
                expected = entry.Sequence + 1;
            }

            // Keep reading one partition past the head: entries written after a crash before the head was updated.
            if (!any && chunk >= Chunk(Math.Max(head.Sequence, 1)))
            {
                emptyChunks++;
            }
        }

        if (expected <= head.Sequence)
        {
            problems.Add(Describe(expected, head.Sequence, "missing (the log ends before its head says it does)"));
        }

        return new AuditVerification(tenant, read, head.Sequence, head.Sequence == 0 ? lastHash : head.Hash, problems);
    }

    /// <summary>The SHA-256 (hex) of an entry's canonical form: a JSON array of its fields in declaration order.</summary>
    internal static string ComputeHash(long sequence, string time, string tenant, AuditEvent e, string previousHash)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new object[]
        {
            sequence, time, tenant, e.Principal, e.Role, e.Action, e.Resource, e.Version, e.RequestId, e.Outcome, e.Detail, previousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    private static AuditEntry Seal(long sequence, string time, string tenant, AuditEvent e, string previousHash) =>
        new(sequence, time, tenant, e.Principal, e.Role, e.Action, e.Resource, e.Version, e.RequestId, e.Outcome, e.Detail, previousHash, ComputeHash(sequence, time, tenant, e, previousHash));

    private static AuditEvent ToEvent(AuditEntry e) =>
        new(e.Tenant, e.Principal, e.Role, e.Action, e.Outcome) { Resource = e.Resource, Version = e.Version, RequestId = e.RequestId, Detail = e.Detail };

    private static string Describe(long first, long last, string what) =>
        first == last
            ? "#" + first.ToString(CultureInfo.InvariantCulture) + ": " + what
            : "#" + first.ToString(CultureInfo.InvariantCulture) + "..#" + last.ToString(CultureInfo.InvariantCulture) + ": " + what;

    private async Task<long> FirstChunkAtOrAfterAsync(string tenant, DateTimeOffset from, long lastChunk, CancellationToken cancellationToken)
    {
        // The last partition whose first entry is before 'from' may still hold entries at or after it.
        long low = 0, high = lastChunk, answer = 0;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var first = await GetAsync(tenant, (middle * _partitionSize) + 1, cancellationToken).ConfigureAwait(false);
            if (first is not null && DateTimeOffset.Parse(first.Time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) < from)
            {
                answer = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return answer;
    }

    private async Task<AuditEntry?> GetAsync(string tenant, long sequence, CancellationToken cancellationToken)
    {
        var row = await _tables.GetAsync(Table, PartitionKey(tenant, Chunk(sequence)), RowKey(sequence), cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    private async Task<(long Sequence, string Hash, string? Time)> HeadAsync(string tenant, CancellationToken cancellationToken)
    {
        var row = await _tables.GetAsync(Table, tenant + "~head", "head", cancellationToken).ConfigureAwait(false);
        return row is null ? (0, GenesisHash, null) : (row.GetInt64("sequence"), row.GetString("hash")!, row.GetString("time"));
    }

    private Task SaveHeadAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _tables.UpsertBatchAsync(Table, [new TableRow(entry.Tenant + "~head", "head", new Dictionary<string, object>
        {
            ["sequence"] = entry.Sequence,
            ["hash"] = entry.Hash,
            ["time"] = entry.Time,
        })], cancellationToken);

    private long Chunk(long sequence) => (sequence - 1) / _partitionSize;

    private static string PartitionKey(string tenant, long chunk) => tenant + "~" + chunk.ToString("D8", CultureInfo.InvariantCulture);

    private static string RowKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    private TableRow ToRow(AuditEntry e) => new(PartitionKey(e.Tenant, Chunk(e.Sequence)), RowKey(e.Sequence), new Dictionary<string, object>
    {
        ["sequence"] = e.Sequence,
        ["time"] = e.Time,
        ["tenant"] = e.Tenant,
        ["principal"] = e.Principal,
        ["role"] = e.Role,
        ["action"] = e.Action,
        ["object"] = e.Resource,
        ["version"] = e.Version,
        ["requestId"] = e.RequestId,
        ["outcome"] = e.Outcome,
        ["detail"] = e.Detail,
        ["previousHash"] = e.PreviousHash,
        ["hash"] = e.Hash,
    });

    private static AuditEntry FromRow(TableRow row) => new(
        row.GetInt64("sequence"),
        row.GetString("time") ?? string.Empty,
        row.GetString("tenant") ?? string.Empty,
        row.GetString("principal") ?? string.Empty,
        row.GetString("role") ?? string.Empty,
        row.GetString("action") ?? string.Empty,
        row.GetString("object") ?? string.Empty,
        row.GetString("version") ?? string.Empty,
        row.GetString("requestId") ?? string.Empty,
        row.GetString("outcome") ?? string.Empty,
        row.GetString("detail") ?? string.Empty,
        row.GetString("previousHash") ?? string.Empty,
        row.GetString("hash") ?? string.Empty);
}
