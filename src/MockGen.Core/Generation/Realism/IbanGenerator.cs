using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>IBANs with a valid ISO 13616 / ISO 7064 MOD 97-10 check and each country's BBAN length and shape.</summary>
internal static class IbanGenerator
{
    // BBAN shape per country from the SWIFT IBAN registry: 'n' digit, 'a' upper-case letter, 'c' either.
    private static readonly Dictionary<string, string> s_bbanShapes = new(StringComparer.Ordinal)
    {
        ["DE"] = "nnnnnnnnnnnnnnnnnn",
        ["FR"] = "nnnnnnnnnnccccccccccccnn",
        ["GB"] = "aaaannnnnnnnnnnnnn",
        ["NL"] = "aaaannnnnnnnnn",
        ["ES"] = "nnnnnnnnnnnnnnnnnnnn",
        ["IT"] = "annnnnnnnnnccccccccccccc",
        ["BE"] = "nnnnnnnnnnnn",
        ["AT"] = "nnnnnnnnnnnnnnnn",
        ["CH"] = "nnnnnccccccccccccc",
        ["IE"] = "aaaannnnnnnnnnnnnn",
        ["PT"] = "nnnnnnnnnnnnnnnnnnnnn",
        ["PL"] = "nnnnnnnnnnnnnnnnnnnnnnnn",
        ["SE"] = "nnnnnnnnnnnnnnnnnnnn",
        ["LU"] = "nnnccccccccccccc",
    };

    /// <summary>The countries an IBAN can be generated for, in ordinal order.</summary>
    public static IReadOnlyList<string> Countries { get; } = [.. s_bbanShapes.Keys.Order(StringComparer.Ordinal)];

    public static string Generate(Prng rng, string? country = null)
    {
        if (country is null || !s_bbanShapes.ContainsKey(country))
        {
            country = rng.Pick(Countries);
        }

        var bban = new StringBuilder();
        foreach (var kind in s_bbanShapes[country])
        {
            bban.Append(kind switch
            {
                'n' => (char)('0' + rng.NextInt(0, 9)),
                'a' => (char)('A' + rng.NextInt(0, 25)),
                _ => rng.NextBool(0.7) ? (char)('0' + rng.NextInt(0, 9)) : (char)('A' + rng.NextInt(0, 25)),
            });
        }

        var check = 98 - Mod97(bban + country + "00");
        return country + check.ToString("00", CultureInfo.InvariantCulture) + bban;
    }

    /// <summary>True when <paramref name="iban"/> passes the MOD 97-10 check (ISO 13616-1 §6).</summary>
    public static bool IsValid(string iban)
    {
        if (iban.Length < 5 || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        return Mod97(iban[4..] + iban[..4]) == 1;
    }

    // Letters count as two digits (A = 10 ... Z = 35); the remainder is folded digit by digit.
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                var value = char.ToUpperInvariant(c) - 'A' + 10;
                remainder = ((remainder * 100) + value) % 97;
            }
        }

        return remainder;
    }
}
