using System.Text.Json;
using MockGen.Core.Schema;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Walking;

/// <summary>The mutable state of one walk (one candidate payload): its streams, budget and findings.</summary>
internal sealed class WalkState
{
    public WalkState(Prng root, GenerationVariant variant, bool recordMutations)
    {
        Root = root;
        Variant = variant;
        RecordMutations = recordMutations;
    }

    /// <summary>The payload's stream; each value forks its own sub-stream from it by JSON Pointer.</summary>
    public Prng Root { get; }

    public GenerationVariant Variant { get; }

    public bool RecordMutations { get; }

    public List<Mutation> Mutations { get; } = [];

    /// <summary>Values built so far; past the size budget the walker only builds what is required.</summary>
    public int Nodes { get; set; }

    public WalkFailure? Failure { get; set; }

    /// <summary>
    /// Whether any choice (anyOf, oneOf, if, not) shaped this walk: a failure then may be the choice's, not the
    /// schema's, so it is reported as giving up rather than as unsatisfiable.
    /// </summary>
    public bool ChoiceMade { get; set; }

    /// <summary>A pattern the walker could not generate for, which makes a final failure "unsupported".</summary>
    public string? UnsupportedPattern { get; set; }

    public string? UnsupportedLocation { get; set; }

    /// <summary>
    /// A proposed payload the walk repairs rather than invents: every value that satisfies its own subschema is
    /// kept, objects keep the proposal's optional properties, arrays its length (within bounds), and only the rest is
    /// generated from this walk's streams. Null for an ordinary walk.
    /// </summary>
    public JsonElement? Proposal { get; init; }

    /// <summary>Choices the coverage variant forces on this walk; null (nothing forced) for every other variant.</summary>
    public WalkSteering? Steering { get; init; }

    /// <summary>Proposed values that failed their own subschema and were generated instead (a repair count).</summary>
    public int ProposalRegenerated { get; set; }

    // Spare conjunctions kept per thread at most: a walk needs one per nesting level at a time.
    private const int MaxSpareConjunctions = 64;

    // Conjunctions of values already built, ready for reuse by the next value on this thread (a walk is synchronous,
    // and a nested walk, such as a property name's, pops and pushes in stack order too).
    [ThreadStatic]
    private static Stack<SchemaConjunction>? t_spareConjunctions;

    /// <summary>
    /// An empty conjunction for one value: reused from a value already finished when there is one. Return it with
    /// <see cref="ReturnConjunction"/> once the value is built; nothing may keep it, or any of its lists, after that.
    /// </summary>
    public static SchemaConjunction RentConjunction(IReadOnlyList<SchemaResource> scope, WalkSteering? steering)
    {
        if (t_spareConjunctions is { } spares && spares.TryPop(out var spare))
        {
            spare.Reset(scope, steering);
            return spare;
        }

        return new SchemaConjunction(scope, steering);
    }

    public static void ReturnConjunction(SchemaConjunction conjunction)
    {
        var spares = t_spareConjunctions ??= new Stack<SchemaConjunction>();
        if (spares.Count < MaxSpareConjunctions)
        {
            spares.Push(conjunction);
        }
    }
}
