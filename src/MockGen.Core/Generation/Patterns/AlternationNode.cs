namespace MockGen.Core.Generation.Patterns;

/// <summary>A choice between alternatives (<c>a|b|c</c>).</summary>
internal sealed class AlternationNode : PatternNode
{
    public AlternationNode(IReadOnlyList<PatternNode> alternatives)
    {
        Alternatives = alternatives;
        MinLength = alternatives.Min(a => a.MinLength);
        MaxLength = alternatives.Max(a => a.MaxLength);
    }

    public IReadOnlyList<PatternNode> Alternatives { get; }

    public override int MinLength { get; }

    public override int MaxLength { get; }
}
