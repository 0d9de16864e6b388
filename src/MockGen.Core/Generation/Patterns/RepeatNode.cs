namespace MockGen.Core.Generation.Patterns;

/// <summary>A quantified atom: <c>x*</c>, <c>x+</c>, <c>x?</c>, <c>x{n}</c>, <c>x{n,}</c>, <c>x{n,m}</c>, greedy or lazy.</summary>
internal sealed class RepeatNode(PatternNode item, int min, int max, bool lazy = false) : PatternNode
{
    public PatternNode Item { get; } = item;

    public int Min { get; } = min;

    /// <summary>The upper repetition count, or <see cref="PatternNode.Unbounded"/>.</summary>
    public int Max { get; } = max;

    /// <summary>
    /// Whether the quantifier is lazy (<c>x*?</c>). Irrelevant to generation and to whether a match exists, except
    /// through what a lookahead captures; kept so the translated regex is the pattern as written.
    /// </summary>
    public bool Lazy { get; } = lazy;

    public override int MinLength { get; } = MultiplyLength(item.MinLength, min);

    public override int MaxLength { get; } = max == 0 ? 0 : MultiplyLength(item.MaxLength, max);
}
