using System.Buffers.Binary;
using System.Numerics;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Numbers;

/// <summary>
/// Picks numbers exactly: every candidate is k × step for an integer k, where step is the
/// <c>multipleOf</c> (made integral for integers), so 0.1 steps stay exact and bounds are met on the digit.
/// </summary>
internal static class NumberPicker
{
    // Without a multipleOf, free numbers get two decimals (money-like); finer scales only when the range demands it.
    private static readonly int[] FreeScales = [2, 4, 6, 9, 12, 16];

    /// <summary>Picks a value in <paramref name="range"/>; false when no representable value exists.</summary>
    public static bool TryPick(NumberRange range, Prng rng, NumberPlacement placement, out ExactDecimal value)
    {
        if (range.MultipleOf is not null || range.IntegerOnly)
        {
            return TryPickOnGrid(range, StepOf(range), rng, placement, out value);
        }

        foreach (var scale in FreeScales)
        {
            if (TryPickOnGrid(range, new ExactDecimal(BigInteger.One, scale), rng, placement, out value))
            {
                return true;
            }
        }

        value = ExactDecimal.Zero;
        return false;
    }

    /// <summary>The smallest positive distance between two valid values (used to step just outside a bound).</summary>
    public static ExactDecimal StepOf(NumberRange range)
    {
        if (range.MultipleOf is { } m)
        {
            if (!range.IntegerOnly)
            {
                return m;
            }

            // Integers that are multiples of m: multiples of lcm(m, 1).
            var scale = Math.Max(m.Scale, 0);
            var mScaled = m.AtScale(scale);
            var unit = BigInteger.Pow(10, scale);
            return new ExactDecimal(mScaled / BigInteger.GreatestCommonDivisor(mScaled, unit) * unit, scale).Normalize();
        }

        return range.IntegerOnly ? ExactDecimal.One : new ExactDecimal(BigInteger.One, 2);
    }

    private static bool TryPickOnGrid(NumberRange range, ExactDecimal step, Prng rng, NumberPlacement placement, out ExactDecimal value)
    {
        value = ExactDecimal.Zero;
        var scale = Math.Max(step.Scale, 0);
        if (range.Minimum is { } min)
        {
            scale = Math.Max(scale, min.Scale);
        }

        if (range.Maximum is { } max)
        {
            scale = Math.Max(scale, max.Scale);
        }

        var stepScaled = step.AtScale(scale);
        BigInteger? kLo = null;
        BigInteger? kHi = null;
        if (range.Minimum is { } lo)
        {
            var q = BigInteger.DivRem(lo.AtScale(scale), stepScaled, out var rem);
            // Ceiling division; an exact hit on an exclusive bound moves one step inward.
            kLo = rem.Sign > 0 ? q + 1 : (rem.IsZero && range.MinimumExclusive ? q + 1 : q);
        }

        if (range.Maximum is { } hi)
        {
            var q = BigInteger.DivRem(hi.AtScale(scale), stepScaled, out var rem);
            kHi = rem.Sign < 0 ? q - 1 : (rem.IsZero && range.MaximumExclusive ? q - 1 : q);
        }

        if (kLo is { } a && kHi is { } b && a > b)
        {
            return false;
        }

        // About a thousand units wide, never fewer than ten steps.
        var window = BigInteger.Max(10, BigInteger.Pow(10, scale) * 1000 / stepScaled);
        BigInteger from;
        BigInteger to;
        switch (placement)
        {
            case NumberPlacement.Low:
                from = to = kLo ?? (kHi is { } h0 ? h0 - window : BigInteger.Zero);
                break;
            case NumberPlacement.High:
                to = from = kHi ?? (kLo is { } l0 ? l0 + window : window);
                break;
            default:
                if (kLo is { } l && l > 0)
                {
                    from = l;
                    to = kHi is { } h1 ? BigInteger.Min(h1, l + window) : l + window;
                }
                else if (kHi is { } h && h < 0)
                {
                    to = h;
                    from = kLo is { } l1 ? BigInteger.Max(l1, h - window) : h - window;
                }
                else
                {
                    from = kLo is { } l2 ? BigInteger.Max(l2, 0) : BigInteger.Zero;
                    to = kHi is { } h2 ? BigInteger.Min(h2, window) : window;
                }

                break;
        }

        var k = from + NextBigInteger(rng, to - from);
        value = new ExactDecimal(k * stepScaled, scale).Normalize();
        return true;
    }

    // Validators that divide in binary64 (ajv: data / multipleOf must be an integer) reject exact multiples such as
    // 0.07 for multipleOf 0.01 (0.07 / 0.01 = 7.000000000000001). Both readings accept a value that passes this.
    internal static bool QuotientIsIntegralInBinary64(ExactDecimal value, ExactDecimal multipleOf)
    {
        var quotient = ToDouble(value) / ToDouble(multipleOf);
        return double.IsFinite(quotient) && quotient == Math.Floor(quotient);
    }

    private static double ToDouble(ExactDecimal value) => double.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/>, or the nearest value of <paramref name="range"/>'s grid (within a few steps, inward
    /// first at a boundary) whose binary64 quotient by <c>multipleOf</c> is integral, so validators that divide in
    /// floating point accept it too. Unchanged when there is no multipleOf, it already passes, or none is near.
    /// </summary>
    public static ExactDecimal PreferBinary64Multiple(NumberRange range, ExactDecimal value, NumberPlacement placement)
    {
        if (range.MultipleOf is not { } multipleOf || QuotientIsIntegralInBinary64(value, multipleOf))
        {
            return value;
        }

        const int Reach = 16;
        var step = StepOf(range);
        for (var offset = 1; offset <= Reach; offset++)
        {
            foreach (var sign in placement switch { NumberPlacement.Low => (ReadOnlySpan<int>)[1], NumberPlacement.High => [-1], _ => [1, -1] })
            {
                var candidate = value + (step * ExactDecimal.FromInteger(sign * offset));
                if (range.Contains(candidate) && QuotientIsIntegralInBinary64(candidate, multipleOf))
                {
                    return candidate.Normalize();
                }
            }
        }

        return value;
    }

    // Uniform in [0, inclusiveMax].
    private static BigInteger NextBigInteger(Prng rng, BigInteger inclusiveMax)
    {
        if (inclusiveMax <= long.MaxValue - 1)
        {
            return rng.NextInt64(0, (long)inclusiveMax);
        }

        var words = (int)(inclusiveMax.GetBitLength() / 64) + 2;
        var bytes = new byte[words * 8 + 1];
        for (var i = 0; i < words; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8, 8), rng.NextUInt64());
        }

        // The extra zero byte keeps the little-endian value non-negative; the tiny modulo bias is harmless here.
        return new BigInteger(bytes) % (inclusiveMax + 1);
    }
}
