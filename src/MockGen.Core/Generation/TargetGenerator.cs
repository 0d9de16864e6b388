using System.Text.Json;
using MockGen.Core.Generation.Gate;
using MockGen.Core.Generation.Output;
using MockGen.Core.Generation.Values;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Telemetry;
using MockGen.Core.Validation;

namespace MockGen.Core.Generation;

/// <summary>
/// Generates payloads for one target through the gate: every candidate is validated before it is returned;
/// a rejected one is rebuilt from a derived seed, up to a bounded number of attempts. Thread-safe.
/// </summary>
internal sealed class TargetGenerator
{
    /// <summary>Candidates tried per payload before the target is reported as failing.</summary>
    public const int DefaultMaxAttempts = 20;

    // Gate attempts that follow a proposal before it is rejected: a value kept from it that breaks a whole-payload rule
    // (uniqueItems, oneOf exclusivity, dependencies) fails every guided attempt alike, so a few are enough.
    private const int ProposalAttempts = 3;

    // Gate attempts per steered (coverage) payload.
    private const int SteeredAttempts = 5;

    // Mutations tried per valid candidate for the negative variant.
    private const int MutationsPerCandidate = 16;

    private readonly SchemaNode _root;
    private readonly PayloadWalker _walker;
    private readonly IPayloadGate _gate;
    private readonly int _maxAttempts;

    public TargetGenerator(SchemaNode root, PayloadWalker walker, IPayloadGate gate, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(walker);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        _root = root;
        _walker = walker;
        _gate = gate;
        _maxAttempts = maxAttempts;
    }

    /// <summary>The target's compiled schema.</summary>
    public SchemaNode Root => _root;

    /// <summary>The contract's name: a tag of the gate's metrics, nothing else.</summary>
    public string ContractName { get; init; } = string.Empty;

    /// <summary>The gate this generator's candidates pass (model candidates are repaired against it).</summary>
    internal IPayloadGate Gate => _gate;

    public GenerationResult Generate(PayloadKey key) => Generate(key, null);

    /// <summary>
    /// Generates one payload; with a <paramref name="proposal"/> (an edge-case payload from a model) the proposal is
    /// accepted when the gate passes it as is, else repaired (values failing their own subschema regenerated, the rest
    /// kept) and gated; when no repair passes within <see cref="ProposalAttempts"/>, the proposal is rejected and the
    /// index is generated deterministically without it.
    /// </summary>
    public GenerationResult Generate(PayloadKey key, JsonElement? proposal)
    {
        if (proposal is { } proposed)
        {
            var json = PayloadJson.ToUtf8(PayloadValue.FromElement(proposed));
            if (Check(json).Count == 0)
            {
                return new Generated(json, null) { Attempts = 1, Proposal = ProposalVerdict.Accepted };
            }
        }

        var result = Walk(key, proposal);
        return proposal is null || result is not Generated generated ? result
            : generated.Proposal == ProposalVerdict.None ? generated with { Proposal = ProposalVerdict.Rejected } : generated;
    }

    /// <summary>
    /// For the coverage variant: one payload of <paramref name="key"/> (a coverage key) walked like a typical payload
    /// (realistic values, no contract examples: they would stand in for the forced bounds) with <paramref name="steering"/>'s choices forced, gated and retried exactly as <see cref="Generate(PayloadKey)"/>.
    /// </summary>
    public GenerationResult GenerateSteered(PayloadKey key, WalkSteering steering) => Walk(key, null, steering);

    private GenerationResult Walk(PayloadKey key, JsonElement? proposal, WalkSteering? steering = null)
    {
        WalkFailure? lastFailure = null;
        var choiceMade = false;
        ValidationError? lastRejection = null;
        string? unsupportedPattern = null;
        string? unsupportedLocation = null;
        var negative = key.Variant == GenerationVariant.Negative;
        var retryReason = GenerationTelemetry.WalkKeyword;
        // A steered payload the gate keeps rejecting is usually a combination of forced choices that cannot hold
        // together: the coverage variant splits the group rather than spending the full retry budget on it.
        var attempts = steering is null ? _maxAttempts : Math.Min(_maxAttempts, SteeredAttempts);
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (attempt > 0)
            {
                GenerationTelemetry.Retried(key, ContractName, retryReason);
            }

            var rng = key.CreatePrng(attempt);
            // Edge payloads are shaped like boundary ones wherever the proposal is repaired or missing; the key keeps
            // 'edge', so their streams are their own.
            var guided = attempt < ProposalAttempts ? proposal : null;
            var state = new WalkState(rng, key.Variant == GenerationVariant.Edge ? GenerationVariant.Boundary : key.Variant == GenerationVariant.Coverage ? GenerationVariant.Minimal : key.Variant, recordMutations: negative) { Proposal = guided, Steering = steering };
            var value = _walker.Walk(_root, state);
            unsupportedPattern ??= state.UnsupportedPattern;
            unsupportedLocation ??= state.UnsupportedLocation;
            if (value is null)
            {
                lastFailure = state.Failure;
                choiceMade |= state.ChoiceMade;
                retryReason = GenerationTelemetry.WalkKeyword;
                continue;
            }

            var json = PayloadJson.ToUtf8(value);
            var errors = Check(json);
            if (errors.Count > 0)
            {
                lastRejection = errors[0];
                retryReason = lastRejection.Keyword;
                GenerationTelemetry.Rejected(key, ContractName, retryReason);
                continue;
            }

            if (!negative)
            {
                return new Generated(json, null)
                {
                    Attempts = attempt + 1,
                    Proposal = guided is null ? ProposalVerdict.None : ProposalVerdict.Repaired,
                    Regenerated = state.ProposalRegenerated,
                };
            }

            if (TryBreakOne(value, state, rng.Split("negative")) is { } broken)
            {
                return broken with { Attempts = attempt + 1 };
            }

            lastRejection = null;
            retryReason = GenerationTelemetry.NoSingleBreakKeyword;
            lastFailure = new WalkFailure("no constraint can be broken alone: every candidate violation also broke another keyword", SchemaConjunction.Location(_root), Unsupported: true);
        }

        if (unsupportedPattern is not null && lastFailure is null)
        {
            return new Unsupported("cannot generate strings for pattern " + unsupportedPattern, unsupportedLocation ?? SchemaConjunction.Location(_root)) { Attempts = attempts };
        }

        if (lastFailure is not null)
        {
            if (lastFailure.Unsupported)
            {
                return new Unsupported(lastFailure.Reason, lastFailure.SchemaLocation) { Attempts = attempts };
            }

            // A proof: the schema's own conflict, found with no choice involved or shown by the satisfiability
            // analysis. A conflict met after a choice, or a budget running out, is only giving up.
            if (_walker.ProvenConflict(_root) is { } proven)
            {
                return new Unsatisfiable(proven.Reason, proven.SchemaLocation) { Attempts = attempts };
            }

            return lastFailure.GaveUp || choiceMade
                ? new GaveUp(lastFailure.Reason, lastFailure.SchemaLocation) { Attempts = attempts }
                : new Unsatisfiable(lastFailure.Reason, lastFailure.SchemaLocation) { Attempts = attempts };
        }

        // Every candidate was built but the gate rejected each: nothing is proven, the budget ran out.
        // The validator's message already starts with the instance location (/price: 12.345 is not a multiple of 0.01).
        var reason = lastRejection is null
            ? "no candidate passed the validator"
            : "no candidate passed the validator; the last was rejected with " + lastRejection.Message;
        var location = lastRejection is null ? SchemaConjunction.Location(_root)
            : lastRejection.KeywordLocation.StartsWith('#') ? lastRejection.KeywordLocation : "#" + lastRejection.KeywordLocation;
        return new GaveUp(reason, location) { Attempts = attempts };
    }

    /// <summary>
    /// For the coverage variant: from the first valid candidate of <paramref name="key"/> (a negative key), one labelled
    /// negative payload per constraint it can break alone, in the walker's order; a constraint none of whose first few
    /// candidates is labelled is skipped. Each payload is checked by the gate exactly as <see cref="Generate(PayloadKey)"/> checks it.
    /// With <paramref name="steering"/>, the valid base is walked with its choices forced (to reach the constraints to
    /// break); with <paramref name="wanted"/>, only the mutations it accepts are tried.
    /// </summary>
    public List<Generated> BreakEach(PayloadKey key, int maxMutations, WalkSteering? steering = null, Func<Mutation, bool>? wanted = null)
    {
        var broken = new List<Generated>();
        for (var attempt = 0; attempt < _maxAttempts; attempt++)
        {
            var rng = key.CreatePrng(attempt);
            var state = new WalkState(rng, key.Variant, recordMutations: true) { Steering = steering };
            if (_walker.Walk(_root, state) is not { } value || Check(PayloadJson.ToUtf8(value)).Count > 0)
            {
                continue;
            }

            var each = rng.Split("coverage");
            foreach (var mutation in (wanted is null ? state.Mutations : state.Mutations.Where(wanted)).Take(maxMutations))
            {
                var tried = 0;
                foreach (var candidate in NegativeMutator.Candidates(value, mutation, each.Split(mutation.InstancePointer + "/" + mutation.Keyword)))
                {
                    if (tried++ >= 4)
                    {
                        break;
                    }

                    var json = PayloadJson.ToUtf8(candidate);
                    if (Label(Check(json), mutation) is { } error)
                    {
                        broken.Add(new Generated(json, new PayloadViolation(error.Keyword, error.InstanceLocation, error.KeywordLocation)) { Attempts = attempt + 1 });
                        break;
                    }
                }
            }

            return broken;
        }

        return broken;
    }

    private IReadOnlyList<ValidationError> Check(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return _gate.Check(document.RootElement);
    }

    private Generated? TryBreakOne(PayloadValue valid, WalkState state, Random.Prng rng)
    {
        // A keyword broken outside any choice is the most precise label; constraints below a oneOf/anyOf/not/if
        // choice come second, as their break is usually reported as the choice failing.
        var direct = state.Mutations.Where(m => !m.Branched).ToList();
        var branched = state.Mutations.Where(m => m.Branched).ToList();
        return TryMutations(valid, direct, rng) ?? TryMutations(valid, branched, rng.Split("branched"));
    }

    private Generated? TryMutations(PayloadValue valid, List<Mutation> order, Random.Prng rng)
    {
        if (order.Count == 0)
        {
            return null;
        }

        // Shuffle deterministically, so every kind of violation shows up across a dataset.
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(0, i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var tried = 0;
        foreach (var mutation in order)
        {
            foreach (var candidate in NegativeMutator.Candidates(valid, mutation, rng.Split(mutation.InstancePointer + "/" + mutation.Keyword)))
            {
                if (tried++ >= MutationsPerCandidate * 4)
                {
                    return null;
                }

                var json = PayloadJson.ToUtf8(candidate);
                var errors = Check(json);
                if (Label(errors, mutation) is { } error)
                {
                    return new Generated(json, new PayloadViolation(error.Keyword, error.InstanceLocation, error.KeywordLocation));
                }
            }
        }

        return null;
    }

    // The label of a candidate that fails exactly once (ViolationMatch, the rule mockgen validate applies): the
    // broken keyword itself when nothing else failed; else, when the break decided the verdict of an enclosing
    // oneOf/anyOf (its other branches fail too), that applicator, whose branch errors are then its explanation.
    private static ValidationError? Label(IReadOnlyList<ValidationError> errors, Mutation mutation)
    {
        foreach (var error in errors)
        {
            if (error.Keyword == mutation.Keyword
                && ViolationMatch.IsPrefix(mutation.InstancePointer, error.InstanceLocation)
                && ViolationMatch.IsSoleFailure(errors, error))
            {
                return error;
            }
        }

        // At most one applicator passes the rule: an outer one's other failing branches are siblings of any inner one.
        foreach (var error in errors)
        {
            if (error.Keyword is "oneOf" or "anyOf"
                && ViolationMatch.IsPrefix(error.InstanceLocation, mutation.InstancePointer)
                && ViolationMatch.IsSoleFailure(errors, error))
            {
                return error;
            }
        }

        return null;
    }
}
