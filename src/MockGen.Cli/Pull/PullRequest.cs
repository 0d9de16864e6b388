namespace MockGen.Cli.Pull;

/// <summary>The parsed arguments of <c>mockgen pull</c>.</summary>
internal sealed record PullRequest
{
    public required Uri Server { get; init; }

    public required string Tenant { get; init; }

    /// <summary>The run to pull, or null to pick the latest sealed run of <see cref="Contract"/>.</summary>
    public string? RunId { get; init; }

    public string? Contract { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];

    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>A folder (shards and manifest) or a file ending in .ndjson/.jsonl (one concatenated NDJSON dataset).</summary>
    public required string Output { get; init; }

    /// <summary>Where to write the run's contract version, for <c>mockgen validate</c>; null for nowhere.</summary>
    public string? ContractOutput { get; init; }

    /// <summary>Attempts per shard before the pull gives up on it (each attempt resumes where the last stopped).</summary>
    public int Attempts { get; init; } = 5;

    /// <summary>The Entra ID scope a token is asked for when no API key is set.</summary>
    public string Scope { get; init; } = "api://mockgen/.default";
}
