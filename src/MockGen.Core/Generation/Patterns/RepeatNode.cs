namespace MockGen.Core.Generation.Patterns;

/// <summary>A quantified atom: <c>x*</c>, <c>x+</c>, <c>x?</c>, <c>x{n}</c>, <c>x{n,}</c>, <c>x{n,m}</c> (laziness is irrelevant to generation).</summary>
internal sealed class RepeatNode(PatternNode item, int min, int max) : PatternNode
{
    public PatternNode Item { get; } = item;

    public int Min { get; } = min;

    /// <summary>The upper repetition count, or <see cref="PatternNode.Unbounded"/>.</summary>
    public int Max { get; } = max;

    public override int MinLength { get; } = MultiplyLength(item.MinLength, min);

    public override int MaxLength { get; } = max == 0 ? 0 : MultiplyLength(item.MaxLength, max);
}
