namespace MockGen.Core.Generation.Patterns;

/// <summary>One code point from a set: a literal, a class, an escape such as <c>\d</c>, or <c>.</c>.</summary>
internal sealed class CharSetNode(CodePointSet set) : PatternNode
{
    public CodePointSet Set { get; } = set;

    // An empty set ([] in ECMA-262) matches nothing: an unbounded minimum makes every sequence that must pass
    // through it impossible up front, so the generator refuses at once instead of building the prefix and failing
    // at the set on every attempt (a{1000}[] cost 950 MB of allocations for two payloads; found by the pattern
    // fuzz target, issue 12). Alternatives and optional repeats around it still generate (their minimum is smaller).
    public override int MinLength => Set.IsEmpty ? Unbounded : 1;

    public override int MaxLength => 1;
}
