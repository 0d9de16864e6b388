namespace MockGen.Ai.Measurement;

/// <summary>
/// A simple, documented detector of random-letter noise, the filler MockGen writes when nothing knows a string
/// (<c>"cvjohhj"</c>, <c>"yelfx"</c>). A string is noise when it is one token of three or more lowercase ASCII
/// letters (no space, digit, capital or punctuation) and either has a run of four or more consonants or fewer than
/// a quarter vowels (a, e, i, o, u; y counts as a consonant). Real words rarely do both tests wrong; known false
/// positives are consonant-heavy words such as "strengths"; identifiers with <c>_</c>, <c>-</c> or digits never count.
/// </summary>
public static class RandomLetterNoise
{
    /// <summary>Whether <paramref name="value"/> looks like random letters.</summary>
    public static bool IsNoise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < 3 || !value.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        var vowels = 0;
        var run = 0;
        var longest = 0;
        foreach (var c in value)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                vowels++;
                run = 0;
            }
            else
            {
                longest = Math.Max(longest, ++run);
            }
        }

        return longest >= 4 || vowels * 4 < value.Length;
    }

    /// <summary>The share (0..1) of <paramref name="values"/> that is noise; 0 for none.</summary>
    public static double Share(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = 0;
        var noise = 0;
        foreach (var value in values)
        {
            total++;
            noise += IsNoise(value) ? 1 : 0;
        }

        return total == 0 ? 0 : (double)noise / total;
    }
}
