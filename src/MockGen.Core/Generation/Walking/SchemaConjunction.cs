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
    private static readonly HashSet<string> s_none = new(StringComparer.Ordinal);

    private readonly HashSet<SchemaNode> _seen = new(ReferenceEqualityComparer.Instance);

    // Created on the first omission: most values have no oneOf or not to plan around.
    private HashSet<string>? _omitted;

    // The longest dynamic scope noted so far (the first of that length): all ChildScope needs of the scopes the
    // collected schemas were reached under, kept as one reference instead of a dictionary per value.
    private IReadOnlyList<SchemaResource>? _longestScope;

    // Created when an if condition first pins a property (see Pins).
    private Dictionary<string, string>? _pins;

    public SchemaConjunction(IReadOnlyList<SchemaResource> scope, WalkSteering? steering = null)
    {
        Scope = scope;
        Steering = steering;
    }

    /// <summary>
    /// Empties the conjunction for another value (see <see cref="WalkState.RentConjunction"/>): a walk reuses one
    /// per nesting level instead of allocating a conjunction, its lists and its set for every value (issue 9).
    /// </summary>
    public void Reset(IReadOnlyList<SchemaResource> scope, WalkSteering? steering)
    {
        Scope = scope;
        Steering = steering;
        _seen.Clear();
        _omitted?.Clear();
        _longestScope = null;
        _pins?.Clear();
        Schemas.Clear();
        Nots.Clear();
        Exclusive.Clear();
        NotPatterns.Clear();
        NotLiterals.Clear();
        NotMultiples.Clear();
        NotInteger = false;
        NotPropertyNames.Clear();
        Forced.Clear();
        FollowedReferences.Clear();
        Branched = false;
        Failure = null;
        CachedPlan = null;
        CollectDepth = 0;
    }

    /// <summary>The walk's forced choices (branches, conditions, discriminators), null when none: <see cref="WalkState.Steering"/>.</summary>
    public WalkSteering? Steering { get; private set; }

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
    public IReadOnlySet<string> Omitted => _omitted is { Count: > 0 } omitted ? omitted : s_none;

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
    public Dictionary<string, string> Pins => _pins ??= new(StringComparer.Ordinal);

    /// <summary>Property values fixed by an OpenAPI discriminator: (property, value).</summary>
    public List<KeyValuePair<string, string>> Forced { get; } = [];

    /// <summary>The dynamic scope the value started with: resources entered on the way here, outermost first.</summary>
    public IReadOnlyList<SchemaResource> Scope { get; private set; }

    /// <summary>The reference targets followed to build this conjunction.</summary>
    public List<SchemaNode> FollowedReferences { get; } = [];

    /// <summary>True when a choice was made (anyOf, oneOf, if, not), so errors below may be reported indirectly.</summary>
    public bool Branched { get; set; }

    public WalkFailure? Failure { get; set; }

    /// <summary>
    /// The object plan last looked up for <see cref="Schemas"/> and the schema count it was for: schemas are only
    /// ever appended, so an unchanged count means the plan still holds (see <c>PayloadWalker.PlanFor</c>).
    /// </summary>
    public (ObjectPlan Plan, int Count)? CachedPlan { get; set; }

    /// <summary>Adds <paramref name="names"/> to <see cref="Omitted"/>.</summary>
    public void Omit(IEnumerable<string> names) => (_omitted ??= new(StringComparer.Ordinal)).UnionWith(names);

    /// <summary>How many schemas the collection is nested in right now ($ref, allOf and chosen branches at one place).</summary>
    public int CollectDepth { get; set; }

    public bool Enter(SchemaNode node) => _seen.Add(node);

    public bool Contains(SchemaNode node) => _seen.Contains(node);

    /// <summary>Notes the dynamic scope (evaluation path of resources) under which a collected schema was reached.</summary>
    public void NoteScope(IReadOnlyList<SchemaResource> scope)
    {
        if (scope.Count > (_longestScope ?? Scope).Count)
        {
            _longestScope = scope;
        }
    }

    /// <summary>The longest dynamic scope among the collected schemas: the scope a child value inherits.</summary>
    public IReadOnlyList<SchemaResource> ChildScope() => _longestScope ?? Scope;

    /// <summary>The location of a node for messages: <c>#</c> plus its pointer in its document.</summary>
    public static string Location(SchemaNode node) => "#" + node.DocumentPointer;
}
