namespace MockGen.Core.Coverage;

/// <summary>Covered and total reachable items of one category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Covered">Reachable items exercised by at least one payload.</param>
/// <param name="Total">Reachable items.</param>
/// <param name="NotReachable">Items no payload can exercise (not in <paramref name="Total"/>).</param>
public sealed record CategoryCoverage(CoverageCategory Category, int Covered, int Total, int NotReachable)
{
    /// <summary>Covered / total, 1 when there is nothing to cover.</summary>
    public double Ratio => Total == 0 ? 1 : (double)Covered / Total;
}
