using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// A <see cref="System.Random"/> whose every draw comes from MockGen's <see cref="Prng"/>, so Bogus (which only
/// accepts a <see cref="System.Random"/>) produces values that are a pure function of our seed. The current
/// <see cref="Prng"/> is swapped per call; an instance belongs to one thread.
/// </summary>
internal sealed class PrngRandom : System.Random
{
#pragma warning disable RS0030 // The base seed is never used: every virtual member is overridden to draw from the Prng.
    public PrngRandom()
        : base(0)
#pragma warning restore RS0030
    {
    }

    /// <summary>The stream draws come from; set before each use.</summary>
    public Prng Source { get; set; } = Prng.FromParts("unbound");

    protected override double Sample() => Source.NextDouble();

    public override int Next() => (int)Source.NextInt64(0, int.MaxValue - 1);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (int)Source.NextInt64(0, maxValue - 1L);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue == maxValue ? minValue : (int)Source.NextInt64(minValue, maxValue - 1L);
    }

    public override long NextInt64() => Source.NextInt64(0, long.MaxValue - 1);

    public override long NextInt64(long maxValue) => maxValue == 0 ? 0 : Source.NextInt64(0, maxValue - 1);

    public override long NextInt64(long minValue, long maxValue) => minValue == maxValue ? minValue : Source.NextInt64(minValue, maxValue - 1);

    public override double NextDouble() => Source.NextDouble();

    public override float NextSingle() => (float)(Source.NextUInt64() >> 40) * (1.0f / (1 << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)Source.NextUInt64();
        }
    }
}
