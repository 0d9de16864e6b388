using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Gateway;
using MockGen.Ai.Privacy;
using MockGen.Ai.Prompts;
using MockGen.Core.Contracts;
using MockGen.Core.Enrichment;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Output;

namespace MockGen.Ai.Scenarios;

/// <summary>
/// The scenarios mode: per target and named scenario, renders the prompt with the scenario's parameters, asks the
/// gateway (through the cassette) for payloads under the target's strict list schema, maps each answer back to the
/// contract's shape and masks PII in it. The candidates go to generation, which repairs each against the target and
/// gates it (<see cref="ScenarioSet"/>). Requests ask for a fixed number of payloads each
/// (<see cref="PayloadsPerRequest"/>), so one cassette serves every <c>--count</c> up to what was recorded, and run
/// one at a time in order, so the budget and the circuit stop at the same request in a record run and its replays.
/// </summary>
public sealed class ScenarioEnricher
{
    /// <summary>Payloads asked per request; payload index i comes from request i / this.</summary>
    public const int PayloadsPerRequest = 5;

    /// <summary>Template parameters MockGen fills itself; a scenario parameter may not use these names.</summary>
    public static readonly IReadOnlyList<string> ReservedParameters = ["target", "targetContext", "locale", "count", "scenario", "parameters"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 256 };

    private readonly IModelGateway _gateway;
    private readonly EnrichmentSettings _settings;
    private readonly PiiGuard _guard;
    private readonly StrictSchemaTransform _transform = new();

    /// <summary>Creates the enricher; the settings are validated.</summary>
    /// <exception cref="ArgumentException">A setting is invalid (all are listed).</exception>
    public ScenarioEnricher(IModelGateway gateway, EnrichmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _gateway = gateway;
        _settings = settings;
        _guard = new PiiGuard(settings.DenyList);
    }

    /// <summary>
    /// Checks that <paramref name="prompt"/> renders for every scenario (every <c>{{name}}</c> it uses is given) and that
    /// no scenario parameter takes a reserved name; all problems in one message, before any call.
    /// </summary>
    /// <exception cref="FormatException">A parameter is missing or reserved.</exception>
    public static void CheckPrompt(PromptTemplate prompt, IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(scenarios);
        var problems = new List<string>();
        foreach (var scenario in scenarios)
        {
            var reserved = scenario.Parameters.Select(p => p.Key).Where(ReservedParameters.Contains).ToList();
            if (reserved.Count > 0)
            {
                problems.Add($"scenario '{scenario.Name}': parameter {string.Join(", ", reserved)} is reserved (MockGen fills {string.Join(", ", ReservedParameters)})");
            }

            var given = new HashSet<string>(ReservedParameters.Concat(scenario.Parameters.Select(p => p.Key)), StringComparer.Ordinal);
            var missing = prompt.Parameters.Where(p => !given.Contains(p)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"scenario '{scenario.Name}' does not give {string.Join(", ", missing.Select(m => "{{" + m + "}}"))}, which prompt '{prompt.Name}' uses");
            }
        }

        if (problems.Count > 0)
        {
            throw new FormatException(string.Join("; ", problems.Distinct(StringComparer.Ordinal).Take(10)));
        }
    }

    /// <summary>Asks for every target's scenario payloads.</summary>
    /// <param name="contract">The loaded contract.</param>
    /// <param name="plans">The targets, with their context (<c>DatasetGenerator.PlanEnrichment</c>).</param>
    /// <param name="scenarios">The scenarios, in order.</param>
    /// <param name="count">Payloads per scenario (the run's <c>--count</c>).</param>
    /// <param name="context">The run.</param>
    /// <param name="prompt">The template; default the built-in <c>scenario-payloads</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="CassetteMissingException">Replay mode and an answer is not recorded.</exception>
    /// <exception cref="FormatException">The prompt does not render for a scenario (see <see cref="CheckPrompt"/>).</exception>
    public async Task<ScenarioRun> EnrichAsync(
        Contract contract,
        IReadOnlyList<(ContractTarget Target, EnrichmentTargetPlan Plan)> plans,
        IReadOnlyList<Scenario> scenarios,
        long count,
        EnrichmentContext context,
        PromptTemplate? prompt = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(context);
        prompt ??= BuiltInPrompts.ScenarioPayloads;
        CheckPrompt(prompt, scenarios);
        var exchanges = new List<EnrichmentExchange>();
        var sets = new List<ScenarioPayloads>();
        var pii = new Dictionary<PiiKind, int>();
        var proposed = 0;
        long spent = 0;
        var budgetExhausted = false;
        var circuitOpened = false;
        var requests = (int)Math.Min(int.MaxValue, (count + PayloadsPerRequest - 1) / PayloadsPerRequest);
        foreach (var (target, plan) in plans)
        {
            StrictSchema? strict = null;
            string? unsendable = null;
            try
            {
                strict = _transform.TransformList(contract, target, PayloadsPerRequest);
                unsendable = strict.IsWithinSubset ? null : "the target's strict schema is outside the subset: " + string.Join("; ", strict.Violations.Take(3).Select(v => v.ToString()));
            }
            catch (ContractException e)
            {
                unsendable = "the target does not compile: " + e.Message;
            }

            foreach (var scenario in scenarios)
            {
                var candidates = new List<ScenarioCandidate>();
                for (var chunk = 0; chunk < requests; chunk++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (strict is null || unsendable is not null)
                    {
                        exchanges.Add(new EnrichmentExchange(target.Id, 0, "-", null, AnswerVerdict.Skipped, unsendable, ModelUsage.None));
                        break;
                    }

                    var request = BuildRequest(plan, scenario, chunk, strict, context, prompt);
                    var key = CassetteKey.Compute(request);
                    if (_settings.TokenBudget is { } budget && spent >= budget)
                    {
                        budgetExhausted = true;
                        exchanges.Add(new EnrichmentExchange(target.Id, 0, key, null, AnswerVerdict.Skipped, "token budget of " + budget.ToString(CultureInfo.InvariantCulture) + " spent", ModelUsage.None));
                        break;
                    }

                    var result = await _gateway.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
                    spent += result.Usage.TotalTokens;
                    if (result.Outcome == ModelOutcome.CircuitOpen)
                    {
                        circuitOpened = true;
                        exchanges.Add(new EnrichmentExchange(target.Id, 0, key, result.Outcome, AnswerVerdict.Skipped, result.Error, result.Usage));
                        break;
                    }

                    var (verdict, reason, payloads) = Judge(result, strict, pii);
                    exchanges.Add(new EnrichmentExchange(target.Id, payloads.Count, key, result.Outcome, verdict, reason, result.Usage));
                    var ai = new PayloadAiMeta(_settings.Deployment, result.Model, prompt.Version, key);
                    for (var i = 0; i < PayloadsPerRequest && candidates.Count < count; i++)
                    {
                        candidates.Add(i < payloads.Count ? new ScenarioCandidate(payloads[i], ai) : new ScenarioCandidate(null, null));
                    }

                    proposed += payloads.Count;
                }

                sets.Add(new ScenarioPayloads(target.Id, scenario.Name, scenario.Parameters, candidates));
            }
        }

        var report = new EnrichmentReport
        {
            Exchanges = exchanges,
            ValuesKept = proposed,
            ValuesDropped = 0,
            Pii = pii,
            BudgetExhausted = budgetExhausted,
            CircuitOpened = circuitOpened,
            EstimatedCost = _settings.Cost.Estimate(exchanges.Sum(e => e.Usage.PromptTokens), exchanges.Sum(e => e.Usage.CompletionTokens)),
            Currency = _settings.Cost.Currency,
        };
        return new ScenarioRun(new ScenarioSet(sets), report);
    }

    private ModelRequest BuildRequest(EnrichmentTargetPlan plan, Scenario scenario, int chunk, StrictSchema strict, EnrichmentContext context, PromptTemplate prompt)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target"] = plan.TargetName,
            ["targetContext"] = string.Join(" ", new[] { plan.Title, plan.Description }.Where(t => !string.IsNullOrWhiteSpace(t))),
            ["locale"] = context.Locale,
            ["count"] = PayloadsPerRequest.ToString(CultureInfo.InvariantCulture),
            ["scenario"] = scenario.Name,
            ["parameters"] = string.Join("\n", scenario.Parameters.Select(p => "- " + p.Key + ": " + p.Value)),
        };
        foreach (var (name, value) in scenario.Parameters)
        {
            parameters[name] = value;
        }

        // A later request of the same scenario asks for more of them, different from the ones already given.
        var messages = prompt.Render(parameters);
        if (chunk > 0)
        {
            messages = [.. messages.Take(messages.Count - 1), messages[^1] with { Content = messages[^1].Content + string.Create(CultureInfo.InvariantCulture, $"\n\n(Batch {chunk + 1}: payloads not like those of earlier batches.)") }];
        }

        return new ModelRequest
        {
            Deployment = _settings.Deployment,
            Model = _settings.Model,
            PromptId = prompt.Name,
            PromptVersion = prompt.Version,
            Messages = messages,
            SchemaName = strict.Name,
            Schema = strict.Json,
            Temperature = _settings.Temperature,
            Seed = RequestSeed(context, plan.TargetId, scenario.Name, chunk),
            MaxOutputTokens = _settings.MaxTokensPerRequest,
        };
    }

    private (AnswerVerdict Verdict, string? Reason, List<JsonElement> Payloads) Judge(ModelResult result, StrictSchema strict, Dictionary<PiiKind, int> pii)
    {
        if (!result.HasContent)
        {
            return (AnswerVerdict.Rejected, result.Error ?? result.Outcome.ToString(), []);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(result.Content!, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return (AnswerVerdict.Rejected, "the answer is not JSON: " + e.Message, []);
        }

        using (document)
        {
            var mapped = StrictAnswer.ToPayloads(strict, document.RootElement);
            if (mapped.Count == 0)
            {
                return (AnswerVerdict.Rejected, "the answer has no payloads list", []);
            }

            var findings = new List<PiiKind>();
            var payloads = new List<JsonElement>();
            foreach (var payload in mapped.Take(PayloadsPerRequest))
            {
                var node = _guard.MaskTree(JsonSerializer.SerializeToNode(payload, Relaxed), findings);
                using var masked = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(node, Relaxed), new JsonDocumentOptions { MaxDepth = 256 });
                payloads.Add(masked.RootElement.Clone());
            }

            foreach (var kind in findings)
            {
                pii[kind] = pii.GetValueOrDefault(kind) + 1;
            }

            if (findings.Count > 0 && _settings.PiiPolicy == PiiPolicy.Reject)
            {
                return (AnswerVerdict.Rejected, "personal data in the answer (" + string.Join(", ", findings.Distinct().Order()) + "), rejected by policy", []);
            }

            var problems = new List<string>();
            if (findings.Count > 0)
            {
                problems.Add("masked " + findings.Count.ToString(CultureInfo.InvariantCulture) + " PII finding(s)");
            }

            if (payloads.Count < PayloadsPerRequest)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{payloads.Count} of {PayloadsPerRequest} payloads answered; the rest regenerated"));
            }

            return (problems.Count == 0 ? AnswerVerdict.Accepted : AnswerVerdict.Repaired, problems.Count == 0 ? null : string.Join("; ", problems), payloads);
        }
    }

    // Derived from the contract version, target, scenario and batch, not the run's seed: the proposals are the
    // scenario's, so one cassette serves every run seed (the deterministic base still differs by seed).
    private static long RequestSeed(EnrichmentContext context, string targetId, string scenario, int chunk)
    {
        return ModelSeed.From("mockgen-ai-scenario", context.ContractVersion, targetId, scenario, chunk.ToString(CultureInfo.InvariantCulture));
    }
}
