namespace MockGen.Core.Generation;

/// <summary>What one target and variant of a run produced.</summary>
/// <param name="Contract">The contract's name.</param>
/// <param name="Target">The target id.</param>
/// <param name="TargetName">The target's friendly name.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Generated">Payloads written.</param>
/// <param name="Retries">Gate rejections that were regenerated from a derived seed.</param>
/// <param name="Bytes">Payload bytes written (without meta).</param>
/// <param name="Elapsed">Time spent, for payloads per second.</param>
/// <param name="Failure">The first failure (of an index or of the whole target), or null when every payload was produced.</param>
public sealed record TargetRunSummary(
    string Contract,
    string Target,
    string TargetName,
    GenerationVariant Variant,
    long Generated,
    long Retries,
    long Bytes,
    TimeSpan Elapsed,
    TargetFailure? Failure)
{
    /// <summary>The most failures a summary keeps; <see cref="Failed"/> still counts them all.</summary>
    public const int MaxRecordedFailures = 100;

    /// <summary>Payloads per second, or 0 when no time was measured.</summary>
    public double PayloadsPerSecond => Elapsed > TimeSpan.Zero ? Generated / Elapsed.TotalSeconds : 0;

    /// <summary>The failures in index order, at most <see cref="MaxRecordedFailures"/>. Empty when none.</summary>
    public IReadOnlyList<TargetFailure> Failures { get; init; } = [];

    /// <summary>Indexes that failed (each has an error record in the dataset).</summary>
    public long Failed { get; init; }

    /// <summary>
    /// Indexes not attempted because the target was shown hopeless: a proven conflict, an invalid schema, or
    /// every one of the first attempted indexes failing.
    /// </summary>
    public long Skipped { get; init; }

    /// <summary>
    /// For the <see cref="GenerationVariant.Coverage"/> variant: what the chosen payloads cover, with every item left
    /// uncovered (and why, in <see cref="Coverage.CoverageItem.NotReachable"/>); null for the other variants.
    /// </summary>
    public Coverage.CoverageSummary? Coverage { get; init; }

    /// <summary>For the coverage variant: candidate payloads generated to choose from.</summary>
    public long Candidates { get; init; }

    /// <summary>
    /// For a scenario's run (the scenarios mode), the scenario's name and how the model's candidates fared at the gate;
    /// null for a variant's run.
    /// </summary>
    public ScenarioAnswers? Scenario { get; init; }

    /// <summary>Edge variant: proposals that passed the gate as the model wrote them.</summary>
    public long ProposalsAccepted { get; init; }

    /// <summary>Edge variant: proposals that passed after some values were regenerated (<see cref="ProposalValuesRegenerated"/>).</summary>
    public long ProposalsRepaired { get; init; }

    /// <summary>Edge variant: proposals no repair could save; their indexes were generated without them.</summary>
    public long ProposalsRejected { get; init; }

    /// <summary>Edge variant: proposed values that failed their own subschema and were regenerated, over all repaired proposals.</summary>
    public long ProposalValuesRegenerated { get; init; }
}
