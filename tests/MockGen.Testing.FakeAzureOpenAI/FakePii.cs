using System.Globalization;
using System.Numerics;

namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>
/// The real-looking personal data <see cref="FakeResponse.PiiLaden"/> answers carry, public so that tests can
/// assert the PII guard masked every one. None is a reserved or published test value: emails at real
/// providers (not <c>example.com</c>), Luhn-valid card numbers outside the published test ranges, phone
/// numbers outside fictional ranges, IBANs with valid checksums at real banks' codes.
/// </summary>
public static class FakePii
{
    /// <summary>Emails at real mail providers.</summary>
    public static IReadOnlyList<string> Emails { get; } = ["jane.doe1987@gmail.com", "m.schneider@web.de", "paul.martin@outlook.com", "li.wei@yahoo.com"];

    /// <summary>Luhn-valid card numbers (Visa, Mastercard, Amex prefixes) that are not the published test numbers.</summary>
    public static IReadOnlyList<string> CardNumbers { get; } = [WithLuhn("453201511283036"), WithLuhn("535522001234567"), WithLuhn("34012345678901")];

    /// <summary>Phone numbers in E.164, in ordinary (not fictional) ranges.</summary>
    public static IReadOnlyList<string> Phones { get; } = ["+4915123456789", "+33612345678", "+12124567890", "+442071234567"];

    /// <summary>IBANs with valid ISO 13616 check digits at real banks' codes (Deutsche Bank, BNP Paribas, ABN AMRO, Barclays).</summary>
    public static IReadOnlyList<string> Ibans { get; } = [Iban("DE", "100700000532013000"), Iban("FR", "30004000031234567890143"), Iban("NL", "ABNA0417164300"), Iban("GB", "BARC20000055779911")];

    /// <summary>Every value above, in order: emails, cards, phones, IBANs.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Emails, .. CardNumbers, .. Phones, .. Ibans];

    /// <summary>Whether a digit string passes the Luhn check.</summary>
    public static bool IsLuhnValid(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return digits.Length > 1 && sum % 10 == 0;
    }

    /// <summary>Whether an IBAN's check digits are right (ISO 13616: mod 97 = 1).</summary>
    public static bool IsIbanValid(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        return iban.Length > 4 && Mod97(iban[4..] + iban[..4]) == 1;
    }

    private static string WithLuhn(string body)
    {
        for (var check = 0; check < 10; check++)
        {
            var candidate = body + check.ToString(CultureInfo.InvariantCulture);
            if (IsLuhnValid(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    private static string Iban(string country, string bban)
    {
        var check = 98 - Mod97(bban + country + "00");
        return country + check.ToString("00", CultureInfo.InvariantCulture) + bban;
    }

    private static int Mod97(string text)
    {
        var digits = string.Concat(text.Select(c => char.IsAsciiLetter(c) ? (char.ToUpperInvariant(c) - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
        return (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
    }
}
