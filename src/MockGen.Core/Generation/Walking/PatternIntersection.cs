using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Patterns;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Strings that match several patterns at once (<c>allOf</c> of patterns, issue 9), by search rather than by
/// intersecting automata: each pattern in turn (the most anchored first) generates a candidate, which is then
/// rewritten one character at a time, keeping the generating pattern matched, as long as each rewrite makes more of
/// the other patterns match. Bounded: a fixed number of candidates and of pattern checks per value; null when the
/// budget runs out, which is giving up, never a proof that no string exists.
/// </summary>
internal static class PatternIntersection
{
    /// <summary>Candidates generated (each pattern in turn) before giving up.</summary>
    public const int Attempts = 12;

    // Pattern checks (regex runs) allowed for the rewrites of one value: keeps hostile inputs cheap.
    private const int CheckBudget = 40_000;

    // Rewrites only search strings this long; longer candidates are only filtered.
    private const int RewriteLength = 96;

    private const string BaseAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. @:/+";

    /// <summary>A string of <paramref name="minLength"/> to <paramref name="maxLength"/> code points matching every pattern; null when none was found.</summary>
    public static string? TryMeet(IReadOnlyList<string> patterns, int minLength, int? maxLength, Prng rng)
    {
        var order = patterns.Distinct(StringComparer.Ordinal).OrderByDescending(Rank).ToList();
        var checks = 0;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var generator = order[attempt % order.Count];
            var attemptRng = rng.Split("meet/" + attempt.ToString(CultureInfo.InvariantCulture));
            var hi = maxLength is { } max ? Math.Min(max, minLength + 64) : minLength + 24;
            if (!PatternGenerator.TryGenerate(generator, attemptRng, minLength, hi, out var text))
            {
                continue;
            }

            if (MatchCount(patterns, text) == patterns.Count)
            {
                return text;
            }

            if (text.Length <= RewriteLength && Rewrite(patterns, generator, text, attemptRng.Split("rewrite"), ref checks) is { } rewritten)
            {
                return rewritten;
            }

            if (checks >= CheckBudget)
            {
                break;
            }
        }

        return null;
    }

    // Anchored patterns fix the shape of the whole string, so they make the best generators; others only need a
    // substring, which a rewrite can usually plant.
    private static int Rank(string pattern) =>
        (pattern.StartsWith('^') ? 2 : 0) + (pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal) ? 2 : 0) + (pattern.Length > 8 ? 1 : 0);

    private static int MatchCount(IReadOnlyList<string> patterns, string text)
    {
        var count = 0;
        foreach (var pattern in patterns)
        {
            if (PatternGenerator.IsMatch(pattern, text))
            {
                count++;
            }
        }

        return count;
    }

    // Greedy: each round takes the first single-character substitution that keeps the generator matched and raises the
    // number of matching patterns. The alphabet adds the characters of samples of the patterns still unmatched.
    private static string? Rewrite(IReadOnlyList<string> patterns, string generator, string text, Prng rng, ref int checks)
    {
        var buffer = new StringBuilder(text);
        var matched = MatchCount(patterns, text);
        for (var round = 0; round < patterns.Count && checks < CheckBudget; round++)
        {
            var alphabet = Alphabet(patterns, buffer.ToString(), rng.Split("alphabet/" + round.ToString(CultureInfo.InvariantCulture)));
            var improved = false;
            for (var i = 0; i < buffer.Length && !improved && checks < CheckBudget; i++)
            {
                if (char.IsSurrogate(buffer[i]))
                {
                    continue;
                }

                var original = buffer[i];
                foreach (var candidate in alphabet)
                {
                    if (candidate == original)
                    {
                        continue;
                    }

                    buffer[i] = candidate;
                    var rewritten = buffer.ToString();
                    checks += patterns.Count + 1;
                    if (PatternGenerator.IsMatch(generator, rewritten) && MatchCount(patterns, rewritten) is var count && count > matched)
                    {
                        matched = count;
                        improved = true;
                        break;
                    }
                }

                if (!improved)
                {
                    buffer[i] = original;
                }
            }

            if (matched == patterns.Count)
            {
                return buffer.ToString();
            }

            if (!improved)
            {
                return null;
            }
        }

        return null;
    }

    private static List<char> Alphabet(IReadOnlyList<string> patterns, string text, Prng rng)
    {
        var alphabet = new List<char>(BaseAlphabet.Length + 32);
        foreach (var pattern in patterns)
        {
            if (!PatternGenerator.IsMatch(pattern, text) && PatternGenerator.TryGenerate(pattern, rng.Split(pattern), 1, 16, out var sample))
            {
                foreach (var c in sample)
                {
                    if (!char.IsSurrogate(c) && !alphabet.Contains(c))
                    {
                        alphabet.Add(c);
                    }
                }
            }
        }

        foreach (var c in BaseAlphabet)
        {
            if (!alphabet.Contains(c))
            {
                alphabet.Add(c);
            }
        }

        return alphabet;
    }
}
