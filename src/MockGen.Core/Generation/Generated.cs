using MockGen.Core.Generation.Output;

namespace MockGen.Core.Generation;

/// <summary>A payload that passed the gate (for the negative variant: that fails exactly as labelled).</summary>
/// <param name="Json">The payload's UTF-8 JSON.</param>
/// <param name="Violation">For a negative payload, the one constraint it breaks.</param>
internal sealed record Generated(byte[] Json, PayloadViolation? Violation) : GenerationResult
{
    /// <summary>What became of the proposal the payload was generated from; <see cref="ProposalVerdict.None"/> without one.</summary>
    public ProposalVerdict Proposal { get; init; }

    /// <summary>Proposed values regenerated in a repair.</summary>
    public int Regenerated { get; init; }
}
