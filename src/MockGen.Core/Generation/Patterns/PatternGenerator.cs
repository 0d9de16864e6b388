using System.Collections.Concurrent;
using MockGen.Core.Generation.Random;

using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// Generates strings that match an ECMA-262 <c>pattern</c> and have a code-point length within bounds.
/// </summary>
/// <remarks>
/// Why not Fare's Xeger: Fare parses dk.brics syntax, where <c>@ &amp; ~ # &lt; &gt;</c> are operators
/// (an email pattern changes meaning), it builds an automaton whose size explodes on <c>x{1,1000}</c>, and it
/// cannot aim at a length. Here the pattern becomes an AST, every node knows its length range, and generation
/// splits the length budget top-down, so cost is linear in the output. Every candidate is verified with
/// the validator's own compiled pattern (<see cref="Schema.CompiledPattern"/>); lookarounds and word boundaries are satisfied by retrying a bounded number of times.
/// </remarks>
internal static class PatternGenerator
{
    /// <summary>No pattern string is generated longer than this many code points.</summary>
    public const int LengthCap = 10_000;

    private const int Attempts = 16;
    private const int CacheLimit = 4096;

    private static readonly ConcurrentDictionary<string, PatternPlan> s_cache = new(StringComparer.Ordinal);
    private static readonly CodePointSet s_padding = CodePointSet.FromRanges([('a', 'z'), ('0', '9')]);

    /// <summary>Whether <paramref name="pattern"/> can be generated for, and if not, why.</summary>
    public static PatternAnalysis Analyze(string pattern) => Get(pattern).Analysis;

    /// <summary>ECMA-262 search semantics; false when the pattern is unsupported.</summary>
    public static bool IsMatch(string pattern, string value) => Get(pattern).IsMatch(value);

    /// <summary>
    /// A string matching <paramref name="pattern"/> with <paramref name="minLength"/> to <paramref name="maxLength"/>
    /// code points (null: no upper bound beyond <see cref="LengthCap"/>); false when none was found.
    /// </summary>
    public static bool TryGenerate(string pattern, Prng rng, int minLength, int? maxLength, out string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(rng);
        value = string.Empty;
        var compiled = Get(pattern);
        if (compiled.Parsed is null)
        {
            return false;
        }

        var lo = Math.Max(0, minLength);
        var hi = Math.Min(maxLength ?? LengthCap, LengthCap);
        if (lo > hi)
        {
            return false;
        }

        var root = compiled.Parsed.Root;
        if (lo > root.MaxLength)
        {
            // Patterns are unanchored: a shorter match inside padding still matches.
            if (compiled.AnchoredAtStart && compiled.AnchoredAtEnd)
            {
                return false;
            }

            var padding = new RepeatNode(new CharSetNode(s_padding), 0, PatternNode.Unbounded);
            root = compiled.AnchoredAtEnd ? new SequenceNode([padding, root]) : new SequenceNode([root, padding]);
        }

        if (root.MinLength > hi)
        {
            return false;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var walk = new PatternWalk(rng, compiled.Parsed.CaptureCount, hi * 2);
            if (!walk.Generate(root, lo, hi))
            {
                continue;
            }

            var candidate = walk.Result;

            // The walk counts set members; an Annex B pattern's members are code units, so count code points here,
            // and never hand out a lone surrogate (no JSON reader would take it back).
            var length = compiled.Parsed.Syntax == PatternSyntax.Unicode ? walk.Length : CodePointLength(candidate);
            if (length >= lo && length <= hi && length >= 0 && compiled.IsMatch(candidate))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    // Code points in a string, or -1 when it holds a lone surrogate.
    private static int CodePointLength(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return -1;
            }
        }

        return count;
    }

    private static PatternPlan Get(string pattern)
    {
        if (s_cache.TryGetValue(pattern, out var compiled))
        {
            return compiled;
        }

        if (s_cache.Count >= CacheLimit)
        {
            s_cache.Clear();
        }

        return s_cache.GetOrAdd(pattern, PatternPlan.Create);
    }
}
