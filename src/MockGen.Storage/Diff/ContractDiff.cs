namespace MockGen.Storage.Diff;

/// <summary>The differences between two contract versions, breaking first, then by target and path (ordinal).</summary>
/// <param name="OldVersion">The old contract's version.</param>
/// <param name="NewVersion">The new contract's version.</param>
/// <param name="Changes">The changes.</param>
public sealed record ContractDiff(string OldVersion, string NewVersion, IReadOnlyList<ContractChange> Changes)
{
    /// <summary>True when any change is breaking.</summary>
    public bool HasBreakingChanges => Changes.Any(c => c.Severity == ChangeSeverity.Breaking);
}
