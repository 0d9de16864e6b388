using System.Text;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Turns a locale's names into the ASCII an email local part or user name uses ("Jürgen Müller" becomes
/// "juergen.mueller"). A table, because <see cref="string.Normalize()"/> depends on ICU data that invariant
/// globalization does not load.
/// </summary>
internal static class Transliteration
{
    private static readonly Dictionary<char, string> s_map = new()
    {
        ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['ß'] = "ss", ['Ä'] = "ae", ['Ö'] = "oe", ['Ü'] = "ue",
        ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ã'] = "a", ['å'] = "a", ['æ'] = "ae", ['ç'] = "c", ['è'] = "e",
        ['é'] = "e", ['ê'] = "e", ['ë'] = "e", ['ì'] = "i", ['í'] = "i", ['î'] = "i", ['ï'] = "i", ['ñ'] = "n",
        ['ò'] = "o", ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ø'] = "o", ['ù'] = "u", ['ú'] = "u", ['û'] = "u",
        ['ý'] = "y", ['ÿ'] = "y", ['œ'] = "oe", ['ł'] = "l", ['ś'] = "s", ['ź'] = "z", ['ż'] = "z", ['ć'] = "c",
        ['ń'] = "n", ['ę'] = "e", ['ą'] = "a", ['č'] = "c", ['š'] = "s", ['ž'] = "z", ['ř'] = "r", ['ě'] = "e",
        ['À'] = "a", ['Á'] = "a", ['Â'] = "a", ['Ç'] = "c", ['È'] = "e", ['É'] = "e", ['Ê'] = "e", ['Î'] = "i",
        ['Ô'] = "o", ['Œ'] = "oe", ['Ø'] = "o", ['Å'] = "a", ['Æ'] = "ae", ['Ł'] = "l", ['Š'] = "s", ['Ž'] = "z",
        ['Č'] = "c", ['Ś'] = "s",
    };

    /// <summary>Lower-case ASCII letters and digits; everything else mapped or dropped.</summary>
    public static string ToAsciiSlug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (s_map.TryGetValue(c, out var replacement))
            {
                slug.Append(replacement);
            }
        }

        return slug.ToString();
    }
}
