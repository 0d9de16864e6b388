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
