using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Governance;

/// <summary>
/// Which version of each contract, profile and prompt template is active, and the approval record of every version
/// (table <c>governance</c>, partition = tenant: <c>active~{kind}~{name}</c> and <c>version~{kind}~{name}@{hex}</c>).
/// The rules: a version proposed without needing approval is approved and becomes active at once; one that needs
/// approval waits as <see cref="ApprovalState.PendingApproval"/> until <see cref="ApproveAsync"/> (approved and active)
/// or <see cref="RejectAsync"/>; any approved version can be made active again (<see cref="ActivateAsync"/>, a rollback).
/// Versions themselves are immutable: this table only records decisions about them.
/// </summary>
public sealed class VersionGovernance
{
    internal const string Table = "governance";
    private readonly ITableStore _tables;
    private readonly TimeProvider _time;

    /// <summary>Creates the governance table over a table store.</summary>
    public VersionGovernance(ITableStore tables, TimeProvider time)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The active version of a name, or null when none was ever activated.</summary>
    public async Task<string?> GetActiveAsync(string tenant, VersionKind kind, string name, CancellationToken cancellationToken = default)
    {
        var row = await _tables.GetAsync(Table, Identifiers.Tenant(tenant), ActiveKey(kind, name), cancellationToken).ConfigureAwait(false);
        return row?.GetString("version");
    }

    /// <summary>The decision recorded for one version, or null.</summary>
    public async Task<VersionDecision?> GetAsync(string tenant, VersionKind kind, string name, string version, CancellationToken cancellationToken = default)
    {
        var row = await _tables.GetAsync(Table, Identifiers.Tenant(tenant), VersionKey(kind, name, version), cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    /// <summary>Every decision recorded for a name, by publication time.</summary>
    public async IAsyncEnumerable<VersionDecision> ListAsync(string tenant, VersionKind kind, string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var all = new List<VersionDecision>();
        await foreach (var row in _tables.QueryAsync(Table, Identifiers.Tenant(tenant), "version~" + kind + "~" + name + "@", cancellationToken).ConfigureAwait(false))
        {
            all.Add(FromRow(row));
        }

        foreach (var decision in all.OrderBy(d => d.PublishedAt, StringComparer.Ordinal).ThenBy(d => d.Version, StringComparer.Ordinal))
        {
            yield return decision;
        }
    }

    /// <summary>
    /// Records a newly published version. The first decision for a version stands: publishing the same bytes again
    /// returns it unchanged (and changes nothing about which version is active).
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="name">The name.</param>
    /// <param name="version">The new version.</param>
    /// <param name="change">Its classification against <paramref name="comparedTo"/>.</param>
    /// <param name="comparedTo">The version that was active, or null.</param>
    /// <param name="breakingChanges">The breaking changes found, if any.</param>
    /// <param name="requiresApproval">Whether it waits for an approver.</param>
    /// <param name="publishedBy">Who published it.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The decision and whether this call recorded it (false: it existed already).</returns>
    public async Task<(VersionDecision Decision, bool Created)> ProposeAsync(
        string tenant, VersionKind kind, string name, string version, ChangeClass change, string? comparedTo, IReadOnlyList<string> breakingChanges, bool requiresApproval, string publishedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breakingChanges);
        Identifiers.Tenant(tenant);
        Identifiers.Version(version);
        var decision = new VersionDecision(tenant, kind, name, version, requiresApproval ? ApprovalState.PendingApproval : ApprovalState.Approved, change, comparedTo, [.. breakingChanges.Take(20)], publishedBy, Now(), null, null, null);
        if (!await _tables.TryInsertAsync(Table, ToRow(decision), cancellationToken).ConfigureAwait(false))
        {
            return ((await GetAsync(tenant, kind, name, version, cancellationToken).ConfigureAwait(false))!, false);
        }

        if (!requiresApproval)
        {
            await SetActiveAsync(decision, publishedBy, cancellationToken).ConfigureAwait(false);
        }

        return (decision, true);
    }

    /// <summary>Approves a pending version; it becomes the active one.</summary>
    /// <exception cref="MockGenStorageException">There is no such version (NotFound), or it is not pending (Conflict).</exception>
    public Task<VersionDecision> ApproveAsync(string tenant, VersionKind kind, string name, string version, string approver, string? reason, CancellationToken cancellationToken = default) =>
        DecideAsync(tenant, kind, name, version, ApprovalState.Approved, approver, reason, cancellationToken);

    /// <summary>Rejects a pending version; it can never become active.</summary>
    /// <exception cref="MockGenStorageException">There is no such version (NotFound), or it is not pending (Conflict).</exception>
    public Task<VersionDecision> RejectAsync(string tenant, VersionKind kind, string name, string version, string approver, string? reason, CancellationToken cancellationToken = default) =>
        DecideAsync(tenant, kind, name, version, ApprovalState.Rejected, approver, reason, cancellationToken);

    /// <summary>Makes an approved version the active one again (a rollback, or a roll-forward); returns the version it replaced.</summary>
    /// <exception cref="MockGenStorageException">There is no such version (NotFound), or it is pending or rejected (Conflict).</exception>
    public async Task<string?> ActivateAsync(string tenant, VersionKind kind, string name, string version, string by, CancellationToken cancellationToken = default)
    {
        var decision = await GetAsync(tenant, kind, name, Identifiers.Version(version), cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound(kind.ToString().ToLowerInvariant() + " version", name + "@" + version);
        if (decision.State != ApprovalState.Approved)
        {
            throw MockGenStorageException.Conflict(kind.ToString().ToLowerInvariant() + " version", name + "@" + version, $"is {decision.State}; only an approved version can be made active");
        }

        var previous = await GetActiveAsync(tenant, kind, name, cancellationToken).ConfigureAwait(false);
        await SetActiveAsync(decision, by, cancellationToken).ConfigureAwait(false);
        return previous;
    }

    private async Task<VersionDecision> DecideAsync(string tenant, VersionKind kind, string name, string version, ApprovalState state, string approver, string? reason, CancellationToken cancellationToken)
    {
        var decision = await GetAsync(tenant, kind, name, Identifiers.Version(version), cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound(kind.ToString().ToLowerInvariant() + " version", name + "@" + version);
        if (decision.State != ApprovalState.PendingApproval)
        {
            throw MockGenStorageException.Conflict(kind.ToString().ToLowerInvariant() + " version", name + "@" + version, $"is {decision.State}, not PendingApproval");
        }

        var decided = decision with { State = state, DecidedBy = approver, DecidedAt = Now(), Reason = reason };
        await _tables.UpsertBatchAsync(Table, [ToRow(decided)], cancellationToken).ConfigureAwait(false);
        if (state == ApprovalState.Approved)
        {
            await SetActiveAsync(decided, approver, cancellationToken).ConfigureAwait(false);
        }

        return decided;
    }

    private Task SetActiveAsync(VersionDecision decision, string by, CancellationToken cancellationToken) =>
        _tables.UpsertBatchAsync(Table, [new TableRow(decision.Tenant, ActiveKey(decision.Kind, decision.Name), new Dictionary<string, object>
        {
            ["version"] = decision.Version,
            ["activatedBy"] = by,
            ["activatedAt"] = Now(),
        })], cancellationToken);

    private string Now() => _time.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string ActiveKey(VersionKind kind, string name) => "active~" + kind + "~" + name;

    private static string VersionKey(VersionKind kind, string name, string version) => "version~" + kind + "~" + name + "@" + Identifiers.VersionHex(version);

    private static TableRow ToRow(VersionDecision d)
    {
        var properties = new Dictionary<string, object>
        {
            ["kind"] = d.Kind.ToString(),
            ["name"] = d.Name,
            ["version"] = d.Version,
            ["state"] = d.State.ToString(),
            ["change"] = d.Change.ToString(),
            ["breaking"] = JsonSerializer.Serialize(d.BreakingChanges),
            ["publishedBy"] = d.PublishedBy,
            ["publishedAt"] = d.PublishedAt,
        };
        Put(properties, "comparedTo", d.ComparedTo);
        Put(properties, "decidedBy", d.DecidedBy);
        Put(properties, "decidedAt", d.DecidedAt);
        Put(properties, "reason", d.Reason);
        return new TableRow(d.Tenant, VersionKey(d.Kind, d.Name, d.Version), properties);
    }

    private static void Put(Dictionary<string, object> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties[name] = value;
        }
    }

    private static VersionDecision FromRow(TableRow row) => new(
        row.PartitionKey,
        Enum.Parse<VersionKind>(row.GetString("kind")!),
        row.GetString("name")!,
        row.GetString("version")!,
        Enum.Parse<ApprovalState>(row.GetString("state")!),
        Enum.Parse<ChangeClass>(row.GetString("change")!),
        row.GetString("comparedTo"),
        JsonSerializer.Deserialize<string[]>(row.GetString("breaking") ?? "[]") ?? [],
        row.GetString("publishedBy") ?? string.Empty,
        row.GetString("publishedAt") ?? string.Empty,
        row.GetString("decidedBy"),
        row.GetString("decidedAt"),
        row.GetString("reason"));
}
