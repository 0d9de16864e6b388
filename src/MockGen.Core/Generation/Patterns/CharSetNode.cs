namespace MockGen.Core.Generation.Patterns;

/// <summary>One code point from a set: a literal, a class, an escape such as <c>\d</c>, or <c>.</c>.</summary>
internal sealed class CharSetNode(CodePointSet set) : PatternNode
{
    public CodePointSet Set { get; } = set;

    public override int MinLength => 1;

    public override int MaxLength => 1;
}
