namespace MockGen.Cli.Commands;

/// <summary>The parsed AI options of <c>mockgen generate</c>.</summary>
internal sealed record AiRequest
{
    public required string Kind { get; init; }

    public string Mode { get; init; } = "replay";

    public string? Endpoint { get; init; }

    public string? Deployment { get; init; }

    public string? Model { get; init; }

    public string? Prompt { get; init; }

    public string Store { get; init; } = ".mockgen/store";

    /// <summary>Whether <c>--ai-store</c> was on the command line: then it beats a <c>MOCKGEN_STORAGE_CONNECTION_STRING</c> left in the environment.</summary>
    public bool StoreGiven { get; init; }

    /// <summary>An Azure store's connection string holding cassettes and prompts instead of <see cref="Store"/>, or null.</summary>
    public string? AzureConnectionString { get; init; }

    /// <summary>An Azure store's blob endpoint (Entra ID), with <see cref="AzureTableUri"/>, or null.</summary>
    public Uri? AzureBlobUri { get; init; }

    /// <summary>The same account's table endpoint, or null.</summary>
    public Uri? AzureTableUri { get; init; }

    public long? Budget { get; init; }

    /// <summary>The scenarios mode's matrix, <c>name=v1,v2;name=v1</c>, or null.</summary>
    public string? ScenarioMatrix { get; init; }

    /// <summary>The scenarios mode's parameters file (JSON: matrix and/or named scenarios), or null.</summary>
    public string? ScenarioFile { get; init; }

    /// <summary>A tenant profile file whose <c>ai</c> section governs the run, or null.</summary>
    public string? Profile { get; init; }

    /// <summary>The API key; the command reads <c>AZURE_OPENAI_API_KEY</c> when null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The HTTP client for record/live (tests point it at the loopback fake); null for the SDK's.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The clock retry delays wait on; null for the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
