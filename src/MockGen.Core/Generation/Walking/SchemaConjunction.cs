using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Every schema one value must satisfy at once: the value's own schemas plus what <c>$ref</c>, <c>allOf</c>,
/// the chosen <c>anyOf</c>/<c>oneOf</c> branches and <c>if</c>/<c>then</c>/<c>else</c> bring in. Keywords are
/// read across all of them and intersected, so <c>allOf</c> is merged rather than guessed.
/// </summary>
internal sealed class SchemaConjunction
{
    private readonly HashSet<SchemaNode> _seen = new(ReferenceEqualityComparer.Instance);

    public SchemaConjunction(IReadOnlyList<SchemaResource> scope) => Scope = scope;

    /// <summary>The schema nodes whose own keywords apply, in the order they were reached.</summary>
    public List<SchemaNode> Schemas { get; } = [];

    /// <summary>Schemas the value must not match (<c>not</c>, the rejected side of <c>if</c>).</summary>
    public List<SchemaNode> Nots { get; } = [];

    /// <summary>The <c>oneOf</c> branches not chosen: the value must match none of them.</summary>
    public List<SchemaNode> Exclusive { get; } = [];

    /// <summary>
    /// Optional properties left out so that the <c>oneOf</c> branches not chosen fail: the members those branches
    /// require (planned exclusivity, instead of generating and testing).
    /// </summary>
    public HashSet<string> Omitted { get; } = new(StringComparer.Ordinal);

    /// <summary>Patterns a string must not match (<c>not: {pattern}</c>), planned by choosing characters outside them.</summary>
    public List<string> NotPatterns { get; } = [];

    /// <summary>Values the value must not equal (<c>not: {enum}</c> or <c>not: {const}</c>).</summary>
    public List<PayloadValue> NotLiterals { get; } = [];

    /// <summary>Steps a number must not be a multiple of (<c>not: {multipleOf}</c>).</summary>
    public List<ExactDecimal> NotMultiples { get; } = [];

    /// <summary>True under <c>not: {type: integer}</c> when numbers stay allowed: the number must have a fraction.</summary>
    public bool NotInteger { get; set; }

    /// <summary><c>not: {propertyNames}</c> schemas: for each, the object carries at least one name it rejects.</summary>
    public List<SchemaNode> NotPropertyNames { get; } = [];

    /// <summary>
    /// String values chosen up front for properties that <c>if</c> conditions test with <c>const</c>, so every
    /// condition on the same property is decided from the one value the object will carry.
    /// </summary>
    public Dictionary<string, string> Pins { get; } = new(StringComparer.Ordinal);

    /// <summary>Property values fixed by an OpenAPI discriminator: (property, value).</summary>
    public List<KeyValuePair<string, string>> Forced { get; } = [];

    /// <summary>The dynamic scope the value started with: resources entered on the way here, outermost first.</summary>
    public IReadOnlyList<SchemaResource> Scope { get; }

    /// <summary>The dynamic scope (evaluation path of resources) under which each collected schema was reached.</summary>
    public Dictionary<SchemaNode, IReadOnlyList<SchemaResource>> ScopeOf { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The reference targets followed to build this conjunction.</summary>
    public List<SchemaNode> FollowedReferences { get; } = [];

    /// <summary>True when a choice was made (anyOf, oneOf, if, not), so errors below may be reported indirectly.</summary>
    public bool Branched { get; set; }

    public WalkFailure? Failure { get; set; }

    /// <summary>How many schemas the collection is nested in right now ($ref, allOf and chosen branches at one place).</summary>
    public int CollectDepth { get; set; }

    public bool Enter(SchemaNode node) => _seen.Add(node);

    public bool Contains(SchemaNode node) => _seen.Contains(node);

    /// <summary>The longest dynamic scope among the collected schemas: the scope a child value inherits.</summary>
    public IReadOnlyList<SchemaResource> ChildScope()
    {
        var best = Scope;
        foreach (var scope in ScopeOf.Values)
        {
            if (scope.Count > best.Count)
            {
                best = scope;
            }
        }

        return best;
    }

    /// <summary>The location of a node for messages: <c>#</c> plus its pointer in its document.</summary>
    public static string Location(SchemaNode node) => "#" + node.DocumentPointer;
}
