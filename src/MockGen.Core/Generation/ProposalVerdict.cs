namespace MockGen.Core.Generation;

/// <summary>What the engine made of a proposed payload (an edge case from a model).</summary>
public enum ProposalVerdict
{
    /// <summary>The payload was not generated from a proposal.</summary>
    None,

    /// <summary>The proposal passed the gate as it was.</summary>
    Accepted,

    /// <summary>Values that failed their own subschema were regenerated deterministically, the rest kept, and the result passed the gate.</summary>
    Repaired,

    /// <summary>No repair passed the gate: the index was generated deterministically without the proposal.</summary>
    Rejected,
}
