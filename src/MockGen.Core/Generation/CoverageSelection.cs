using System.Text.Json;
using MockGen.Core.Coverage;

namespace MockGen.Core.Generation;

/// <summary>
/// Chooses the payloads of the <see cref="GenerationVariant.Coverage"/> variant: candidates are the other variants'
/// own payloads for the same seed (boundary, minimal, maximal and typical, indexes 0, 1, …; so each chosen payload is
/// also that variant's payload at that index, gated as always) and, per round, the valid base of the negative variant's
/// payload broken once per constraint it can break alone (<see cref="TargetGenerator.BreakEach"/>, each labelled and
/// gated like a negative payload), generated in rounds; within each round a
/// greedy set cover keeps the candidate that covers the most still-uncovered items (the earliest on a tie) until none
/// adds anything. It stops when every reachable item is covered, when a round adds nothing, or after
/// <see cref="MaxRounds"/> rounds. Greedy set cover is within a factor ln(n) of the smallest set, not the smallest
/// itself (exact set cover is NP-hard); it is deterministic: same inputs, same payloads in the same order.
/// </summary>
internal static class CoverageSelection
{
    /// <summary>Candidates per source variant and round.</summary>
    public const int RoundSize = 8;

    /// <summary>Rounds at most: 8 × 8 = 64 candidates per source variant.</summary>
    public const int MaxRounds = 8;

    /// <summary>Mutations broken one by one per negative candidate (<see cref="TargetGenerator.BreakEach"/>).</summary>
    public const int MaxMutations = 512;

    private static readonly GenerationVariant[] Sources =
    [
        GenerationVariant.Boundary,
        GenerationVariant.Minimal,
        GenerationVariant.Maximal,
        GenerationVariant.Typical,
    ];

    /// <summary>The chosen payloads in order, the candidates tried and the failures met (at most a few).</summary>
    public static (List<Generated> Chosen, long Candidates, List<GenerationResult> Failures) Choose(
        TargetGenerator generator, TargetCoverage coverage, Func<GenerationVariant, long, PayloadKey> keyFor, int parallelism, CancellationToken cancellationToken)
    {
        var chosen = new List<Generated>();
        var failures = new List<GenerationResult>();
        long tried = 0;
        for (var round = 0; round < MaxRounds && !coverage.Complete; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var keys = new List<PayloadKey>(Sources.Length * RoundSize);
            foreach (var source in Sources)
            {
                for (var j = 0; j < RoundSize; j++)
                {
                    keys.Add(keyFor(source, ((long)round * RoundSize) + j));
                }
            }

            var results = new GenerationResult[keys.Count];
            if (parallelism > 1)
            {
                Parallel.For(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, i => results[i] = generator.Generate(keys[i]));
            }
            else
            {
                for (var i = 0; i < keys.Count; i++)
                {
                    results[i] = generator.Generate(keys[i]);
                }
            }

            tried += keys.Count;

            // Negatives: one valid payload per round broken once per constraint it can break alone, so each breakable
            // keyword gets its own candidate instead of waiting for a random pick to land on it.
            var negatives = generator.BreakEach(keyFor(GenerationVariant.Negative, round), MaxMutations);
            tried += negatives.Count;
            var candidates = new List<(Generated Payload, HashSet<int> Hits)>();
            foreach (var negative in negatives)
            {
                candidates.Add((negative, Hits(coverage, negative)));
            }

            foreach (var result in results)
            {
                if (result is Generated g)
                {
                    candidates.Add((g, Hits(coverage, g)));
                }
                else if (failures.Count < 8)
                {
                    failures.Add(result);
                }
            }

            var added = 0;
            while (true)
            {
                var best = -1;
                var bestGain = 0;
                for (var i = 0; i < candidates.Count; i++)
                {
                    var gain = candidates[i].Hits.Count(id => !coverage.IsCovered(id));
                    if (gain > bestGain)
                    {
                        best = i;
                        bestGain = gain;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                var pick = candidates[best];
                candidates.RemoveAt(best);
                coverage.Mark(pick.Hits);
                coverage.Count(pick.Payload.Violation is not null);
                chosen.Add(pick.Payload);
                added += bestGain;
            }

            if (added == 0 && round > 0)
            {
                break;
            }
        }

        return (chosen, tried, failures);
    }

    private static HashSet<int> Hits(TargetCoverage coverage, Generated payload)
    {
        if (payload.Violation is { } violation)
        {
            var id = coverage.ViolationItem(violation.Keyword, violation.SchemaPath);
            return id >= 0 ? [id] : [];
        }

        using var document = JsonDocument.Parse(payload.Json);
        return coverage.Measure(document.RootElement);
    }
}
