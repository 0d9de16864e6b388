using System.Globalization;
using System.Numerics;

namespace MockGen.Core.Json;

/// <summary>
/// A JSON number held exactly as <c>Mantissa × 10^Exponent</c>, parsed from its source text so that
/// <c>1e400</c>, <c>0.1</c> and 30-digit integers keep their value (double and decimal both lose some).
/// </summary>
internal readonly struct ExactNumber
{
    // Exponents beyond this are treated as overflow-safe magnitude comparisons only; no JSON a person
    // writes needs more, and it keeps BigInteger work bounded on hostile input such as 1e999999999.
    private const long MaxShift = 100_000;

    // Significant digits kept from the text. A longer number (only adversarial input has one) is
    // truncated, so its comparisons are approximate beyond this precision; integer-ness stays exact.
    private const int MaxDigits = 10_000;

    public ExactNumber(BigInteger mantissa, long exponent)
        : this(mantissa, exponent, CountDigits(mantissa), mantissa.IsZero || exponent >= 0)
    {
    }

    private ExactNumber(BigInteger mantissa, long exponent, long digits, bool isInteger)
    {
        Mantissa = mantissa;
        Exponent = exponent;
        Digits = digits;
        IsInteger = isInteger;
    }

    /// <summary>Number of decimal digits of <see cref="Mantissa"/>.</summary>
    public long Digits { get; }

    public BigInteger Mantissa { get; }

    public long Exponent { get; }

    public int Sign => Mantissa.Sign;

    /// <summary>Parses JSON number text (UTF-8). Returns false for text that is not a JSON number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out ExactNumber value)
    {
        value = default;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        Span<char> digits = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        long exp = 0;
        var sawDigit = false;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            digits[n++] = (char)text[i++];
            sawDigit = true;
        }

        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                digits[n++] = (char)text[i++];
                exp--;
                sawDigit = true;
            }
        }

        if (!sawDigit)
        {
            return false;
        }

        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
            {
                expNegative = text[i] == (byte)'-';
                i++;
            }

            long e = 0;
            var sawExp = false;
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                // Saturate: 1e99999999999999999999 is "huge", its exact exponent does not matter.
                e = Math.Min((e * 10) + (text[i] - '0'), long.MaxValue / 4);
                i++;
                sawExp = true;
            }

            if (!sawExp)
            {
                return false;
            }

            exp += expNegative ? -e : e;
        }

        if (i != text.Length)
        {
            return false;
        }

        // Normalize on the text, not the BigInteger: stripping zeros digit by digit on a huge value is quadratic.
        var significant = digits[..n].TrimStart('0');
        var trailing = significant.Length - significant.TrimEnd('0').Length;
        significant = significant[..(significant.Length - trailing)];
        exp += trailing;
        if (significant.Length == 0)
        {
            value = new ExactNumber(BigInteger.Zero, 0, 1, isInteger: true);
            return true;
        }

        var isInteger = exp >= 0;
        if (significant.Length > MaxDigits)
        {
            exp += significant.Length - MaxDigits;
            significant = significant[..MaxDigits];
        }

        var mantissa = BigInteger.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
        value = new ExactNumber(negative ? -mantissa : mantissa, Math.Clamp(exp, -MaxShift * 100_000, MaxShift * 100_000), significant.Length, isInteger);
        return true;
    }

    /// <summary>Parses number text held in a string.</summary>
    public static bool TryParse(string text, out ExactNumber value) =>
        TryParse(System.Text.Encoding.UTF8.GetBytes(text), out value);

    /// <summary>Compares two exact numbers by value.</summary>
    public static int Compare(in ExactNumber a, in ExactNumber b)
    {
        if (a.Sign != b.Sign)
        {
            return a.Sign.CompareTo(b.Sign);
        }

        if (a.Sign == 0)
        {
            return 0;
        }

        // Same sign, both non-zero: compare orders of magnitude first so huge exponents never get expanded.
        var orderA = a.Digits + a.Exponent;
        var orderB = b.Digits + b.Exponent;
        if (orderA != orderB)
        {
            return a.Sign * orderA.CompareTo(orderB);
        }

        // Same order: the exponent difference is bounded by the digit counts, so aligning is cheap.
        var ma = a.Mantissa;
        var mb = b.Mantissa;
        if (a.Exponent > b.Exponent)
        {
            ma *= BigInteger.Pow(10, (int)(a.Exponent - b.Exponent));
        }
        else if (b.Exponent > a.Exponent)
        {
            mb *= BigInteger.Pow(10, (int)(b.Exponent - a.Exponent));
        }

        return ma.CompareTo(mb);
    }

    /// <summary>Whether the value has no fractional part.</summary>
    public bool IsInteger { get; }

    /// <summary>Whether this value is an integer multiple of <paramref name="divisor"/> (which must be positive).</summary>
    public bool IsMultipleOf(in ExactNumber divisor)
    {
        if (Sign == 0)
        {
            return true;
        }

        if (divisor.Sign == 0)
        {
            return false;
        }

        var a = BigInteger.Abs(Mantissa);
        var b = BigInteger.Abs(divisor.Mantissa);
        var k = Exponent - divisor.Exponent;
        if (k >= 0)
        {
            // a·10^k mod b, with modular exponentiation so 1e308 against 0.5 stays cheap.
            var pow = BigInteger.ModPow(10, k, b);
            return (a % b * pow % b).IsZero;
        }

        // Need a mod (b·10^-k) == 0; a is normalized (no trailing zeros), so this requires b·10^-k <= a.
        if (-k > Digits)
        {
            return false;
        }

        var scaled = b * BigInteger.Pow(10, (int)-k);
        return (a % scaled).IsZero;
    }

    /// <summary>The nearest double (may be infinity for huge values).</summary>
    public double ToDouble()
    {
        if (Sign == 0)
        {
            return 0;
        }

        if (Exponent > 400 || Exponent < -400 - Digits)
        {
            var order = Digits + Exponent;
            if (order > 400)
            {
                return Sign > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            }

            if (order < -400)
            {
                return Sign > 0 ? 0.0 : -0.0;
            }
        }

        return double.Parse(Mantissa.ToString(CultureInfo.InvariantCulture) + "e" + Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The exact decimal when it fits, else null.</summary>
    public decimal? ToDecimal()
    {
        if (Exponent > 28 || Exponent < -28 || Digits > 28)
        {
            return null;
        }

        try
        {
            var m = (decimal)Mantissa;
            var e = Exponent;
            while (e > 0)
            {
                m *= 10;
                e--;
            }

            return e == 0 ? m : m / Pow10((int)-e);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        Exponent == 0
            ? Mantissa.ToString(CultureInfo.InvariantCulture)
            : Mantissa.ToString(CultureInfo.InvariantCulture) + "e" + Exponent.ToString(CultureInfo.InvariantCulture);

    private static decimal Pow10(int n)
    {
        decimal r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }

    private static long CountDigits(BigInteger value)
    {
        value = BigInteger.Abs(value);
        if (value.IsZero)
        {
            return 1;
        }

        return value.ToString(CultureInfo.InvariantCulture).Length;
    }
}
