using System.Globalization;

namespace MockGen.Storage.Lineage;

/// <summary>
/// A payload's id: <c>{runId}~{targetOrdinal}~{variant}~{index}</c>. It names the run, and through the run's lineage
/// rows the contract version, seed and shard blob, so "which contract version, seed and run produced payload X"
/// is one partition read away.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="TargetOrdinal">The target's ordinal in the run's plan.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Index">The payload index within target and variant.</param>
public sealed record PayloadId(string RunId, int TargetOrdinal, string Variant, long Index)
{
    /// <inheritdoc/>
    public override string ToString() =>
        RunId + "~" + TargetOrdinal.ToString(CultureInfo.InvariantCulture) + "~" + Variant + "~" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses an id, or returns null for anything malformed.</summary>
    public static PayloadId? TryParse(string? value)
    {
        var parts = value?.Split('~');
        if (parts is not { Length: 4 } || !Identifiers.IsRunId(parts[0]) || !Registry.TenantProfile.KnownVariants.Contains(parts[2], StringComparer.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        return new PayloadId(parts[0], ordinal, parts[2], index);
    }
}
