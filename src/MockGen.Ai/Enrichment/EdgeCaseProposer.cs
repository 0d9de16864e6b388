using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Ai.Gateway;
using MockGen.Ai.Privacy;
using MockGen.Ai.Prompts;
using MockGen.Core.Contracts;
using MockGen.Core.Enrichment;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Output;

namespace MockGen.Ai.Enrichment;

/// <summary>
/// The edge mode: per target, asks the model (through the cassette) for <see cref="EnrichmentSettings.EdgeCount"/>
/// valid-but-tricky payloads under the target's strict-subset list schema (<see cref="StrictSchemaTransform.TransformList"/>),
/// maps the answer back to the contract's shape (<see cref="StrictAnswer.ToPayloads"/>) and masks PII in every
/// string. The proposals are candidates only: generation repairs each (values failing their own subschema are
/// regenerated deterministically) and gates it against the original target, and counts what it accepted, repaired
/// and rejected in the run summary. Requests run one at a time in target order, so the budget and the circuit stop
/// at the same request in a record run and in its replays.
/// </summary>
public sealed class EdgeCaseProposer
{
    private readonly IModelGateway _gateway;
    private readonly EnrichmentSettings _settings;
    private readonly PiiGuard _guard;
    private readonly StrictSchemaTransform _transform = new();

    /// <summary>Creates the proposer; the settings are validated.</summary>
    /// <exception cref="ArgumentException">A setting is invalid (all are listed).</exception>
    public EdgeCaseProposer(IModelGateway gateway, EnrichmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _gateway = gateway;
        _settings = settings;
        _guard = new PiiGuard(settings.DenyList);
    }

    /// <summary>Asks for edge cases for every target.</summary>
    /// <exception cref="Cassettes.CassetteMissingException">Replay mode and an answer is not recorded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<EnrichmentRun> ProposeAsync(Contract contract, IReadOnlyList<ContractTarget> targets, EnrichmentContext context, PromptTemplate? prompt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        prompt ??= BuiltInPrompts.EdgeCases;
        var exchanges = new List<EnrichmentExchange>();
        var proposals = new List<TargetProposals>();
        var pii = new Dictionary<PiiKind, int>();
        long spent = 0;
        var budgetExhausted = false;
        var circuitOpened = false;
        var proposed = 0;
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StrictSchema strict;
            try
            {
                strict = _transform.TransformList(contract, target, _settings.EdgeCount);
            }
            catch (ContractException)
            {
                // Generation reports the compile failure as the target's error record; there is nothing to ask.
                continue;
            }

            if (!strict.IsWithinSubset)
            {
                exchanges.Add(new EnrichmentExchange(target.Id, 0, string.Empty, null, AnswerVerdict.Skipped,
                    "the target's schema is outside the strict subset (" + string.Join("; ", strict.Violations.Take(3)) + "): generated deterministically", ModelUsage.None));
                continue;
            }

            var request = BuildRequest(contract, target, strict, context, prompt);
            if (_settings.TokenBudget is { } budget && spent >= budget)
            {
                budgetExhausted = true;
                exchanges.Add(new EnrichmentExchange(target.Id, 0, Cassettes.CassetteKey.Compute(request), null, AnswerVerdict.Skipped, "token budget of " + budget.ToString(CultureInfo.InvariantCulture) + " spent", ModelUsage.None));
                continue;
            }

            var (result, sent, key, truncated) = await LengthReask.CompleteAsync(_gateway, request, _settings, () => spent, tokens => spent += tokens, target.Id, 0, cancellationToken).ConfigureAwait(false);
            if (truncated is not null)
            {
                exchanges.Add(truncated);
            }

            if (result.Outcome == ModelOutcome.CircuitOpen)
            {
                circuitOpened = true;
                exchanges.Add(new EnrichmentExchange(target.Id, 0, key, result.Outcome, AnswerVerdict.Skipped, result.Error, result.Usage) { MaxTokens = sent.MaxOutputTokens, Reask = truncated is not null });
                continue;
            }

            var (verdict, reason, payloads) = Judge(result, strict, pii);
            exchanges.Add(new EnrichmentExchange(target.Id, payloads.Count, key, result.Outcome, verdict, reason, result.Usage) { MaxTokens = sent.MaxOutputTokens, Reask = truncated is not null });
            if (payloads.Count > 0)
            {
                proposed += payloads.Count;
                proposals.Add(new TargetProposals(target.Id, new PayloadAiMeta(_settings.Deployment, result.Model, prompt.Version, key), payloads));
            }
        }

        var report = new EnrichmentReport
        {
            Exchanges = exchanges,
            ValuesKept = 0,
            ValuesDropped = 0,
            Proposed = proposed,
            Pii = pii,
            BudgetExhausted = budgetExhausted,
            CircuitOpened = circuitOpened,
            EstimatedCost = _settings.Cost.Estimate(exchanges.Sum(e => e.Usage.PromptTokens), exchanges.Sum(e => e.Usage.CompletionTokens)),
            Currency = _settings.Cost.Currency,
        };
        return new EnrichmentRun(new EnrichmentPools([], proposals), report);
    }

    private ModelRequest BuildRequest(Contract contract, ContractTarget target, StrictSchema strict, EnrichmentContext context, PromptTemplate prompt)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target"] = target.Name,
            ["targetContext"] = string.Create(CultureInfo.InvariantCulture, $"Contract: {contract.Name}; target {target.Id} ({target.Direction.ToString().ToLowerInvariant()})."),
            ["locale"] = context.Locale,
            ["count"] = _settings.EdgeCount.ToString(CultureInfo.InvariantCulture),
        };
        return new ModelRequest
        {
            Deployment = _settings.Deployment,
            Model = _settings.Model,
            PromptId = prompt.Name,
            PromptVersion = prompt.Version,
            Messages = prompt.Render(parameters),
            SchemaName = strict.Name,
            Schema = strict.Json,
            Temperature = _settings.Temperature,
            Seed = RequestSeed(context, target.Id),
            MaxOutputTokens = _settings.FirstRequestTokens ?? _settings.MaxTokensPerRequest,
        };
    }

    private (AnswerVerdict Verdict, string? Reason, List<JsonElement> Payloads) Judge(ModelResult result, StrictSchema strict, Dictionary<PiiKind, int> pii)
    {
        if (!result.HasContent)
        {
            return (AnswerVerdict.Rejected, result.Error ?? result.Outcome.ToString(), []);
        }

        IReadOnlyList<JsonElement> candidates;
        try
        {
            using var document = JsonDocument.Parse(result.Content!, new JsonDocumentOptions { MaxDepth = 256 });
            candidates = StrictAnswer.ToPayloads(strict, document.RootElement);
        }
        catch (JsonException e)
        {
            return (AnswerVerdict.Rejected, "the answer is not JSON: " + e.Message, []);
        }

        if (candidates.Count == 0)
        {
            return (AnswerVerdict.Rejected, "the answer has no payloads list", []);
        }

        var findings = new List<PiiKind>();
        var payloads = candidates.Take(_settings.EdgeCount).Select(c => Mask(c, findings)).ToList();
        foreach (var kind in findings)
        {
            pii[kind] = pii.GetValueOrDefault(kind) + 1;
        }

        if (findings.Count > 0 && _settings.PiiPolicy == PiiPolicy.Reject)
        {
            return (AnswerVerdict.Rejected, "personal data in the answer (" + string.Join(", ", findings.Distinct().Order()) + "), rejected by policy", []);
        }

        var reasons = new List<string>();
        if (findings.Count > 0)
        {
            reasons.Add("masked " + findings.Count.ToString(CultureInfo.InvariantCulture) + " PII finding(s)");
        }

        if (candidates.Count != _settings.EdgeCount)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{candidates.Count} payloads for {_settings.EdgeCount} asked"));
        }

        return (reasons.Count > 0 ? AnswerVerdict.Repaired : AnswerVerdict.Accepted, reasons.Count > 0 ? string.Join("; ", reasons) : null, payloads);
    }

    // Every string, property names included, goes through the guard: a proposal is written as it comes when it passes the gate.
    private JsonElement Mask(JsonElement payload, List<PiiKind> findings)
    {
        var before = findings.Count;
        var node = _guard.MaskTree(JsonNode.Parse(payload.GetRawText(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 }), findings);
        if (findings.Count == before)
        {
            return payload;
        }

        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null", new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.Clone();
    }

    // As in value enrichment: the model's seed comes from the contract version and target, never the run's seed, so one
    // recorded cassette serves every run seed and count.
    private static long RequestSeed(EnrichmentContext context, string targetId)
    {
        return ModelSeed.From("mockgen-ai-edge", context.ContractVersion, targetId);
    }
}
