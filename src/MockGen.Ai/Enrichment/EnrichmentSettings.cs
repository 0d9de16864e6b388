using System.Globalization;
using MockGen.Ai.Privacy;

namespace MockGen.Ai.Enrichment;

/// <summary>
/// The governed settings of an enrichment run (from the tenant profile, overridden by the CLI). Validated once,
/// when a <see cref="ValueEnricher"/> is built; every invalid field is listed in one message.
/// </summary>
public sealed class EnrichmentSettings
{
    /// <summary>The deployment to call. Required.</summary>
    public string Deployment { get; set; } = string.Empty;

    /// <summary>Deployments the tenant allows; empty allows any. Default empty.</summary>
    public IReadOnlyList<string> AllowedDeployments { get; set; } = [];

    /// <summary>The model the deployment is expected to run (part of the cassette key), or null. Default null.</summary>
    public string? Model { get; set; }

    /// <summary>Sampling temperature, 0-2. Default 0.7 (variety in pools; reproducibility comes from the cassette).</summary>
    public float Temperature { get; set; } = 0.7f;

    /// <summary>Output token limit per request. Default 2048.</summary>
    public int MaxTokensPerRequest { get; set; } = 2048;

    /// <summary>
    /// The <c>max_tokens</c> of a first request, or null for <see cref="MaxTokensPerRequest"/>. When an answer stops at
    /// <c>finish_reason: length</c> below the per-request limit, it is re-asked once with twice as many tokens (at most
    /// <see cref="MaxTokensPerRequest"/>, and only while the run's budget can pay for them). Default null.
    /// </summary>
    public int? FirstRequestTokens { get; set; }

    /// <summary>Edge-case payloads asked per target (the edge variant's first indexes). Default 8.</summary>
    public int EdgeCount { get; set; } = 8;

    /// <summary>Tokens a run may spend (prompt plus completion); null for no limit. Once spent, enrichment stops and generation continues deterministically. Default null.</summary>
    public long? TokenBudget { get; set; }

    /// <summary>Values asked per field. Default 12.</summary>
    public int PoolSize { get; set; } = 12;

    /// <summary>Fields per request; a target with more is asked in several groups. Default 40.</summary>
    public int MaxFieldsPerRequest { get; set; } = 40;

    /// <summary>What the PII guard does with a finding. Default <see cref="PiiPolicy.Mask"/>.</summary>
    public PiiPolicy PiiPolicy { get; set; } = PiiPolicy.Mask;

    /// <summary>Terms that must never appear in a payload (case-insensitive), masked like PII. Default empty.</summary>
    public IReadOnlyList<string> DenyList { get; set; } = [];

    /// <summary>Token prices for the estimated cost. Default all zero.</summary>
    public AiCostTable Cost { get; set; } = new();

    internal void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Deployment))
        {
            problems.Add("a deployment is required (--ai-deployment, or ai.deployments in the tenant profile)");
        }
        else if (AllowedDeployments.Count > 0 && !AllowedDeployments.Contains(Deployment, StringComparer.Ordinal))
        {
            problems.Add("deployment '" + Deployment + "' is not in the tenant's allow-list (" + string.Join(", ", AllowedDeployments) + ")");
        }

        if (Temperature is < 0 or > 2 || float.IsNaN(Temperature))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"temperature must be 0..2 (was {Temperature})"));
        }

        if (MaxTokensPerRequest is < 16 or > 128_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"max tokens per request must be 16..128000 (was {MaxTokensPerRequest})"));
        }

        if (FirstRequestTokens is { } first && (first < 16 || first > MaxTokensPerRequest))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"first-request tokens must be 16..{MaxTokensPerRequest} (the per-request limit; was {first})"));
        }

        if (EdgeCount is < 1 or > 50)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"edge payloads per target must be 1..50 (was {EdgeCount})"));
        }

        if (TokenBudget is < 0)
        {
            problems.Add("the token budget must be 0 or more");
        }

        if (PoolSize is < 1 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"pool size must be 1..100 (was {PoolSize})"));
        }

        if (MaxFieldsPerRequest is < 1 or > 90)
        {
            // Azure's strict subset allows 100 object properties in total (reference section 2).
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"fields per request must be 1..90 (was {MaxFieldsPerRequest})"));
        }

        if (Cost is null || Cost.PromptPer1K < 0 || Cost.CompletionPer1K < 0)
        {
            problems.Add("cost table prices must be 0 or more");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid AI settings: " + string.Join("; ", problems));
        }
    }
}
