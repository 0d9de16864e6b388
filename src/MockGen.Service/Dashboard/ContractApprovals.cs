using MockGen.Storage.Governance;

namespace MockGen.Service.Dashboard;

/// <summary>
/// What governance says of a tenant's contract versions, for the dashboard: each version's decision (approval state,
/// change class and the breaking changes found against the version active when it was published) and the active
/// version per contract.
/// </summary>
internal sealed class ContractApprovals
{
    private readonly Dictionary<(string Name, string Version), VersionDecision> _decisions = [];
    private readonly Dictionary<string, string> _active = new(StringComparer.Ordinal);

    /// <summary>The versions waiting for an approver, oldest first (the order they were published in).</summary>
    public IReadOnlyList<VersionDecision> Pending =>
        [.. _decisions.Values.Where(d => d.State == ApprovalState.PendingApproval).OrderBy(d => d.PublishedAt, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>Reads the decisions and the active version of every named contract.</summary>
    public static async Task<ContractApprovals> ReadAsync(VersionGovernance governance, string tenant, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var approvals = new ContractApprovals();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            await foreach (var decision in governance.ListAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false))
            {
                approvals._decisions[(name, decision.Version)] = decision;
            }

            if (await governance.GetActiveAsync(tenant, VersionKind.Contract, name, cancellationToken).ConfigureAwait(false) is { } active)
            {
                approvals._active[name] = active;
            }
        }

        return approvals;
    }

    public VersionDecision? Decision(string name, string version) => _decisions.GetValueOrDefault((name, version));

    public bool IsActive(string name, string version) => _active.TryGetValue(name, out var active) && active == version;
}
