using MockGen.Core.Generation.Numbers;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Forced choices for one walk of the coverage variant: which branch, enum value, optional property, array length,
/// number bound or string length to take at given schema nodes, so a payload exercises items no random walk hit.
/// The walker asks it only when a walk carries one (<see cref="WalkState.Steering"/> is null for every other variant,
/// so their bytes and cost are unchanged); a choice that does not fit where it is met (a value the other keywords
/// exclude, a length outside the bounds) is clamped or ignored and the coverage meter, not this class, judges the
/// payload. Built once per walk by one thread, then only read.
/// </summary>
internal sealed class WalkSteering
{
    private readonly Dictionary<(SchemaNode Node, SteeringKind Kind, string? Name), int> _choices = [];
    private readonly HashSet<SchemaNode> _nodes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Forced choices held.</summary>
    public int Count => _choices.Count;

    /// <summary>
    /// Adds every choice, or none when one contradicts a choice already held (another branch of the same oneOf, a
    /// property both present and absent, an exact length below a required minimum): the caller then tries the item in
    /// another payload.
    /// </summary>
    public bool TryAdd(IReadOnlyList<SteeringChoice> choices)
    {
        var undo = new List<((SchemaNode, SteeringKind, string?) Key, int? Before)>(choices.Count);
        foreach (var choice in choices)
        {
            if (!TryAdd(choice, undo))
            {
                for (var i = undo.Count - 1; i >= 0; i--)
                {
                    var (key, before) = undo[i];
                    if (before is { } value)
                    {
                        _choices[key] = value;
                    }
                    else
                    {
                        _choices.Remove(key);
                    }
                }

                // _nodes may keep a node no choice names any more: it only filters lookups, and rebuilding it on every
                // refusal made grouping quadratic in the choices held.
                return false;
            }
        }

        return true;
    }

    private bool TryAdd(SteeringChoice choice, List<((SchemaNode, SteeringKind, string?) Key, int? Before)> undo)
    {
        var key = (choice.Node, choice.Kind, choice.Name);
        var held = _choices.TryGetValue(key, out var existing) ? existing : (int?)null;
        switch (choice.Kind)
        {
            case SteeringKind.LengthAtLeast:
                if (_choices.TryGetValue((choice.Node, SteeringKind.Length, null), out var exact) && exact < choice.Value)
                {
                    return false;
                }

                if (held is { } least && least >= choice.Value)
                {
                    return true;
                }

                break;
            case SteeringKind.Length:
                if (_choices.TryGetValue((choice.Node, SteeringKind.LengthAtLeast, null), out var atLeast) && choice.Value < atLeast)
                {
                    return false;
                }

                goto default;
            default:
                if (held is { } same)
                {
                    return same == choice.Value;
                }

                break;
        }

        undo.Add((key, held));
        _choices[key] = choice.Value;
        _nodes.Add(choice.Node);
        return true;
    }

    private int? Get(SchemaNode node, SteeringKind kind, string? name = null) =>
        _nodes.Contains(node) && _choices.TryGetValue((node, kind, name), out var value) ? value : null;

    private int? First(List<SchemaNode> schemas, SteeringKind kind, string? name = null)
    {
        foreach (var schema in schemas)
        {
            if (Get(schema, kind, name) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The branch to take at <paramref name="owner"/>'s <paramref name="keyword"/>: the discriminator's choice first, then the branch's; null when free.</summary>
    public SchemaNode? Branch(SchemaNode owner, string keyword, IReadOnlyList<SchemaNode> branches)
    {
        if (DiscriminatorTarget(owner) is { } mapped)
        {
            foreach (var branch in branches)
            {
                if (ReferenceEquals(branch, mapped.Value) || ReferenceEquals(branch.Ref, mapped.Value))
                {
                    return branch;
                }
            }
        }

        return Get(owner, SteeringKind.Branch, keyword) is { } index && index < branches.Count && branches[index].BooleanSchema != false ? branches[index] : null;
    }

    /// <summary>The discriminator mapping entry to use at <paramref name="owner"/>, or null.</summary>
    public KeyValuePair<string, SchemaNode>? DiscriminatorTarget(SchemaNode owner) =>
        owner.Discriminator is { } discriminator && Get(owner, SteeringKind.Discriminator) is { } index && index < discriminator.Targets.Count
            ? discriminator.Targets[index]
            : null;

    /// <summary>Whether to take <c>then</c> (true) or <c>else</c> (false) at <paramref name="owner"/>, or null.</summary>
    public bool? Condition(SchemaNode owner) => Get(owner, SteeringKind.Condition) is { } value ? value != 0 : null;

    /// <summary>The forced enum index of <paramref name="node"/>, or null.</summary>
    public int? EnumIndex(SchemaNode node) => Get(node, SteeringKind.Enum);

    /// <summary>Whether to include the optional property <paramref name="name"/> (declared by one of <paramref name="schemas"/>), or null.</summary>
    public bool? Include(List<SchemaNode> schemas, string name) => First(schemas, SteeringKind.Include, name) is { } value ? value != 0 : null;

    /// <summary>Whether objects here need an entry beyond their declared properties.</summary>
    public bool Entries(List<SchemaNode> schemas) => First(schemas, SteeringKind.Entries) is not null;

    /// <summary>The array length to take within [<paramref name="low"/>, <paramref name="high"/>], or null when free.</summary>
    public int? Length(List<SchemaNode> schemas, int low, int high)
    {
        if (First(schemas, SteeringKind.Length) is { } exact)
        {
            return Math.Clamp(exact, low, Math.Max(low, high));
        }

        return First(schemas, SteeringKind.LengthAtLeast) is { } least ? Math.Clamp(least, low, Math.Max(low, high)) : null;
    }

    /// <summary>Where to place numbers here, or null when free.</summary>
    public NumberPlacement? Placement(List<SchemaNode> schemas) =>
        First(schemas, SteeringKind.Number) is { } value ? (value == 0 ? NumberPlacement.Low : NumberPlacement.High) : null;

    /// <summary>The exact string length to produce, or null when free.</summary>
    public int? StringLength(List<SchemaNode> schemas) => First(schemas, SteeringKind.StringLength);
}
