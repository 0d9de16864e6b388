namespace MockGen.Core.Generation.Patterns;

/// <summary>A group: capturing (numbered from 1 in order of its opening parenthesis, named or not) or not.</summary>
internal sealed class GroupNode(PatternNode item, int captureIndex) : PatternNode
{
    public PatternNode Item { get; } = item;

    /// <summary>The capture number, or 0 for a non-capturing group.</summary>
    public int CaptureIndex { get; } = captureIndex;

    public override int MinLength => Item.MinLength;

    public override int MaxLength => Item.MaxLength;
}
