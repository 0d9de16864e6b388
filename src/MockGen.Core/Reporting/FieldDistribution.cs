namespace MockGen.Core.Reporting;

/// <summary>The values one field (an instance path, array indexes as <c>*</c>) took across a target's valid payloads.</summary>
/// <param name="Path">The field's path (<c>/refunds/*/amount</c>; <c>/</c> for the payload itself).</param>
/// <param name="Count">Values seen.</param>
/// <param name="Nulls">Of which <c>null</c>.</param>
/// <param name="Numbers">Numbers seen, or null when none.</param>
/// <param name="Strings">Strings seen, or null when none.</param>
/// <param name="ArraySizes">Array sizes seen (size, count, ascending), empty when none.</param>
public sealed record FieldDistribution(string Path, long Count, long Nulls, NumberDistribution? Numbers, StringDistribution? Strings, IReadOnlyList<(long Size, long Count)> ArraySizes)
{
    /// <summary>Nulls / count.</summary>
    public double NullShare => Count == 0 ? 0 : (double)Nulls / Count;
}

/// <summary>Numbers of one field: range and a ten-bin histogram over it.</summary>
/// <param name="Count">Numbers seen.</param>
/// <param name="Min">Smallest.</param>
/// <param name="Max">Largest.</param>
/// <param name="Histogram">Counts of ten equal bins from <paramref name="Min"/> to <paramref name="Max"/> (over the first <see cref="DatasetReportBuilder.MaxSamples"/> values).</param>
public sealed record NumberDistribution(long Count, double Min, double Max, IReadOnlyList<long> Histogram);

/// <summary>Strings of one field: lengths (in code points) and the most frequent values.</summary>
/// <param name="Count">Strings seen.</param>
/// <param name="MinLength">Shortest.</param>
/// <param name="MaxLength">Longest.</param>
/// <param name="MeanLength">Mean length.</param>
/// <param name="Top">The most frequent values with their counts (at most five; ties in ordinal order).</param>
/// <param name="Distinct">Distinct values (counted up to <see cref="DatasetReportBuilder.MaxDistinct"/>).</param>
public sealed record StringDistribution(long Count, long MinLength, long MaxLength, double MeanLength, IReadOnlyList<(string Value, long Count)> Top, long Distinct);
