namespace MockGen.Core.Generation.Patterns;

/// <summary>A backreference (<c>\1</c>, <c>\k&lt;name&gt;</c>): repeats what its group captured.</summary>
internal sealed class BackreferenceNode(int captureIndex, PatternNode group) : PatternNode
{
    public int CaptureIndex { get; } = captureIndex;

    // An ECMA-262 backreference to a group that did not participate matches the empty string.
    public override int MinLength => 0;

    public override int MaxLength => group.MaxLength;
}
