namespace MockGen.Storage.Registry;

/// <summary>
/// A tenant's AI enrichment governance (the <c>ai</c> section of its profile). Every field is optional in the file;
/// missing ones take the defaults documented here. Storage only carries and validates these settings; the
/// enrichment engine (MockGen.Ai) applies them.
/// </summary>
public sealed record TenantAiSettings
{
    /// <summary>Whether the tenant may use AI enrichment at all. Default: false.</summary>
    public bool Enabled { get; init; }

    /// <summary>The deployments the tenant allows; the first is its default. Default: none (a deployment must then be named per run).</summary>
    public IReadOnlyList<string> Deployments { get; init; } = [];

    /// <summary>The model the deployments are expected to run (part of the cassette key), or null. Default: null.</summary>
    public string? Model { get; init; }

    /// <summary>Sampling temperature, 0..2. Default: 0.7.</summary>
    public float Temperature { get; init; } = 0.7f;

    /// <summary>Output tokens per request, 16..128000. Default: 2048.</summary>
    public int MaxTokensPerRequest { get; init; } = 2048;

    /// <summary>The <c>max_tokens</c> of a first request, or null for <see cref="MaxTokensPerRequest"/>; an answer cut off by <c>finish_reason: length</c> is re-asked once with twice as many, within <see cref="MaxTokensPerRequest"/>. Default: null.</summary>
    public int? FirstRequestTokens { get; init; }

    /// <summary>Edge-case payloads asked per target for the <c>edge</c> variant, 1..50. Default: 8.</summary>
    public int EdgeCount { get; init; } = 8;

    /// <summary>Tokens one run may spend, or null for no limit; once spent, enrichment stops and generation continues deterministically. Default: null.</summary>
    public long? TokenBudgetPerRun { get; init; }

    /// <summary><c>mask</c> (replace PII with synthetic equivalents) or <c>reject</c> (drop the whole answer). Default: <c>mask</c>.</summary>
    public string PiiPolicy { get; init; } = "mask";

    /// <summary>Terms that must never appear in a payload (case-insensitive). Default: none.</summary>
    public IReadOnlyList<string> DenyList { get; init; } = [];

    /// <summary>
    /// The prompt template value enrichment uses in pipeline runs: a name in the tenant's prompt registry (its active
    /// version when a run is created, pinned into the run) or <c>name@sha256:…</c> (that version). Default: null, the
    /// built-in <c>enrich-values</c> of the generator version.
    /// </summary>
    public string? Prompt { get; init; }

    /// <summary>As <see cref="Prompt"/>, for the <c>edge</c> variant's proposals. Default: null, the built-in <c>edge-cases</c>.</summary>
    public string? EdgePrompt { get; init; }

    /// <summary>Prices per 1,000 tokens, for the estimated cost of a run. Default: all zero, USD.</summary>
    public TenantAiCost Cost { get; init; } = new();

    internal IEnumerable<string> Problems()
    {
        if (Deployments is null || Deployments.Any(string.IsNullOrWhiteSpace))
        {
            yield return "ai.deployments must be a list of non-empty names";
        }

        if (Temperature is < 0 or > 2 || float.IsNaN(Temperature))
        {
            yield return "ai.temperature must be 0..2";
        }

        if (MaxTokensPerRequest is < 16 or > 128_000)
        {
            yield return "ai.maxTokensPerRequest must be 16..128000";
        }

        if (FirstRequestTokens is { } first && (first < 16 || first > MaxTokensPerRequest))
        {
            yield return "ai.firstRequestTokens must be 16..ai.maxTokensPerRequest";
        }

        if (EdgeCount is < 1 or > 50)
        {
            yield return "ai.edgeCount must be 1..50";
        }

        if (TokenBudgetPerRun is < 0)
        {
            yield return "ai.tokenBudgetPerRun must be 0 or more";
        }

        foreach (var (field, reference) in new[] { ("ai.prompt", Prompt), ("ai.edgePrompt", EdgePrompt) })
        {
            if (reference is not null && !Prompts.PromptRegistry.IsReference(reference))
            {
                yield return field + " must be a prompt name as the registry accepts it, or name@sha256:<64 hex>";
            }
        }

        if (PiiPolicy is not ("mask" or "reject"))
        {
            yield return "ai.piiPolicy must be mask or reject";
        }

        if (Cost is null || Cost.PromptPer1K < 0 || Cost.CompletionPer1K < 0 || string.IsNullOrWhiteSpace(Cost.Currency))
        {
            yield return "ai.cost prices must be 0 or more, with a currency";
        }
    }
}
