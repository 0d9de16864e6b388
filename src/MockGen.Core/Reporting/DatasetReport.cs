namespace MockGen.Core.Reporting;

/// <summary>A dataset measured against its contract (<c>mockgen report</c>, the dashboard's run report).</summary>
/// <param name="Contract">The contract's name.</param>
/// <param name="ContractVersion">Its <c>sha256:</c> version.</param>
/// <param name="Dataset">Where the dataset came from (a file name, a run id).</param>
/// <param name="Records">Records read.</param>
/// <param name="Unreadable">Lines that were not a record (line and why), the first few.</param>
/// <param name="UnreadableCount">All such lines.</param>
/// <param name="Targets">Per target, in the contract's target order.</param>
public sealed record DatasetReport(
    string Contract,
    string ContractVersion,
    string Dataset,
    long Records,
    IReadOnlyList<(long Line, string Reason)> Unreadable,
    long UnreadableCount,
    IReadOnlyList<TargetReport> Targets)
{
    /// <summary>Whether anything failed: an unreadable line, an invalid payload, a negative not as labelled, an error record.</summary>
    public bool HasFailures => UnreadableCount > 0 || Targets.Any(t => t.Valid < t.Payloads || t.NegativesAsLabelled < t.Negatives || t.Errors.Count > 0);
}
