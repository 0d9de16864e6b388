using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Strings;

/// <summary>
/// String lengths in code points, as JSON Schema counts them (a surrogate pair is one character), and the
/// plain filler text used when no realistic source has an opinion.
/// </summary>
internal static class CodePoints
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public static int Count(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>The first <paramref name="maxLength"/> code points of <paramref name="text"/>; never splits a pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (count == maxLength)
            {
                return text[..i];
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return text;
    }

    /// <summary>Pads <paramref name="text"/> with lower-case letters until it has <paramref name="minLength"/> code points.</summary>
    public static string PadTo(string text, int minLength, Prng rng)
    {
        var missing = minLength - Count(text);
        if (missing <= 0)
        {
            return text;
        }

        var builder = new StringBuilder(text, text.Length + missing);
        for (var i = 0; i < missing; i++)
        {
            builder.Append(Letters[rng.NextInt(0, Letters.Length - 1)]);
        }

        return builder.ToString();
    }

    /// <summary>A word-like filler of a length in [<paramref name="minLength"/>, <paramref name="maxLength"/>].</summary>
    public static string Filler(Prng rng, int minLength, int maxLength)
    {
        var length = rng.NextInt(minLength, Math.Max(minLength, maxLength));
        return PadTo(string.Empty, length, rng);
    }
}
