using System.Globalization;
using MockGen.Ai;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Prompts;
using MockGen.Ai.Scenarios;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Enrichment;
using MockGen.Storage.Stores;

namespace MockGen.Cli.Commands;

/// <summary>
/// The AI part of <c>mockgen generate --ai enrich|edge|scenarios</c>: per contract, asks the gateway (circuit → cassette →
/// Azure OpenAI) for value pools (enrich: the contract's free string fields), for valid-but-tricky payloads per target
/// generated as the <c>edge</c> variant (edge), or for candidate payloads per named scenario (scenarios), and hands them
/// to the generator. It runs before generation, so the gate still judges every payload and nothing ungated is written.
/// One gateway (one circuit, one budget) per run.
/// </summary>
internal sealed class AiEnrichmentStep
{
    private const string Enrich = "enrich";
    private const string EdgeKind = "edge";
    private const string ScenariosKind = "scenarios";

    private readonly ValueEnricher? _enricher;
    private readonly EdgeCaseProposer? _proposer;
    private readonly ScenarioEnricher? _scenarioEnricher;
    private readonly IReadOnlyList<Scenario> _scenarios;
    private readonly PromptTemplate _prompt;
    private readonly List<EnrichmentReport> _reports = [];
    private readonly EnrichmentPlanner _planner;
    private int _plansProbed;
    private int _plansStored;

    private AiEnrichmentStep(ValueEnricher? enricher, EdgeCaseProposer? proposer, ScenarioEnricher? scenarioEnricher, IReadOnlyList<Scenario> scenarios, PromptTemplate prompt, CassetteMode mode, EnrichmentPlanner planner)
    {
        _planner = planner;
        _enricher = enricher;
        _proposer = proposer;
        _scenarioEnricher = scenarioEnricher;
        _scenarios = scenarios;
        _prompt = prompt;
        Mode = mode;
    }

    public CassetteMode Mode { get; }

    public IReadOnlyList<EnrichmentReport> Reports => _reports;

    /// <exception cref="CliException">An AI option is invalid (all problems in one message).</exception>
    public static async Task<AiEnrichmentStep> CreateAsync(AiRequest ai, string? tenant, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var edge = ai.Kind == EdgeKind;
        if (ai.Kind is not (Enrich or EdgeKind or ScenariosKind))
        {
            problems.Add($"--ai: '{ai.Kind}' is not available; this build supports enrich, edge and scenarios");
        }

        var scenarios = ai.Kind == ScenariosKind ? ScenarioInput.Read(ai, problems) : ScenarioInput.None(ai, problems);

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

        // One store for cassettes and prompts: the --ai-store folder, or the Azure store the other commands name the same way.
        PipelineStore? store = null;
        try
        {
            store = StoreOptions.Open(ai.AzureConnectionString, ai.AzureBlobUri, ai.AzureTableUri, ai.Store, ai.StoreGiven);
        }
        catch (CliException e)
        {
            problems.Add(e.Message);
        }

        var defaultPrompt = edge ? BuiltInPrompts.EdgeCases : ai.Kind == ScenariosKind ? BuiltInPrompts.ScenarioPayloads : BuiltInPrompts.EnrichValues;
        var storeOptions = store is null || store.Description.StartsWith("folder ", StringComparison.Ordinal) ? "--store " + ai.Store : "with the same --azure-* options";
        var prompt = store is null ? null : await PromptReference.ResolveAsync(ai.Prompt, defaultPrompt, store, storeOptions, tenant, problems, cancellationToken).ConfigureAwait(false);
        if (prompt is not null && scenarios.Count > 0)
        {
            try
            {
                ScenarioEnricher.CheckPrompt(prompt, scenarios);
            }
            catch (FormatException e)
            {
                problems.Add("--prompt: " + e.Message);
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
            var gateway = AiGateways.Build(mode, new CassetteStore(store!.Blobs), tenant, live, clock: ai.TimeProvider);
            var settings = governed is null
                ? new EnrichmentSettings { Deployment = ai.Deployment!, Model = ai.Model, TokenBudget = ai.Budget }
                : TenantEnrichmentSettings.From(governed, ai.Deployment, ai.Budget);
            return new AiEnrichmentStep(
                edge ? null : new ValueEnricher(gateway, settings),
                edge ? new EdgeCaseProposer(gateway, settings) : null,
                ai.Kind == ScenariosKind ? new ScenarioEnricher(gateway, settings) : null,
                scenarios,
                prompt!,
                mode,
                new EnrichmentPlanner(new PlanStore(store.Blobs), mode, tenant));
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
        var context = new EnrichmentContext(contract.Version, options.Seed, options.Tenant, options.Locale);
        try
        {
            if (_scenarioEnricher is not null)
            {
                var plans = await PlanAsync(planner, contract, targets, cancellationToken).ConfigureAwait(false);
                var scenarios = await _scenarioEnricher.EnrichAsync(contract, [.. targets.Zip(plans)], _scenarios, options.Count, context, _prompt, cancellationToken).ConfigureAwait(false);
                _reports.Add(scenarios.Report);
                return With(options, null, scenarios.Scenarios);
            }

            var run = _proposer is not null
                ? await _proposer.ProposeAsync(contract, targets, context, _prompt, cancellationToken).ConfigureAwait(false)
                : await _enricher!.EnrichAsync(await PlanAsync(planner, contract, targets, cancellationToken).ConfigureAwait(false), context, _prompt, cancellationToken).ConfigureAwait(false);
            _reports.Add(run.Report);
            return With(options, run.Pools, null);
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

    // The plans stored next to the cassette stand in for probing each target again (EnrichmentPlanner).
    private async Task<IReadOnlyList<EnrichmentTargetPlan>> PlanAsync(DatasetGenerator planner, Contract contract, IReadOnlyList<ContractTarget> targets, CancellationToken cancellationToken)
    {
        var planning = await _planner.PlanAsync(planner, contract, targets, cancellationToken).ConfigureAwait(false);
        _plansProbed += planning.Probed;
        _plansStored += planning.Stored;
        return planning.Plans;
    }

    /// <param name="stderr">Where the summary goes.</param>
    /// <param name="runs">The generation summaries (the scenarios mode counts its payloads' answers from them, the edge mode its proposals').</param>
    public void WriteSummary(TextWriter stderr, IReadOnlyList<TargetRunSummary> runs)
    {
        if (_reports.Count == 0)
        {
            return;
        }

        if (_scenarioEnricher is not null)
        {
            WriteScenarioSummary(stderr, runs);
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
            + (_proposer is null ? string.Create(ic, $"; target plans: {_plansStored} stored, {_plansProbed} probed") : string.Empty)
            + (_reports.Any(r => r.BudgetExhausted) ? "; token budget exhausted, the rest generated deterministically" : string.Empty)
            + (_reports.Any(r => r.CircuitOpened) ? "; circuit opened, the rest generated deterministically" : string.Empty);
        stderr.WriteLine(line);
        if (_proposer is not null)
        {
            var edgeRuns = runs.Where(s => s.Variant == GenerationVariant.Edge).ToList();
            var repaired = edgeRuns.Sum(s => s.ProposalsRepaired);
            stderr.WriteLine(string.Create(ic, $"ai edge: {_reports.Sum(r => r.Proposed)} payload(s) proposed; gate: {edgeRuns.Sum(s => s.ProposalsAccepted)} accepted, {repaired} repaired ({edgeRuns.Sum(s => s.ProposalValuesRegenerated)} value(s) regenerated), {edgeRuns.Sum(s => s.ProposalsRejected)} rejected (generated deterministically)"));
        }

        foreach (var exchange in exchanges.Where(e => e.Verdict is AnswerVerdict.Rejected or AnswerVerdict.Skipped or AnswerVerdict.Repaired && e.Reason is not null))
        {
            stderr.WriteLine($"ai: {exchange.TargetId}: {exchange.Verdict.ToString().ToLowerInvariant()}: {exchange.Reason} (cassette {exchange.CassetteKey})");
        }
    }

    private void WriteScenarioSummary(TextWriter stderr, IReadOnlyList<TargetRunSummary> runs)
    {
        var exchanges = _reports.SelectMany(r => r.Exchanges).ToList();
        var answers = runs.Select(r => r.Scenario).OfType<ScenarioAnswers>().ToList();
        var pii = _reports.SelectMany(r => r.Pii).GroupBy(p => p.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Sum(p => p.Value)}").ToList();
        var ic = CultureInfo.InvariantCulture;
        stderr.WriteLine(
            string.Create(ic, $"ai ({Mode.ToString().ToLowerInvariant()}, scenarios, prompt {_prompt.Name} {_prompt.Version[..19]}…): {_scenarios.Count} scenario(s), {exchanges.Count} request(s): ")
            + string.Create(ic, $"{_reports.Sum(r => r.Accepted)} accepted, {_reports.Sum(r => r.Repaired)} repaired, {_reports.Sum(r => r.Rejected)} rejected, {_reports.Sum(r => r.Skipped)} skipped; ")
            + string.Create(ic, $"payloads {answers.Sum(a => a.Accepted)} accepted, {answers.Sum(a => a.Repaired)} repaired ({answers.Sum(a => a.ValuesRegenerated)} values regenerated), {answers.Sum(a => a.Regenerated)} regenerated whole; ")
            + string.Create(ic, $"PII masked: {(pii.Count == 0 ? "none" : string.Join(", ", pii))}; tokens {_reports.Sum(r => r.PromptTokens)} in + {_reports.Sum(r => r.CompletionTokens)} out; estimated cost {_reports.Sum(r => r.EstimatedCost):0.####} {_reports[0].Currency}")
            + (_reports.Any(r => r.BudgetExhausted) ? "; token budget exhausted, the rest generated deterministically" : string.Empty)
            + (_reports.Any(r => r.CircuitOpened) ? "; circuit opened, the rest generated deterministically" : string.Empty));
        foreach (var exchange in exchanges.Where(e => e.Verdict is not AnswerVerdict.Accepted && e.Reason is not null).Take(20))
        {
            stderr.WriteLine($"ai: {exchange.TargetId}: {exchange.Verdict.ToString().ToLowerInvariant()}: {exchange.Reason} (cassette {exchange.CassetteKey})");
        }
    }

    private GenerationOptions With(GenerationOptions o, EnrichmentPools? pools, ScenarioSet? scenarios) => new()
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
        Realism = o.Realism,
        TenantProperties = o.TenantProperties,
        MaxAttempts = o.MaxAttempts,
        Parallelism = o.Parallelism,
        AssertFormats = o.AssertFormats,
        TimeProvider = o.TimeProvider,
        Enrichment = pools,
        Scenarios = scenarios,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
