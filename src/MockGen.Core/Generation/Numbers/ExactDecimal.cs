using System.Globalization;
using System.Numerics;
using System.Text;

namespace MockGen.Core.Generation.Numbers;

/// <summary>
/// An exact decimal number: <see cref="Unscaled"/> × 10^-<see cref="Scale"/>. JSON Schema bounds and
/// <c>multipleOf</c> are decimal literals, and binary floating point would turn a 0.1 step into
/// 0.30000000000000004; big integers keep every literal exact, whatever its size.
/// </summary>
internal readonly record struct ExactDecimal(BigInteger Unscaled, int Scale) : IComparable<ExactDecimal>
{
    // Literals with larger exponents (1e100000) would cost megabytes of digits; the generator treats them as unbounded.
    private const int MaxExponent = 400;

    public static ExactDecimal Zero => new(BigInteger.Zero, 0);

    public static ExactDecimal One => new(BigInteger.One, 0);

    public bool IsZero => Unscaled.IsZero;

    public bool IsInteger => Scale <= 0 || BigInteger.Remainder(Unscaled, BigInteger.Pow(10, Scale)).IsZero;

    public static ExactDecimal FromInteger(long value) => new(value, 0);

    public static ExactDecimal FromInteger(BigInteger value) => new(value, 0);

    /// <summary>Parses a JSON number literal exactly; false when it is malformed or its exponent is out of reach.</summary>
    public static bool TryParse(ReadOnlySpan<char> literal, out ExactDecimal value)
    {
        value = Zero;
        var text = literal.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var exponent = 0;
        var ePos = text.IndexOfAny('e', 'E');
        if (ePos >= 0)
        {
            if (!int.TryParse(text[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > MaxExponent)
            {
                return false;
            }

            text = text[..ePos];
        }

        var negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        var digits = new StringBuilder(text.Length);
        var scale = 0;
        var seenPoint = false;
        foreach (var c in text)
        {
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                if (seenPoint)
                {
                    scale++;
                }
            }
            else
            {
                return false;
            }
        }

        if (digits.Length == 0)
        {
            return false;
        }

        var unscaled = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        value = new ExactDecimal(negative ? -unscaled : unscaled, scale - exponent).Normalize();
        return true;
    }

    /// <summary>The same number with no trailing zeros in its digits (scale never below zero).</summary>
    public ExactDecimal Normalize()
    {
        var unscaled = Unscaled;
        var scale = Scale;
        if (scale < 0)
        {
            return new ExactDecimal(unscaled * BigInteger.Pow(10, -scale), 0);
        }

        if (unscaled.IsZero)
        {
            return Zero;
        }

        while (scale > 0 && BigInteger.Remainder(unscaled, 10).IsZero)
        {
            unscaled /= 10;
            scale--;
        }

        return new ExactDecimal(unscaled, scale);
    }

    /// <summary>The unscaled value of this number at a scale at least as fine as its own.</summary>
    public BigInteger AtScale(int scale)
    {
        if (scale < Scale)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Cannot rescale to a coarser scale exactly.");
        }

        return Unscaled * BigInteger.Pow(10, scale - Scale);
    }

    public static ExactDecimal operator +(ExactDecimal left, ExactDecimal right)
    {
        var scale = Math.Max(left.Scale, right.Scale);
        return new ExactDecimal(left.AtScale(scale) + right.AtScale(scale), scale).Normalize();
    }

    public static ExactDecimal operator -(ExactDecimal left, ExactDecimal right)
    {
        var scale = Math.Max(left.Scale, right.Scale);
        return new ExactDecimal(left.AtScale(scale) - right.AtScale(scale), scale).Normalize();
    }

    public static ExactDecimal operator *(ExactDecimal left, ExactDecimal right) =>
        new ExactDecimal(left.Unscaled * right.Unscaled, left.Scale + right.Scale).Normalize();

    public static bool operator <(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) < 0;

    public static bool operator >(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) > 0;

    public static bool operator <=(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ExactDecimal left, ExactDecimal right) => left.CompareTo(right) >= 0;

    public int CompareTo(ExactDecimal other)
    {
        var scale = Math.Max(Math.Max(Scale, other.Scale), 0);
        return AtScale(scale).CompareTo(other.AtScale(scale));
    }

    public bool Equals(ExactDecimal other) => CompareTo(other) == 0;

    public override int GetHashCode()
    {
        var n = Normalize();
        return HashCode.Combine(n.Unscaled, n.Scale);
    }

    /// <summary>The number as a plain JSON literal, never in exponent form, e.g. <c>0.3</c> or <c>-12</c>.</summary>
    public override string ToString()
    {
        var n = Normalize();
        var digits = BigInteger.Abs(n.Unscaled).ToString(CultureInfo.InvariantCulture);
        var sign = n.Unscaled.Sign < 0 ? "-" : string.Empty;
        if (n.Scale == 0)
        {
            return sign + digits;
        }

        if (digits.Length <= n.Scale)
        {
            digits = new string('0', n.Scale - digits.Length + 1) + digits;
        }

        return sign + digits[..^n.Scale] + "." + digits[^n.Scale..];
    }
}
