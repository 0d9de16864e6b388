namespace MockGen.Cli.Commands;

/// <summary>The parsed arguments of <c>mockgen generate</c>.</summary>
internal sealed record GenerateRequest
{
    public required string ContractPath { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];

    public long Count { get; init; } = 10;

    public string Seed { get; init; } = "0";

    public string Variant { get; init; } = "typical";

    public string? Tenant { get; init; }

    public string? Environment { get; init; }

    public string? RunId { get; init; }

    public string Locale { get; init; } = "en";

    public string Output { get; init; } = "-";

    public string Format { get; init; } = "ndjson";

    public int Parallelism { get; init; } = 1;

    public string? Profile { get; init; }

    /// <summary><c>--realism</c>: synthetic or lifelike; null leaves it to the profile (else synthetic).</summary>
    public string? Realism { get; init; }

    public MockGen.Core.Contracts.ContractLoaderOptions? LoaderOptions { get; init; }

    /// <summary>The AI enrichment options, or null when <c>--ai</c> is absent.</summary>
    public AiRequest? Ai { get; init; }
}
