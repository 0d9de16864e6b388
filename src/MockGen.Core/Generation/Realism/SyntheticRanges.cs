namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Recognises a whole value shaped like someone's personal data outside the synthetic ranges of
/// <see cref="SyntheticValues"/>: an email outside reserved domains, a Luhn-valid card number that is not a published
/// test number, an SSN-shaped value in an issued range, a checksum-valid IBAN with a real bank code. The engine uses it
/// to redraw format and pattern output in <see cref="RealismLevel.Synthetic"/> runs. No regular expressions: a linear
/// scan per value, so it costs nothing measurable on leaves that are not shaped like these.
/// </summary>
internal static class SyntheticRanges
{
    private static readonly HashSet<string> s_testCards = new(SyntheticValues.TestCards, StringComparer.Ordinal);

    /// <summary>True when <paramref name="value"/> could be a real person's email, card number, SSN or IBAN.</summary>
    public static bool LooksReal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < 9 || value.Length > 254)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        if (at > 0)
        {
            return !IsReservedDomain(value[(at + 1)..]);
        }

        return LooksLikeRealCard(value) || LooksLikeRealSsn(value) || LooksLikeRealIban(value);
    }

    /// <summary>RFC 2606 and RFC 6761 names: <c>example.com/.org/.net</c> and their subdomains, and the
    /// <c>.test</c>, <c>.example</c>, <c>.invalid</c> and <c>.localhost</c> top-level domains.</summary>
    public static bool IsReservedDomain(string domain)
    {
        var d = domain.ToLowerInvariant().TrimEnd('.');
        foreach (var reserved in SyntheticValues.PersonalMailDomains)
        {
            if (d == reserved || d.EndsWith("." + reserved, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var dot = d.LastIndexOf('.');
        return (dot < 0 ? d : d[(dot + 1)..]) is "test" or "example" or "invalid" or "localhost";
    }

    /// <summary>True for a Luhn-valid number of 13 to 19 digits.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>True for an SSN in a range the SSA never issues (see <see cref="SyntheticValues.FictionalSsns"/>).</summary>
    public static bool IsFictionalSsn(string digits)
    {
        if (digits.Length != 9)
        {
            return false;
        }

        var area = digits[..3];
        var group = int.Parse(digits.AsSpan(3, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        return area is "000" or "666" || (area[0] == '9' && group < 50) || group == 0 || digits[5..] == "0000";
    }

    private static bool LooksLikeRealCard(string value)
    {
        Span<char> digits = stackalloc char[20];
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                return false;
            }
        }

        return count is >= 13 and <= 19 && IsLuhnValid(digits[..count]) && !s_testCards.Contains(new string(digits[..count]));
    }

    private static bool LooksLikeRealSsn(string value)
    {
        // ddd-dd-dddd only: nine bare digits are as often an account or order number as an SSN.
        if (value.Length != 11 || value[3] != '-' || value[6] != '-')
        {
            return false;
        }

        var digits = string.Concat(value.AsSpan(0, 3), value.AsSpan(4, 2), value.AsSpan(7, 4));
        return digits.All(char.IsAsciiDigit) && !IsFictionalSsn(digits);
    }

    private static bool LooksLikeRealIban(string value)
    {
        if (value.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]) || !value.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        return IbanGenerator.IsValid(value) && !IbanGenerator.HasTestBankCode(value);
    }
}
