namespace MockGen.Benchmarks.Load;

/// <summary>What one load run does: how many tenants, for how long, and how big each run is.</summary>
internal sealed record LoadOptions
{
    /// <summary>Tenants, each with its own API key and client (default 20).</summary>
    public int Tenants { get; init; } = 20;

    /// <summary>How long the tenants keep uploading, starting and pulling (default 60 s).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Payloads per target and variant of each run (default 20).</summary>
    public int CountPerTarget { get; init; } = 20;

    /// <summary>Payloads per shard (default 8, so every pull reads several shards).</summary>
    public int ShardSize { get; init; } = 8;
}
