namespace MockGen.Core.Generation.Patterns;

/// <summary>Terms matched one after another (an ECMA-262 Alternative).</summary>
internal sealed class SequenceNode : PatternNode
{
    public SequenceNode(IReadOnlyList<PatternNode> items)
    {
        Items = items;
        foreach (var item in items)
        {
            MinLength = AddLengths(MinLength, item.MinLength);
            MaxLength = AddLengths(MaxLength, item.MaxLength);
        }
    }

    public IReadOnlyList<PatternNode> Items { get; }

    public override int MinLength { get; }

    public override int MaxLength { get; }
}
