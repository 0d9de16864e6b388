using MockGen.Core.Generation.Schemas;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Every schema one value must satisfy at once: the value's own schemas plus what <c>$ref</c>, <c>allOf</c>,
/// the chosen <c>anyOf</c>/<c>oneOf</c> branches and <c>if</c>/<c>then</c>/<c>else</c> bring in. Keywords are
/// read across all of them and intersected, so <c>allOf</c> is merged rather than guessed.
/// </summary>
internal sealed class SchemaConjunction
{
    private readonly HashSet<SchemaCursor> _seen = new(ReferenceEqualityComparer.Instance);

    public SchemaConjunction(IReadOnlyList<SchemaCursor> scope) => Scope = [.. scope];

    /// <summary>The schema objects whose own keywords apply, in the order they were reached.</summary>
    public List<SchemaCursor> Schemas { get; } = [];

    /// <summary>Schemas the value must not match (<c>not</c>, the rejected side of <c>if</c>).</summary>
    public List<SchemaCursor> Nots { get; } = [];

    /// <summary>The <c>oneOf</c> branches not chosen: the value must match none of them.</summary>
    public List<SchemaCursor> Exclusive { get; } = [];

    /// <summary>Property values fixed by an OpenAPI discriminator: (property, value).</summary>
    public List<KeyValuePair<string, string>> Forced { get; } = [];

    /// <summary>The dynamic scope the value started with: resources entered on the way here, outermost first.</summary>
    public List<SchemaCursor> Scope { get; }

    /// <summary>The dynamic scope (evaluation path of resources) under which each collected schema was reached.</summary>
    public Dictionary<SchemaCursor, IReadOnlyList<SchemaCursor>> ScopeOf { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The longest dynamic scope among <paramref name="parents"/>: the scope a child value inherits.</summary>
    public IReadOnlyList<SchemaCursor> ScopeFor(IEnumerable<SchemaCursor> parents)
    {
        IReadOnlyList<SchemaCursor> best = Scope;
        foreach (var parent in parents)
        {
            if (ScopeOf.TryGetValue(parent, out var scope) && scope.Count > best.Count)
            {
                best = scope;
            }
        }

        return best;
    }

    /// <summary>The reference targets followed to build this conjunction.</summary>
    public List<SchemaCursor> FollowedReferences { get; } = [];

    /// <summary>True when a choice was made (anyOf, oneOf, if, not), so errors below may be reported indirectly.</summary>
    public bool Branched { get; set; }

    public WalkFailure? Failure { get; set; }

    public bool Enter(SchemaCursor cursor) => _seen.Add(cursor);

    public bool Contains(SchemaCursor cursor) => _seen.Contains(cursor);
}
