using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Runs;

/// <summary>The runs table: one row per (tenant, run id) with the spec, status and manifest reference.</summary>
public sealed class RunCatalog
{
    internal const string Table = "runs";
    private readonly ITableStore _tables;
    private readonly TimeProvider _time;

    /// <summary>Creates the catalog.</summary>
    public RunCatalog(ITableStore tables, TimeProvider time)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Records a run as Running. Re-starting an existing id with the same spec resumes it (keeping its start time);
    /// with a different spec it is a conflict, because a run id names one dataset forever.
    /// </summary>
    /// <exception cref="MockGenStorageException">The id exists with another spec.</exception>
    public async Task<RunRecord> StartAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var existing = await GetAsync(spec.Tenant, spec.RunId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (!string.Equals(existing.Spec.Fingerprint(), spec.Fingerprint(), StringComparison.Ordinal))
            {
                throw MockGenStorageException.Conflict("run", spec.RunId, "already exists with different inputs; choose another run id");
            }

            if (existing.IsSealed)
            {
                return existing;
            }
        }

        var record = new RunRecord(spec, RunStatus.Running, existing?.StartedAt ?? Now(), null, 0, 0, null, null, null);
        await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Seals a run with its outcome.</summary>
    public async Task<RunRecord> CompleteAsync(RunSpec spec, RunOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outcome);
        var existing = await GetAsync(spec.Tenant, spec.RunId, cancellationToken).ConfigureAwait(false);
        var record = new RunRecord(spec, outcome.Status, existing?.StartedAt ?? Now(), Now(), outcome.Payloads, outcome.Bytes, outcome.ManifestPath, outcome.ManifestSha256, null);
        await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Marks a run Failed; re-running it resumes.</summary>
    public async Task FailAsync(RunSpec spec, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var existing = await GetAsync(spec.Tenant, spec.RunId, cancellationToken).ConfigureAwait(false);
        await SaveAsync(new RunRecord(spec, RunStatus.Failed, existing?.StartedAt ?? Now(), Now(), 0, 0, null, null, error), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One run, or null.</summary>
    public async Task<RunRecord?> GetAsync(string tenant, string runId, CancellationToken cancellationToken = default)
    {
        var row = await _tables.GetAsync(Table, Identifiers.Tenant(tenant), Identifiers.RunId(runId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    /// <summary>The tenant's runs, newest first.</summary>
    public async IAsyncEnumerable<RunRecord> ListAsync(string tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var all = new List<RunRecord>();
        await foreach (var row in _tables.QueryAsync(Table, Identifiers.Tenant(tenant), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all.Add(FromRow(row));
        }

        foreach (var run in all.OrderByDescending(r => r.StartedAt, StringComparer.Ordinal).ThenBy(r => r.Spec.RunId, StringComparer.Ordinal))
        {
            yield return run;
        }
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private Task SaveAsync(RunRecord r, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, object>
        {
            ["spec"] = JsonSerializer.Serialize(r.Spec),
            ["status"] = r.Status.ToString(),
            ["startedAt"] = r.StartedAt,
            ["payloads"] = r.Payloads,
            ["bytes"] = r.Bytes,
        };
        Put(properties, "finishedAt", r.FinishedAt);
        Put(properties, "manifest", r.ManifestPath);
        Put(properties, "manifestSha256", r.ManifestSha256);
        Put(properties, "error", r.Error);
        return _tables.UpsertBatchAsync(Table, [new TableRow(r.Spec.Tenant, r.Spec.RunId, properties)], cancellationToken);
    }

    private static void Put(Dictionary<string, object> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties[name] = value;
        }
    }

    private static RunRecord FromRow(TableRow row) => new(
        JsonSerializer.Deserialize<RunSpec>(row.GetString("spec")!)!,
        Enum.Parse<RunStatus>(row.GetString("status")!),
        row.GetString("startedAt")!,
        row.GetString("finishedAt"),
        row.GetInt64("payloads"),
        row.GetInt64("bytes"),
        row.GetString("manifest"),
        row.GetString("manifestSha256"),
        row.GetString("error"));
}
