namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// A zero-width assertion. Generation emits nothing for it; the candidate is then verified against the whole
/// pattern, so lookarounds cost retries, never validity.
/// </summary>
internal sealed class AssertionNode(AssertionKind kind, PatternNode? item) : PatternNode
{
    public AssertionKind Kind { get; } = kind;

    /// <summary>The lookaround body; null for anchors and word boundaries.</summary>
    public PatternNode? Item { get; } = item;

    public override int MinLength => 0;

    public override int MaxLength => 0;
}
