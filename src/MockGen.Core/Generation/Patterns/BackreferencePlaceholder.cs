namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// Stands in for the group a backreference names until the whole pattern is parsed: ECMA-262 allows
/// <c>\2</c> and <c>\k&lt;name&gt;</c> to refer to a group that opens later.
/// </summary>
internal sealed class BackreferencePlaceholder(int index) : PatternNode
{
    private PatternNode? _group;

    public int Index { get; } = index;

    public override int MinLength => _group?.MinLength ?? 0;

    public override int MaxLength => _group?.MaxLength ?? Unbounded;

    public void Resolve(PatternNode group) => _group = group;
}
