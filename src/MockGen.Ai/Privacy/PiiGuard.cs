using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace MockGen.Ai.Privacy;

/// <summary>
/// Finds personal data in model answers and masks it to synthetic equivalents: emails move to <c>example.com</c>,
/// card numbers to a published test number, phones to the NANP fictional range, SSNs to the advertising range,
/// IBANs to the ECBS example, deny-listed terms to <c>Example</c>. Deterministic (no randomness: the replacement
/// of a finding depends only on its text), thread-safe, linear-time patterns with a timeout backstop.
/// </summary>
public sealed partial class PiiGuard
{
    // Published test card numbers (Stripe, Adyen, Braintree docs): allowed as they are.
    private static readonly HashSet<string> TestCards = new(StringComparer.Ordinal)
    {
        "4111111111111111", "4242424242424242", "4000056655665556", "4012888888881881", "4222222222222",
        "5555555555554444", "5105105105105100", "2223003122003222", "5200828282828210",
        "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
        "3056930009020004", "30569309025904", "3566002020360505", "6200000000000005",
    };

    // The ECBS example IBAN (bank code WEST exists nowhere): the one IBAN kept as it is. Other well-known examples
    // (DE89 3704 0044…, NL91 ABNA…) carry real banks' codes, so they are masked like any checksum-valid IBAN.
    private static readonly HashSet<string> ExampleIbans = new(StringComparer.Ordinal) { "GB82WEST12345698765432" };

    private static readonly string[] ReservedSuffixes = [".test", ".example", ".invalid", ".localhost"];

    private readonly string[] _denyList;

    /// <summary>Creates a guard with a deny-list (case-insensitive terms; empty terms are ignored).</summary>
    public PiiGuard(IEnumerable<string>? denyList = null)
    {
        _denyList = [.. (denyList ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Masks every finding in <paramref name="value"/>; <paramref name="findings"/> receives one entry per finding.</summary>
    public string Mask(string value, ICollection<PiiKind> findings)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(findings);
        var text = EmailPattern().Replace(value, m => IsReservedDomain(m.Groups["domain"].Value) ? m.Value : Found(findings, PiiKind.Email, SyntheticEmail(m.Groups["local"].Value)));
        text = IbanPattern().Replace(text, m => IsRealIban(m.Value) ? Found(findings, PiiKind.Iban, "GB82WEST12345698765432") : m.Value);
        text = CardPattern().Replace(text, m => IsRealCard(m.Value) ? Found(findings, PiiKind.CardNumber, TestCardLike(m.Value)) : m.Value);
        text = SsnPattern().Replace(text, m => IsRealSsn(m.Value) ? Found(findings, PiiKind.NationalId, "987-65-432" + m.Value[^1]) : m.Value);
        text = PhonePattern().Replace(text, m => IsRealPhone(m.Value) ? Found(findings, PiiKind.Phone, "+1-202-555-01" + Digits(m.Value)[^2..]) : m.Value);
        foreach (var term in _denyList)
        {
            if (text.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(PiiKind.DenyListed);
                text = Regex.Replace(text, Regex.Escape(term), "Example", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        return text;
    }

    private static string Found(ICollection<PiiKind> findings, PiiKind kind, string replacement)
    {
        findings.Add(kind);
        return replacement;
    }

    private static bool IsReservedDomain(string domain)
    {
        var d = domain.ToLowerInvariant();
        return d is "example.com" or "example.net" or "example.org"
            || d.EndsWith(".example.com", StringComparison.Ordinal) || d.EndsWith(".example.net", StringComparison.Ordinal) || d.EndsWith(".example.org", StringComparison.Ordinal)
            || ReservedSuffixes.Any(s => d.EndsWith(s, StringComparison.Ordinal)) || d is "test" or "example" or "invalid" or "localhost";
    }

    private static string SyntheticEmail(string local)
    {
        var kept = new string([.. local.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')]).Trim('.');
        return (kept.Length == 0 ? "user" : kept) + "@example.com";
    }

    private static string TestCardLike(string card) =>
        card.Contains(' ', StringComparison.Ordinal) ? "4111 1111 1111 1111" : card.Contains('-', StringComparison.Ordinal) ? "4111-1111-1111-1111" : "4111111111111111";

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private static bool IsRealCard(string candidate)
    {
        var digits = Digits(candidate);
        return digits.Length is >= 13 and <= 19 && Luhn(digits) && !TestCards.Contains(digits);
    }

    internal static bool Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
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

        return sum % 10 == 0;
    }

    private static bool IsRealIban(string candidate)
    {
        if (ExampleIbans.Contains(candidate))
        {
            return false;
        }

        // ISO 13616 mod 97: move the first four characters to the end, letters to 10..35.
        var rearranged = candidate[4..] + candidate[..4];
        var number = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(number, CultureInfo.InvariantCulture) % 97 == 1;
    }

    // SSNs never issued (area 000, 666, 900-999; group 00; serial 0000) and the advertising block 987-65-4320..4329
    // are fictional; any other well-formed SSN might be someone's.
    private static bool IsRealSsn(string candidate)
    {
        var area = int.Parse(candidate[..3], CultureInfo.InvariantCulture);
        var group = candidate.Substring(4, 2);
        var serial = candidate[^4..];
        if (area is 0 or 666 or >= 900 || group == "00" || serial == "0000")
        {
            return false;
        }

        return !candidate.StartsWith("987-65-432", StringComparison.Ordinal);
    }

    // Fictional: NANP 555-0100..0199 (any area code), UK Ofcom drama ranges 07700 900000..900999 and 020 7946 0000..0999.
    private static bool IsRealPhone(string candidate)
    {
        var digits = Digits(candidate);
        if (digits.Length is < 10 or > 15 || DatePattern().IsMatch(candidate))
        {
            return false;
        }

        var national = digits.StartsWith('1') && digits.Length == 11 ? digits[1..] : digits;
        if (national.Length == 10 && national.Substring(3, 4) is var exchange && exchange.StartsWith("5550", StringComparison.Ordinal)
            && national[7] == '1')
        {
            return false;
        }

        var uk = digits.StartsWith("44", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
        return !(uk.StartsWith("07700900", StringComparison.Ordinal) || uk.StartsWith("02079460", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[0-9]{4}[-./][0-9]{2}[-./][0-9]{2}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<local>[A-Za-z0-9._%+-]{1,64})@(?<domain>(?:[A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SsnPattern();

    // A phone: + and 10-15 digits (E.164), or an optional +, then at least three digit groups separated by single spaces, dots or dashes (10-15
    // digits in all, checked after the match); plain digit runs and ids glued to letters or dashes are not phones.
    [GeneratedRegex(@"(?<![0-9A-Za-z-])(?:\+[0-9]{10,15}|\+?\(?[0-9]{1,4}\)?(?:[ .-]\(?[0-9]{2,4}\)?){2,5})(?![0-9-])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhonePattern();
}
