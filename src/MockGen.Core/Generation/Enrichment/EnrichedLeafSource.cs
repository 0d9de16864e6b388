using MockGen.Core.Generation.Leaves;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// The realism source with a target's value pools behind it: realism answers first, and only a free string it has
/// no opinion on (no format, pattern or hint) is drawn from the field's pool with the payload's own seeded stream.
/// A drawn value that does not fit the leaf's lengths is redrawn a bounded number of times, then left to the
/// walker's deterministic fallback; the gate validates the whole payload either way. Thread-safe (read-only state).
/// </summary>
internal sealed class EnrichedLeafSource : ILeafValueSource
{
    private const int Draws = 3;

    private readonly ILeafValueSource _inner;
    private readonly TargetEnrichment _pools;

    public EnrichedLeafSource(ILeafValueSource inner, TargetEnrichment pools)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(pools);
        _inner = inner;
        _pools = pools;
    }

    public object? BeginRecord(Prng rng) => _inner.BeginRecord(rng);

    public bool TryNumber(LeafRequest request, Prng rng, out ExactDecimal value) => _inner.TryNumber(request, rng, out value);

    public bool TryString(LeafRequest request, Prng rng, out string value)
    {
        // The pool draw forks before realism runs, so what realism consumes never shifts the draw.
        var draw = rng.Split("ai");
        if (_inner.TryString(request, rng, out value))
        {
            return true;
        }

        if (!IsFree(request) || _pools.PoolFor(FieldPath.Of(request)) is not { } pool)
        {
            return false;
        }

        for (var attempt = 0; attempt < Draws; attempt++)
        {
            var candidate = pool[draw.NextInt(0, pool.Count - 1)];
            var length = Strings.CodePoints.Count(candidate);
            if (length >= request.MinLength && (request.MaxLength is null || length <= request.MaxLength))
            {
                value = candidate;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>A string leaf realism may have no opinion on: built by the string builder, without format, pattern or hint.</summary>
    internal static bool IsFree(LeafRequest request) =>
        request.Schemas is not null && request.Format is null && request.Pattern is null && request.Hint is null;
}
