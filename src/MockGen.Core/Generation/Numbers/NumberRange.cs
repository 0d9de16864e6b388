using System.Numerics;

namespace MockGen.Core.Generation.Numbers;

/// <summary>
/// The numeric constraints a value must meet, merged across <c>allOf</c>: the tightest bounds win and every
/// <c>multipleOf</c> applies (their least common multiple).
/// </summary>
internal sealed record NumberRange
{
    public static NumberRange Unbounded { get; } = new();

    public ExactDecimal? Minimum { get; init; }

    public bool MinimumExclusive { get; init; }

    public ExactDecimal? Maximum { get; init; }

    public bool MaximumExclusive { get; init; }

    /// <summary>The least common multiple of every <c>multipleOf</c> seen, or null.</summary>
    public ExactDecimal? MultipleOf { get; init; }

    public bool IntegerOnly { get; init; }

    public NumberRange WithMinimum(ExactDecimal value, bool exclusive)
    {
        if (Minimum is { } current && (current > value || (current == value && (MinimumExclusive || !exclusive))))
        {
            return this;
        }

        return this with { Minimum = value, MinimumExclusive = exclusive };
    }

    public NumberRange WithMaximum(ExactDecimal value, bool exclusive)
    {
        if (Maximum is { } current && (current < value || (current == value && (MaximumExclusive || !exclusive))))
        {
            return this;
        }

        return this with { Maximum = value, MaximumExclusive = exclusive };
    }

    public NumberRange WithMultipleOf(ExactDecimal value)
    {
        if (value.Unscaled.Sign <= 0)
        {
            return this;
        }

        return this with { MultipleOf = MultipleOf is { } current ? Lcm(current, value) : value.Normalize() };
    }

    public NumberRange Intersect(NumberRange other)
    {
        var result = this with { IntegerOnly = IntegerOnly || other.IntegerOnly };
        if (other.Minimum is { } min)
        {
            result = result.WithMinimum(min, other.MinimumExclusive);
        }

        if (other.Maximum is { } max)
        {
            result = result.WithMaximum(max, other.MaximumExclusive);
        }

        if (other.MultipleOf is { } m)
        {
            result = result.WithMultipleOf(m);
        }

        return result;
    }

    /// <summary>True when <paramref name="value"/> meets every constraint.</summary>
    public bool Contains(ExactDecimal value)
    {
        if (Minimum is { } min && (value < min || (MinimumExclusive && value == min)))
        {
            return false;
        }

        if (Maximum is { } max && (value > max || (MaximumExclusive && value == max)))
        {
            return false;
        }

        if (IntegerOnly && !value.IsInteger)
        {
            return false;
        }

        if (MultipleOf is { } m)
        {
            var scale = Math.Max(Math.Max(value.Scale, m.Scale), 0);
            return BigInteger.Remainder(value.AtScale(scale), m.AtScale(scale)).IsZero;
        }

        return true;
    }

    private static ExactDecimal Lcm(ExactDecimal a, ExactDecimal b)
    {
        var scale = Math.Max(Math.Max(a.Scale, b.Scale), 0);
        var x = a.AtScale(scale);
        var y = b.AtScale(scale);
        var lcm = x / BigInteger.GreatestCommonDivisor(x, y) * y;
        return new ExactDecimal(lcm, scale).Normalize();
    }
}
