namespace MockGen.Ai.Gateway;

/// <summary>
/// MockGen's own description of one model call: what the cassette key is computed from (never SDK bytes, which
/// change between SDK versions). Auth and per-request ids are deliberately not part of it.
/// </summary>
public sealed record ModelRequest
{
    /// <summary>The API surface: <c>azure-classic</c> (deployments path with api-version). Default <c>azure-classic</c>.</summary>
    public string Surface { get; init; } = "azure-classic";

    /// <summary>The api-version the surface is called with. Default <c>2024-10-21</c>.</summary>
    public string ApiVersion { get; init; } = "2024-10-21";

    /// <summary>The deployment name.</summary>
    public required string Deployment { get; init; }

    /// <summary>The model the deployment is expected to run (configuration, part of the key), or null.</summary>
    public string? Model { get; init; }

    /// <summary>The prompt template's name.</summary>
    public required string PromptId { get; init; }

    /// <summary>The prompt template's <c>sha256:</c> version.</summary>
    public required string PromptVersion { get; init; }

    /// <summary>The rendered messages, in order.</summary>
    public required IReadOnlyList<ModelMessage> Messages { get; init; }

    /// <summary>The <c>json_schema</c> response format's name (<c>[A-Za-z0-9_-]{1,64}</c>).</summary>
    public required string SchemaName { get; init; }

    /// <summary>The strict response schema, as JSON text (key order steers the answer's order).</summary>
    public required string Schema { get; init; }

    /// <summary>Whether the schema is sent with <c>strict: true</c>. Default true.</summary>
    public bool Strict { get; init; } = true;

    /// <summary>Sampling temperature (0-2). Default 0.2.</summary>
    public float Temperature { get; init; } = 0.2f;

    /// <summary>The best-effort sampling seed (derived from the run's seed, so replays and records agree).</summary>
    public long Seed { get; init; }

    /// <summary>The answer's token limit (<c>max_tokens</c>). Default 1024.</summary>
    public int MaxOutputTokens { get; init; } = 1024;
}
