using System.Globalization;
using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// IBANs with a valid ISO 13616 / ISO 7064 MOD 97-10 check and each country's BBAN length and shape. By default the
/// bank identifier is a test code no bank holds: all zeros where it is numeric (no central bank assigns a zero code),
/// <c>WEST</c> (the ECBS standard's example bank) where it is letters.
/// </summary>
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

    // Where the bank identifier sits in each BBAN (offset, length), from the same registry.
    private static readonly Dictionary<string, (int Offset, int Length)> s_bankCodes = new(StringComparer.Ordinal)
    {
        ["DE"] = (0, 8), ["FR"] = (0, 5), ["GB"] = (0, 4), ["NL"] = (0, 4), ["ES"] = (0, 4), ["IT"] = (1, 5), ["BE"] = (0, 3),
        ["AT"] = (0, 5), ["CH"] = (0, 5), ["IE"] = (0, 4), ["PT"] = (0, 4), ["PL"] = (0, 8), ["SE"] = (0, 3), ["LU"] = (0, 3),
    };

    /// <summary>The countries an IBAN can be generated for, in ordinal order.</summary>
    public static IReadOnlyList<string> Countries { get; } = [.. s_bbanShapes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>An IBAN for <paramref name="country"/> (or a drawn one); <paramref name="testBank"/> false lets the bank code be any.</summary>
    public static string Generate(Prng rng, string? country = null, bool testBank = true)
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

        if (testBank)
        {
            var (offset, length) = s_bankCodes[country];
            bban.Remove(offset, length).Insert(offset, TestBankCode(country));
        }

        var check = 98 - Mod97(bban + country + "00");
        return country + check.ToString("00", CultureInfo.InvariantCulture) + bban;
    }

    /// <summary>True when <paramref name="iban"/> is one of this generator's countries and carries its test bank code.</summary>
    public static bool HasTestBankCode(string iban)
    {
        if (iban.Length < 5 || !s_bankCodes.TryGetValue(iban[..2], out var bank) || iban.Length < 4 + bank.Offset + bank.Length)
        {
            return false;
        }

        return iban.AsSpan(4 + bank.Offset, bank.Length).SequenceEqual(TestBankCode(iban[..2]));
    }

    private static string TestBankCode(string country)
    {
        var (offset, length) = s_bankCodes[country];
        return s_bbanShapes[country][offset] == 'a' ? "WEST"[..length] : new string('0', length);
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
