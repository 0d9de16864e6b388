namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>A tiny seeded generator (SplitMix64): the fake's answers depend only on the request and the seed.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, count).</summary>
    public int Below(int count) => count <= 1 ? 0 : (int)(Next() % (ulong)count);

    /// <summary>A value in [min, max].</summary>
    public long Between(long min, long max) => max <= min ? min : min + (long)(Next() % (ulong)(max - min + 1));

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
