namespace MockGen.Core.Coverage;

/// <summary>The coverage of one target by a dataset: per category, and every item not covered.</summary>
/// <param name="TargetId">The target's id.</param>
/// <param name="Categories">Every category, in <see cref="CoverageCategory"/> order.</param>
/// <param name="Uncovered">Reachable items no payload exercised, in model order.</param>
/// <param name="NotReachable">Items no payload can exercise, with the reason on each.</param>
/// <param name="Truncated">Whether the model stopped at a bound of <see cref="CoverageOptions"/> (a huge contract).</param>
/// <param name="Payloads">Valid payloads measured.</param>
/// <param name="NegativePayloads">Negative payloads (with a violation label) measured.</param>
public sealed record CoverageSummary(
    string TargetId,
    IReadOnlyList<CategoryCoverage> Categories,
    IReadOnlyList<CoverageItem> Uncovered,
    IReadOnlyList<CoverageItem> NotReachable,
    bool Truncated,
    long Payloads,
    long NegativePayloads)
{
    /// <summary>Reachable items covered, all categories.</summary>
    public int Covered => Categories.Sum(c => c.Covered);

    /// <summary>Reachable items, all categories.</summary>
    public int Total => Categories.Sum(c => c.Total);

    /// <summary>Covered / total, 1 when there is nothing to cover.</summary>
    public double Ratio => Total == 0 ? 1 : (double)Covered / Total;

    /// <summary>
    /// What was left out and why, per category (in <see cref="CoverageCategory"/> order) and kind of reason (in
    /// ordinal order): the not-reachable items by their reason, the uncovered ones by <see cref="CoverageItem.NotCovered"/>.
    /// </summary>
    public IReadOnlyList<CoverageShortfall> Shortfalls() =>
        [.. NotReachable.Select(i => (i.Category, Kind: KindOf(i.NotReachable)))
            .Concat(Uncovered.Select(i => (i.Category, Kind: KindOf(i.NotCovered))))
            .GroupBy(x => x)
            .OrderBy(g => g.Key.Category)
            .ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .Select(g => new CoverageShortfall(g.Key.Category, g.Key.Kind, g.Count()))];

    private static string KindOf(string? reason)
    {
        var colon = reason?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 ? reason![..colon] : "not covered";
    }
}
