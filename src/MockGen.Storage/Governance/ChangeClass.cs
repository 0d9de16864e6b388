namespace MockGen.Storage.Governance;

/// <summary>How a new version differs from the active one.</summary>
public enum ChangeClass
{
    /// <summary>There was no active version.</summary>
    Initial,

    /// <summary>Everything valid under the active version stays valid (the contract diff found no breaking change).</summary>
    NonBreaking,

    /// <summary>The contract diff found breaking changes.</summary>
    Breaking,

    /// <summary>A profile or prompt change (not classified further).</summary>
    Changed,
}
