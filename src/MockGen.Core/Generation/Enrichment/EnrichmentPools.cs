namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// Every target's value pools for one run (<see cref="GenerationOptions.Enrichment"/>). The pools are data, produced
/// before generation by a host (from a model, replayed from a cassette); generation itself stays synchronous,
/// offline and deterministic: a payload draws from a pool with its own seeded stream, and the gate validates it.
/// </summary>
public sealed class EnrichmentPools
{
    private readonly Dictionary<string, TargetEnrichment> _targets = new(StringComparer.Ordinal);

    private readonly Dictionary<string, TargetProposals> _proposals = new(StringComparer.Ordinal);

    /// <summary>Creates the pools; a later entry for the same target replaces an earlier one.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is null.</exception>
    public EnrichmentPools(IEnumerable<TargetEnrichment> targets)
        : this(targets, [])
    {
    }

    /// <summary>Creates value pools and the edge variant's proposed payloads; a later entry for the same target replaces an earlier one.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EnrichmentPools(IEnumerable<TargetEnrichment> targets, IEnumerable<TargetProposals> proposals)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(proposals);
        foreach (var target in targets)
        {
            _targets[target.TargetId] = target;
        }

        foreach (var target in proposals)
        {
            _proposals[target.TargetId] = target;
        }
    }

    /// <summary>The targets that have proposed payloads.</summary>
    public int ProposalTargetCount => _proposals.Count;

    /// <summary>The proposed payloads of a target (for the edge variant), or null.</summary>
    public TargetProposals? ProposalsFor(string targetId) => _proposals.TryGetValue(targetId, out var target) && target.Count > 0 ? target : null;

    /// <summary>The targets that have pools.</summary>
    public int TargetCount => _targets.Count;

    /// <summary>The pools of a target, or null when it is generated without enrichment.</summary>
    public TargetEnrichment? ForTarget(string targetId) => _targets.TryGetValue(targetId, out var target) && target.FieldCount > 0 ? target : null;
}
