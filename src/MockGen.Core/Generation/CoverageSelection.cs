using System.Globalization;
using System.Text.Json;
using MockGen.Core.Coverage;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation;

/// <summary>
/// Chooses the payloads of the <see cref="GenerationVariant.Coverage"/> variant by aiming at what is still uncovered:
/// each reachable item of the target's coverage model (in order of its JSON Pointer) is turned into forced choices,
/// the route the model found to its schema node (the branch to take, the optional property to include, the array to
/// fill) plus the choice that exercises it (this enum value, that branch, the property absent, the array at maxItems,
/// the number on its bound); as many items as fit without contradicting each other are steered into one payload
/// (<see cref="WalkSteering"/>), which is gated as always and then measured: whatever it really covers is marked, and
/// it is kept only when it covers something new. An item the payload missed is retried in smaller groups (eight, then
/// alone) and given up after that, with the reason kept for the summary. Negative items (each breakable keyword
/// violated alone) follow the same way, the route steering a valid base that is then broken once per wanted constraint
/// (<see cref="TargetGenerator.BreakEach"/>). Deterministic: the groups depend only on the model and on what earlier
/// payloads covered, batches are processed in order whatever the thread count, and each payload has its own key.
/// Greedy, so within a factor ln(n) of the smallest set (exact set cover is NP-hard), not the smallest itself.
/// </summary>
internal sealed class CoverageSelection
{
    /// <summary>Steered payloads tried per target and phase (valid, negative) before the rest is reported as cap reached.</summary>
    public const int MaxSteeredPayloads = 512;

    /// <summary>
    /// Steered payloads in a row that cover nothing new after which a phase stops: a target whose payloads keep failing
    /// the gate (or whose remaining items keep being missed) would otherwise spend the whole cap on them.
    /// </summary>
    public const int MaxMisses = 48;

    /// <summary>Longest array steered to its maxItems; longer ones are reported as cap reached.</summary>
    public const int MaxSteeredItems = 256;

    /// <summary>Longest string steered to its maxLength; longer ones are reported as cap reached.</summary>
    public const int MaxSteeredLength = 65_536;

    /// <summary>Mutations broken one by one per negative base (<see cref="TargetGenerator.BreakEach"/>).</summary>
    public const int MaxMutations = 512;

    // Steered payloads generated together (in parallel when allowed), then measured in order: fixed, so the thread
    // count never changes which payloads are chosen.
    private const int BatchSize = 4;

    // Items per payload at each retry level: everything compatible, then eight, then one alone; past the last, given up.
    private static readonly int[] s_groupLimits = [int.MaxValue, 8, 1];

    private readonly TargetGenerator _generator;
    private readonly TargetCoverage _coverage;
    private readonly CoverageModel _model;
    private readonly Func<GenerationVariant, long, PayloadKey> _keyFor;
    private readonly int _parallelism;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SchemaNode, List<SteeringChoice>> _routes = new(ReferenceEqualityComparer.Instance);
    private readonly List<SteeringChoice>?[] _choices;
    private Dictionary<string, List<int>>? _violationsByLocation;
    private readonly int[] _strikes;
    private readonly List<Generated> _chosen = [];
    private readonly List<GenerationResult> _failures = [];
    private long _tried;

    private CoverageSelection(TargetGenerator generator, TargetCoverage coverage, Func<GenerationVariant, long, PayloadKey> keyFor, int parallelism, CancellationToken cancellationToken)
    {
        _generator = generator;
        _coverage = coverage;
        _model = coverage.Model;
        _keyFor = keyFor;
        _parallelism = parallelism;
        _cancellationToken = cancellationToken;
        _strikes = new int[_model.Items.Count];
        _choices = new List<SteeringChoice>?[_model.Items.Count];
    }

    /// <summary>The chosen payloads in order (valid ones, then negative ones), the payloads tried and the failures met (at most a few).</summary>
    public static (List<Generated> Chosen, long Candidates, List<GenerationResult> Failures) Choose(
        TargetGenerator generator, TargetCoverage coverage, Func<GenerationVariant, long, PayloadKey> keyFor, int parallelism, CancellationToken cancellationToken)
    {
        var selection = new CoverageSelection(generator, coverage, keyFor, parallelism, cancellationToken);
        selection.Steer(negative: false);
        selection.Steer(negative: true);
        return (selection._chosen, selection._tried, selection._failures);
    }

    // One phase: valid items (every category but violations) or negative ones.
    private void Steer(bool negative)
    {
        var pending = Pending(negative);
        if (negative)
        {
            IndexViolations();
        }

        var steered = 0;
        var misses = 0;
        GenerationResult? lastFailure = null;
        while (pending.Count > 0 && steered < MaxSteeredPayloads && misses < MaxMisses)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var level = int.MaxValue;
            foreach (var id in pending)
            {
                level = Math.Min(level, _strikes[id]);
            }

            var groups = Groups(pending, level, Math.Min(BatchSize, MaxSteeredPayloads - steered));
            if (groups.Count == 0)
            {
                break;
            }

            var outcomes = Generate(groups, negative, steered);
            steered += groups.Count;
            for (var g = 0; g < groups.Count; g++)
            {
                var outcome = outcomes[g];
                misses = outcome.Added > 0 ? 0 : misses + 1;
                lastFailure = outcome.Failure ?? lastFailure;
                foreach (var id in groups[g].Items)
                {
                    if (!_coverage.IsCovered(id) && ++_strikes[id] >= s_groupLimits.Length)
                    {
                        _coverage.Explain(id, GaveUpReason(outcome.Failure, negative));
                    }
                }
            }

            pending.RemoveAll(id => _coverage.IsCovered(id) || _strikes[id] >= s_groupLimits.Length);
        }

        var why = misses >= MaxMisses
            ? string.Create(CultureInfo.InvariantCulture, $"gave up: {MaxMisses} steered {(negative ? "negative" : "valid")} payloads in a row covered nothing new")
                + (lastFailure is null || negative ? string.Empty : "; the last one not generated: " + Describe(lastFailure))
            : string.Create(CultureInfo.InvariantCulture, $"cap reached: the coverage variant tries at most {MaxSteeredPayloads} steered {(negative ? "negative" : "valid")} payloads per target");
        foreach (var id in pending)
        {
            _coverage.Explain(id, why);
        }
    }

    // Reachable, uncovered items of the phase in order of their schema location (then instance path, then model order);
    // those whose exercise is past a steering cap are explained at once and left out.
    private List<int> Pending(bool negative)
    {
        var ids = new List<int>();
        for (var id = 0; id < _model.Items.Count; id++)
        {
            var item = _model.Items[id];
            if (!_coverage.IsReachable(id) || _coverage.IsCovered(id) || (item.Category == CoverageCategory.Violation) != negative)
            {
                continue;
            }

            if (_model.AimOf(id) is { } aim && OverCap(aim) is { } cap)
            {
                _coverage.Explain(id, cap);
                continue;
            }

            ids.Add(id);
        }

        ids.Sort((a, b) =>
        {
            var x = _model.Items[a];
            var y = _model.Items[b];
            var c = string.CompareOrdinal(x.SchemaLocation, y.SchemaLocation);
            c = c != 0 ? c : string.CompareOrdinal(x.InstancePath, y.InstancePath);
            return c != 0 ? c : a.CompareTo(b);
        });
        return ids;
    }

    private static string? OverCap(SteeringChoice aim) => aim.Kind switch
    {
        SteeringKind.Length when aim.Value > MaxSteeredItems => string.Create(CultureInfo.InvariantCulture, $"cap reached: the coverage variant steers arrays to at most {MaxSteeredItems} items"),
        SteeringKind.StringLength when aim.Value > MaxSteeredLength => string.Create(CultureInfo.InvariantCulture, $"cap reached: the coverage variant steers strings to at most {MaxSteeredLength} characters"),
        _ => null,
    };

    // Up to 'count' groups of compatible items at the retry level, each item in one group at most.
    private List<(WalkSteering Steering, List<int> Items)> Groups(List<int> pending, int level, int count)
    {
        var limit = s_groupLimits[Math.Min(level, s_groupLimits.Length - 1)];
        var taken = new HashSet<int>();
        var groups = new List<(WalkSteering, List<int>)>();
        for (var b = 0; b < count; b++)
        {
            var steering = new WalkSteering();
            var items = new List<int>();
            foreach (var id in pending)
            {
                if (_strikes[id] != level || taken.Contains(id))
                {
                    continue;
                }

                if (steering.TryAdd(ChoicesFor(id)))
                {
                    items.Add(id);
                    taken.Add(id);
                    if (items.Count >= limit)
                    {
                        break;
                    }
                }
            }

            if (items.Count == 0)
            {
                break;
            }

            groups.Add((steering, items));
        }

        return groups;
    }

    // The route to the item's node and the choice that exercises it there (for a violation: what makes it breakable).
    private List<SteeringChoice> ChoicesFor(int id)
    {
        if (_choices[id] is { } known)
        {
            return known;
        }

        var node = _model.NodeOf(id);
        if (!_routes.TryGetValue(node, out var route))
        {
            route = _model.RouteTo(node);
            _routes.Add(node, route);
        }

        return _choices[id] = _model.AimOf(id) is { } aim ? [.. route, aim] : route;
    }

    // Generates the batch (in parallel when allowed), then measures and keeps its payloads in batch order.
    private List<(GenerationResult? Failure, int Added)> Generate(List<(WalkSteering Steering, List<int> Items)> groups, bool negative, int first)
    {
        var results = new List<Generated>[groups.Count];
        var failures = new GenerationResult?[groups.Count];
        void One(int g)
        {
            var key = _keyFor(negative ? GenerationVariant.Negative : GenerationVariant.Coverage, first + g);
            if (negative)
            {
                results[g] = _generator.BreakEach(key, MaxMutations, groups[g].Steering, Wanted);
                failures[g] = results[g].Count == 0 ? new GaveUp("no negative payload of the steered base was labelled with a wanted keyword", "#") : null;
            }
            else
            {
                var result = _generator.GenerateSteered(key, groups[g].Steering);
                results[g] = result is Generated generated ? [generated] : [];
                failures[g] = result is Generated ? null : result;
            }
        }

        if (_parallelism > 1 && groups.Count > 1)
        {
            Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = _cancellationToken }, One);
        }
        else
        {
            for (var g = 0; g < groups.Count; g++)
            {
                One(g);
            }
        }

        var outcomes = new List<(GenerationResult?, int)>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            _tried += negative ? 1 + results[g].Count : 1;
            if (failures[g] is { } failure && _failures.Count < 8 && !negative)
            {
                _failures.Add(failure);
            }

            var added = 0;
            foreach (var payload in results[g])
            {
                var hits = Hits(payload);
                if (_coverage.Mark(hits) is var fresh && fresh > 0)
                {
                    _coverage.Count(payload.Violation is not null);
                    _chosen.Add(payload);
                    added += fresh;
                }
            }

            outcomes.Add((failures[g], added));
        }

        return outcomes;
    }

    // A mutation worth breaking: one whose constraint's violation item is still uncovered (the walker names a mutation
    // by its schema node's pointer and keyword). The index is built once, before the batch runs in parallel.
    private bool Wanted(Mutation mutation) =>
        _violationsByLocation!.TryGetValue(mutation.SchemaLocation, out var ids) && ids.Exists(id => !_coverage.IsCovered(id));

    private void IndexViolations()
    {
        if (_violationsByLocation is not null)
        {
            return;
        }

        _violationsByLocation = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < _model.Items.Count; id++)
        {
            var item = _model.Items[id];
            if (item.Category == CoverageCategory.Violation && _coverage.IsReachable(id))
            {
                var location = "#" + _model.NodeOf(id).DocumentPointer + item.SchemaLocation[item.SchemaLocation.LastIndexOf('/')..];
                if (!_violationsByLocation.TryGetValue(location, out var ids))
                {
                    _violationsByLocation.Add(location, ids = []);
                }

                ids.Add(id);
            }
        }
    }

    private HashSet<int> Hits(Generated payload)
    {
        if (payload.Violation is { } violation)
        {
            var id = _coverage.ViolationItem(violation.Keyword, violation.SchemaPath);
            return id >= 0 ? [id] : [];
        }

        using var document = JsonDocument.Parse(payload.Json);
        return _coverage.Measure(document.RootElement);
    }

    private static string GaveUpReason(GenerationResult? failure, bool negative) => failure switch
    {
        _ when negative => "gave up: no break of it, in a base steered to it, failed this keyword alone (the validator reported another keyword or an enclosing choice too)",
        null or Generated => "gave up: the payloads steered to it (the last one to it alone) passed the gate but did not exercise it",
        _ => "gave up: the payload steered to it alone was not generated: " + Describe(failure),
    };

    private static string Describe(GenerationResult failure) => failure switch
    {
        GaveUp g => g.Reason + " at " + g.SchemaLocation,
        Unsatisfiable u => u.Reason + " at " + u.SchemaLocation,
        Unsupported u => u.Reason + " at " + u.SchemaLocation,
        _ => failure.GetType().Name,
    };
}
