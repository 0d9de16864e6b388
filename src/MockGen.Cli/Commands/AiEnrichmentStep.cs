using System.Globalization;
using MockGen.Ai;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Prompts;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Enrichment;
using MockGen.Storage.Stores;

namespace MockGen.Cli.Commands;

/// <summary>
/// The AI part of <c>mockgen generate --ai enrich|edge</c>: enrich plans each contract's free string fields and asks
/// the gateway (circuit → cassette → Azure OpenAI) for value pools; edge asks for valid-but-tricky payloads per target,
/// generated as the <c>edge</c> variant. Either runs before generation, so the gate still judges every payload and
/// nothing ungated is written. One gateway (one circuit, one budget) per run.
/// </summary>
internal sealed class AiEnrichmentStep
{
    private readonly ValueEnricher? _enricher;
    private readonly EdgeCaseProposer? _proposer;
    private readonly PromptTemplate _prompt;
    private readonly List<EnrichmentReport> _reports = [];

    private AiEnrichmentStep(ValueEnricher? enricher, EdgeCaseProposer? proposer, PromptTemplate prompt, CassetteMode mode)
    {
        _enricher = enricher;
        _proposer = proposer;
        _prompt = prompt;
        Mode = mode;
    }

    public CassetteMode Mode { get; }

    public IReadOnlyList<EnrichmentReport> Reports => _reports;

    /// <exception cref="CliException">An AI option is invalid (all problems in one message).</exception>
    public static AiEnrichmentStep Create(AiRequest ai, string? tenant)
    {
        var problems = new List<string>();
        var edge = ai.Kind == "edge";
        if (ai.Kind is not ("enrich" or "edge"))
        {
            problems.Add($"--ai: '{ai.Kind}' is not available; this build supports enrich and edge (scenarios is not built yet)");
        }

        var mode = CassetteMode.Replay;
        switch (ai.Mode.ToUpperInvariant())
        {
            case "REPLAY":
                break;
            case "RECORD":
                mode = CassetteMode.Record;
                break;
            case "LIVE":
                mode = CassetteMode.Live;
                break;
            default:
                problems.Add($"--ai-mode: '{ai.Mode}' is not one of replay, record, live");
                break;
        }

        MockGen.Storage.Registry.TenantAiSettings? governed = null;
        if (ai.Profile is { } profilePath)
        {
            try
            {
                governed = MockGen.Storage.Registry.TenantProfile.Parse(profilePath, File.ReadAllBytes(profilePath)).Ai;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or MockGen.Storage.MockGenStorageException)
            {
                problems.Add("--ai-profile: " + e.Message);
            }
        }

        if (string.IsNullOrWhiteSpace(ai.Deployment) && governed is not { Deployments.Count: > 0 })
        {
            problems.Add("--ai-deployment: required with --ai unless --ai-profile names deployments (the deployment is part of every cassette key)");
        }

        if (ai.Budget is < 0)
        {
            problems.Add("--ai-budget: must be 0 or more tokens");
        }

        var prompt = edge ? BuiltInPrompts.EdgeCases : BuiltInPrompts.EnrichValues;
        if (ai.Prompt is { } promptRef && promptRef != prompt.Name)
        {
            if (!File.Exists(promptRef))
            {
                problems.Add($"--prompt: '{promptRef}' is neither a file nor a built-in prompt ({prompt.Name})");
            }
            else
            {
                try
                {
                    prompt = PromptTemplate.Parse(Path.GetFileNameWithoutExtension(promptRef), File.ReadAllText(promptRef));
                }
                catch (FormatException e)
                {
                    problems.Add("--prompt: " + e.Message);
                }
            }
        }

        AzureOpenAIGatewayOptions? live = null;
        if (mode != CassetteMode.Replay)
        {
            var endpoint = ai.Endpoint ?? Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT");
            if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"--ai-endpoint: {ai.Mode} mode calls Azure OpenAI and needs an absolute https URI such as https://myres.openai.azure.com (or AZURE_OPENAI_ENDPOINT)");
            }
            else
            {
                live = new AzureOpenAIGatewayOptions
                {
                    Endpoint = uri,
                    ApiKey = ai.ApiKey ?? NullIfEmpty(Environment.GetEnvironmentVariable(AzureOpenAIGatewayOptions.ApiKeyVariable)),
                    HttpClient = ai.HttpClient,
                    TimeProvider = ai.TimeProvider ?? TimeProvider.System,
                };
            }
        }

        if (problems.Count > 0)
        {
            throw new CliException(string.Join("\nerror: ", problems));
        }

        try
        {
            var store = PipelineStore.LocalFolder(ai.Store);
            var gateway = AiGateways.Build(mode, new CassetteStore(store.Blobs), tenant, live, clock: ai.TimeProvider);
            var settings = governed is null
                ? new EnrichmentSettings { Deployment = ai.Deployment!, Model = ai.Model, TokenBudget = ai.Budget }
                : TenantEnrichmentSettings.From(governed, ai.Deployment, ai.Budget);
            return edge
                ? new AiEnrichmentStep(null, new EdgeCaseProposer(gateway, settings), prompt, mode)
                : new AiEnrichmentStep(new ValueEnricher(gateway, settings), null, prompt, mode);
        }
        catch (ArgumentException e)
        {
            throw new CliException("--ai: " + e.Message);
        }
    }

    /// <summary>Plans and enriches one contract's targets; returns the generation options with its pools.</summary>
    /// <exception cref="CliException">Replay mode and an answer is not in the cassette, or a cassette entry is corrupt.</exception>
    public async Task<GenerationOptions> EnrichAsync(DatasetGenerator planner, GenerationOptions options, Contract contract, IReadOnlyList<ContractTarget> targets, CancellationToken cancellationToken)
    {
        try
        {
            var context = new EnrichmentContext(contract.Version, options.Seed, options.Tenant, options.Locale);
            var run = _proposer is not null
                ? await _proposer.ProposeAsync(contract, targets, context, _prompt, cancellationToken).ConfigureAwait(false)
                : await _enricher!.EnrichAsync(planner.PlanEnrichment(contract, targets, cancellationToken), context, _prompt, cancellationToken).ConfigureAwait(false);
            _reports.Add(run.Report);
            return WithPools(options, run.Pools);
        }
        catch (CassetteMissingException e)
        {
            throw new CliException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message);
        }
    }

    public void WriteSummary(TextWriter stderr, IReadOnlyList<TargetRunSummary> summaries)
    {
        if (_reports.Count == 0)
        {
            return;
        }

        var exchanges = _reports.SelectMany(r => r.Exchanges).ToList();
        var pii = _reports.SelectMany(r => r.Pii).GroupBy(p => p.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Sum(p => p.Value)}").ToList();
        var cost = _reports.Sum(r => r.EstimatedCost);
        var ic = CultureInfo.InvariantCulture;
        var line = string.Create(ic, $"ai ({Mode.ToString().ToLowerInvariant()}, prompt {_prompt.Name} {_prompt.Version[..19]}…): {exchanges.Count} request(s): ")
            + string.Create(ic, $"{_reports.Sum(r => r.Accepted)} accepted, {_reports.Sum(r => r.Repaired)} repaired, {_reports.Sum(r => r.Rejected)} rejected, {_reports.Sum(r => r.Skipped)} skipped; ")
            + string.Create(ic, $"values {_reports.Sum(r => r.ValuesKept)} kept, {_reports.Sum(r => r.ValuesDropped)} dropped; PII masked: {(pii.Count == 0 ? "none" : string.Join(", ", pii))}; ")
            + string.Create(ic, $"tokens {_reports.Sum(r => r.PromptTokens)} in + {_reports.Sum(r => r.CompletionTokens)} out; estimated cost {cost:0.####} {_reports[0].Currency}")
            + (_reports.Any(r => r.BudgetExhausted) ? "; token budget exhausted, the rest generated deterministically" : string.Empty)
            + (_reports.Any(r => r.CircuitOpened) ? "; circuit opened, the rest generated deterministically" : string.Empty);
        stderr.WriteLine(line);
        if (_proposer is not null)
        {
            var edge = summaries.Where(s => s.Variant == GenerationVariant.Edge).ToList();
            var repaired = edge.Sum(s => s.ProposalsRepaired);
            stderr.WriteLine(string.Create(ic, $"ai edge: {_reports.Sum(r => r.Proposed)} payload(s) proposed; gate: {edge.Sum(s => s.ProposalsAccepted)} accepted, {repaired} repaired ({edge.Sum(s => s.ProposalValuesRegenerated)} value(s) regenerated), {edge.Sum(s => s.ProposalsRejected)} rejected (generated deterministically)"));
        }

        foreach (var exchange in exchanges.Where(e => e.Verdict is AnswerVerdict.Rejected or AnswerVerdict.Skipped or AnswerVerdict.Repaired && e.Reason is not null))
        {
            stderr.WriteLine($"ai: {exchange.TargetId}: {exchange.Verdict.ToString().ToLowerInvariant()}: {exchange.Reason} (cassette {exchange.CassetteKey})");
        }
    }

    private GenerationOptions WithPools(GenerationOptions o, EnrichmentPools pools) => new()
    {
        Seed = o.Seed,
        Count = o.Count,
        FirstIndex = o.FirstIndex,
        // The edge variant holds the proposals; it joins the requested variants unless named already.
        Variants = _proposer is not null && !o.Variants.Contains(GenerationVariant.Edge) ? [.. o.Variants, GenerationVariant.Edge] : o.Variants,
        Tenant = o.Tenant,
        Environment = o.Environment,
        TestRunId = o.TestRunId,
        Locale = o.Locale,
        Profile = o.Profile,
        TenantProperties = o.TenantProperties,
        MaxAttempts = o.MaxAttempts,
        Parallelism = o.Parallelism,
        AssertFormats = o.AssertFormats,
        TimeProvider = o.TimeProvider,
        Enrichment = pools,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
