using MockGen.Core.Coverage;

namespace MockGen.Core.Reporting;

/// <summary>What a dataset holds for one target: gate statistics, failures, coverage and value distributions.</summary>
public sealed record TargetReport
{
    /// <summary>The target's id.</summary>
    public required string TargetId { get; init; }

    /// <summary>The target's friendly name.</summary>
    public required string Name { get; init; }

    /// <summary>Records per variant (<c>meta.variant</c>), ordinal order.</summary>
    public required IReadOnlyList<(string Variant, long Count)> Variants { get; init; }

    /// <summary>Payload records without a violation label.</summary>
    public long Payloads { get; init; }

    /// <summary>Of those, valid against the contract now.</summary>
    public long Valid { get; init; }

    /// <summary>Labelled negative records.</summary>
    public long Negatives { get; init; }

    /// <summary>Of those, failing exactly as labelled (<see cref="Validation.ViolationMatch"/>).</summary>
    public long NegativesAsLabelled { get; init; }

    /// <summary>Error records (an index the generator could not produce) per <c>errorKind</c>.</summary>
    public required IReadOnlyList<(string Kind, long Count)> Errors { get; init; }

    /// <summary>The first failures: invalid payloads, negatives not failing as labelled, error records (line and message).</summary>
    public required IReadOnlyList<(long Line, string Message)> Failures { get; init; }

    /// <summary>Violated keywords of the negative records, with counts.</summary>
    public required IReadOnlyList<(string Keyword, long Count)> Violations { get; init; }

    /// <summary>Coverage of the target by the dataset; null when the target does not compile.</summary>
    public CoverageSummary? Coverage { get; init; }

    /// <summary>Value distributions per field, in the order first seen.</summary>
    public required IReadOnlyList<FieldDistribution> Fields { get; init; }

    /// <summary>Whether fields beyond <see cref="DatasetReportBuilder.MaxFields"/> were left out.</summary>
    public bool FieldsTruncated { get; init; }
}
