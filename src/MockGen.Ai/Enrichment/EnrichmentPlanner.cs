using MockGen.Ai.Cassettes;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Enrichment;

namespace MockGen.Ai.Enrichment;

/// <summary>
/// Plans targets for value enrichment with the plans stored next to the cassette. Probing a target (a few maximal
/// and typical payloads from a fixed seed) is a fixed cost per target that doubled a 10-payload replay of a large
/// contract, so: <see cref="CassetteMode.Record"/> probes every target and stores its plan under its plan identity;
/// <see cref="CassetteMode.Replay"/> reads the stored plan and probes only a target with none (a cassette recorded
/// before plans were stored, or another planner identity), storing nothing; <see cref="CassetteMode.Live"/> probes
/// and stores nothing. A stored plan is the plan probing gives for the same identity, so the bytes never change.
/// </summary>
public sealed class EnrichmentPlanner
{
    private readonly PlanStore _plans;
    private readonly CassetteMode _mode;
    private readonly string? _tenant;

    /// <summary>Creates a planner over the store's plans for one tenant's cassette.</summary>
    public EnrichmentPlanner(PlanStore plans, CassetteMode mode, string? tenant)
    {
        ArgumentNullException.ThrowIfNull(plans);
        _plans = plans;
        _mode = mode;
        _tenant = tenant;
    }

    /// <summary>Plans every given target, in order.</summary>
    /// <param name="generator">The run's generator: its options shape the probes and so the plan identity.</param>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="targets">The targets to plan.</param>
    /// <param name="cancellationToken">Checked between targets.</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<EnrichmentPlanning> PlanAsync(DatasetGenerator generator, Contract contract, IReadOnlyList<ContractTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(targets);
        var plans = new List<EnrichmentTargetPlan>(targets.Count);
        int probed = 0, stored = 0;
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var identity = generator.PlanIdentity(contract, target);
            if (_mode == CassetteMode.Replay && await _plans.ReadAsync(_tenant, identity, cancellationToken).ConfigureAwait(false) is { } known && known.TargetId == target.Id)
            {
                plans.Add(known);
                stored++;
                continue;
            }

            var plan = generator.PlanEnrichment(contract, [target], cancellationToken)[0];
            probed++;
            if (_mode == CassetteMode.Record)
            {
                await _plans.WriteAsync(_tenant, identity, plan, cancellationToken).ConfigureAwait(false);
            }

            plans.Add(plan);
        }

        return new EnrichmentPlanning(plans, probed, stored);
    }
}
