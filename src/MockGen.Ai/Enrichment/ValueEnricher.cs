using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Gateway;
using MockGen.Ai.Privacy;
using MockGen.Ai.Prompts;
using MockGen.Ai.Telemetry;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Output;

namespace MockGen.Ai.Enrichment;

/// <summary>
/// Value enrichment: turns Core's enrichment plan into value pools. Per target and field group it renders the
/// prompt from the contract's own context, asks the gateway (through the cassette) for a pool per field under a
/// strict schema, then checks every value: the PII guard masks or rejects, and a value that fails its field's own
/// constraints is dropped (the field then regenerates deterministically). Requests run one at a time in plan order,
/// so the budget and the circuit stop at the same request in a record run and in its replays.
/// </summary>
public sealed class ValueEnricher
{
    private readonly IModelGateway _gateway;
    private readonly EnrichmentSettings _settings;
    private readonly PiiGuard _guard;

    /// <summary>Creates the enricher; the settings are validated.</summary>
    /// <exception cref="ArgumentException">A setting is invalid (all are listed).</exception>
    public ValueEnricher(IModelGateway gateway, EnrichmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _gateway = gateway;
        _settings = settings;
        _guard = new PiiGuard(settings.DenyList);
    }

    /// <summary>Asks for pools for every planned field.</summary>
    /// <exception cref="CassetteMissingException">Replay mode and an answer is not recorded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<EnrichmentRun> EnrichAsync(IReadOnlyList<EnrichmentTargetPlan> plans, EnrichmentContext context, PromptTemplate? prompt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(context);
        prompt ??= BuiltInPrompts.EnrichValues;
        var exchanges = new List<EnrichmentExchange>();
        var targets = new List<TargetEnrichment>();
        var pii = new Dictionary<PiiKind, int>();
        var kept = 0;
        var dropped = 0;
        long spent = 0;
        var budgetExhausted = false;
        var circuitOpened = false;
        foreach (var plan in plans)
        {
            if (plan.Fields.Count == 0)
            {
                continue;
            }

            var pools = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            PayloadAiMeta? ai = null;
            for (var start = 0; start < plan.Fields.Count; start += _settings.MaxFieldsPerRequest)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var group = plan.Fields.Skip(start).Take(_settings.MaxFieldsPerRequest).ToList();
                var request = BuildRequest(plan, group, start / _settings.MaxFieldsPerRequest, context, prompt);
                var key = CassetteKey.Compute(request);
                if (_settings.TokenBudget is { } budget && spent >= budget)
                {
                    budgetExhausted = true;
                    AiTelemetry.Fallback(_settings.Deployment, AiTelemetry.BudgetReason);
                    exchanges.Add(new EnrichmentExchange(plan.TargetId, group.Count, key, null, AnswerVerdict.Skipped, "token budget of " + budget.ToString(CultureInfo.InvariantCulture) + " spent", ModelUsage.None));
                    continue;
                }

                var (result, sent, sentKey, truncated) = await LengthReask.CompleteAsync(_gateway, request, _settings, () => spent, tokens => spent += tokens, plan.TargetId, group.Count, cancellationToken).ConfigureAwait(false);
                if (truncated is not null)
                {
                    exchanges.Add(truncated);
                }

                key = sentKey;
                AiTelemetry.Exchange(_settings.Deployment, result);
                if (result.Outcome == ModelOutcome.CircuitOpen)
                {
                    circuitOpened = true;
                    AiTelemetry.Fallback(_settings.Deployment, AiTelemetry.CircuitOpenReason);
                    exchanges.Add(new EnrichmentExchange(plan.TargetId, group.Count, key, result.Outcome, AnswerVerdict.Skipped, result.Error, result.Usage) { MaxTokens = sent.MaxOutputTokens, Reask = truncated is not null });
                    continue;
                }

                var (verdict, reason, values, droppedHere) = Judge(result, group, pii);
                dropped += droppedHere;
                exchanges.Add(new EnrichmentExchange(plan.TargetId, group.Count, key, result.Outcome, verdict, reason, result.Usage) { MaxTokens = sent.MaxOutputTokens, Reask = truncated is not null });
                if (verdict is not (AnswerVerdict.Accepted or AnswerVerdict.Repaired))
                {
                    AiTelemetry.Fallback(_settings.Deployment, AiTelemetry.RejectedReason);
                }
                else
                {
                    foreach (var (path, pool) in values)
                    {
                        kept += pool.Count;
                        pools.Add(new(path, pool));
                    }

                    ai ??= new PayloadAiMeta(_settings.Deployment, result.Model, prompt.Version, key);
                }
            }

            if (ai is not null && pools.Count > 0)
            {
                targets.Add(new TargetEnrichment(plan.TargetId, ai, pools));
            }
        }

        var report = new EnrichmentReport
        {
            Exchanges = exchanges,
            ValuesKept = kept,
            ValuesDropped = dropped,
            Pii = pii,
            BudgetExhausted = budgetExhausted,
            CircuitOpened = circuitOpened,
            EstimatedCost = _settings.Cost.Estimate(exchanges.Sum(e => e.Usage.PromptTokens), exchanges.Sum(e => e.Usage.CompletionTokens)),
            Currency = _settings.Cost.Currency,
        };
        return new EnrichmentRun(new EnrichmentPools(targets), report);
    }

    /// <summary>The strict response schema of a field group: one array of strings per field, named f1, f2, …</summary>
    internal static string PoolSchema(IReadOnlyList<EnrichmentField> group, int poolSize)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WriteStartObject("properties");
            for (var i = 0; i < group.Count; i++)
            {
                writer.WriteStartObject(FieldName(i));
                writer.WriteString("type", "array");
                // minItems/maxItems/minLength are outside Azure's strict subset: the limits travel as text.
                writer.WriteString("description", string.Create(CultureInfo.InvariantCulture, $"{poolSize} values for {group[i].Path}{Lengths(group[i])}"));
                writer.WriteStartObject("items");
                writer.WriteString("type", "string");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("required");
            for (var i = 0; i < group.Count; i++)
            {
                writer.WriteStringValue(FieldName(i));
            }

            writer.WriteEndArray();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private ModelRequest BuildRequest(EnrichmentTargetPlan plan, List<EnrichmentField> group, int groupIndex, EnrichmentContext context, PromptTemplate prompt)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target"] = plan.TargetName,
            ["targetContext"] = string.Join(" ", new[] { plan.Title, plan.Description }.Where(t => !string.IsNullOrWhiteSpace(t))),
            ["locale"] = context.Locale,
            ["count"] = _settings.PoolSize.ToString(CultureInfo.InvariantCulture),
            ["fields"] = string.Join("\n", group.Select((f, i) => DescribeField(FieldName(i), f))),
        };
        return new ModelRequest
        {
            Deployment = _settings.Deployment,
            Model = _settings.Model,
            PromptId = prompt.Name,
            PromptVersion = prompt.Version,
            Messages = prompt.Render(parameters),
            SchemaName = "mockgen_value_pools",
            Schema = PoolSchema(group, _settings.PoolSize),
            Temperature = _settings.Temperature,
            Seed = RequestSeed(context, plan.TargetId, groupIndex),
            MaxOutputTokens = _settings.FirstRequestTokens ?? _settings.MaxTokensPerRequest,
        };
    }

    private (AnswerVerdict Verdict, string? Reason, List<(string Path, IReadOnlyList<string> Pool)> Values, int Dropped) Judge(ModelResult result, List<EnrichmentField> group, Dictionary<PiiKind, int> pii)
    {
        var values = new List<(string, IReadOnlyList<string>)>();
        if (!result.HasContent)
        {
            return (AnswerVerdict.Rejected, result.Error ?? result.Outcome.ToString(), values, 0);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(result.Content!);
        }
        catch (JsonException e)
        {
            return (AnswerVerdict.Rejected, "the answer is not JSON: " + e.Message, values, 0);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (AnswerVerdict.Rejected, "the answer is not a JSON object", values, 0);
            }

            var repaired = false;
            var droppedCount = 0;
            var findings = new List<PiiKind>();
            for (var i = 0; i < group.Count; i++)
            {
                var field = group[i];
                if (!document.RootElement.TryGetProperty(FieldName(i), out var array) || array.ValueKind != JsonValueKind.Array)
                {
                    repaired = true;
                    continue;
                }

                var pool = new List<string>();
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        repaired = true;
                        droppedCount++;
                        continue;
                    }

                    var before = findings.Count;
                    var masked = _guard.Mask(item.GetString()!, findings);
                    repaired |= findings.Count > before;
                    if (!field.Admits(masked) || pool.Contains(masked, StringComparer.Ordinal))
                    {
                        repaired = true;
                        droppedCount++;
                        continue;
                    }

                    pool.Add(masked);
                    if (pool.Count == _settings.PoolSize)
                    {
                        break;
                    }
                }

                if (pool.Count > 0)
                {
                    values.Add((field.Path, pool));
                }
            }

            foreach (var kind in findings)
            {
                pii[kind] = pii.GetValueOrDefault(kind) + 1;
            }

            if (findings.Count > 0 && _settings.PiiPolicy == PiiPolicy.Reject)
            {
                return (AnswerVerdict.Rejected, "personal data in the answer (" + string.Join(", ", findings.Distinct().Order()) + "), rejected by policy", [], droppedCount);
            }

            var reason = findings.Count > 0 ? "masked " + findings.Count.ToString(CultureInfo.InvariantCulture) + " PII finding(s)" : null;
            return (repaired ? AnswerVerdict.Repaired : AnswerVerdict.Accepted, repaired ? reason ?? "some values failed their field and were dropped" : null, values, droppedCount);
        }
    }

    private static string FieldName(int index) => "f" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Lengths(EnrichmentField field) => field.MaxLength is { } max
        ? string.Create(CultureInfo.InvariantCulture, $", each {field.MinLength}..{max} characters")
        : field.MinLength > 0 ? string.Create(CultureInfo.InvariantCulture, $", each at least {field.MinLength} characters") : string.Empty;

    private static string DescribeField(string name, EnrichmentField field)
    {
        var text = new StringBuilder();
        text.Append("- ").Append(name).Append(": ").Append(field.Path);
        if (field.PropertyName is null && field.Path.EndsWith("/*", StringComparison.Ordinal))
        {
            text.Append(" (the values of a free-form string map or list)");
        }

        if (field.Title is { } title)
        {
            text.Append(" — ").Append(title);
        }

        if (field.Description is { } description)
        {
            text.Append(" — ").Append(description);
        }

        if (field.Examples.Count > 0)
        {
            text.Append(" (examples: ").Append(string.Join(", ", field.Examples.Take(5))).Append(')');
        }

        if (field.Siblings.Count > 0)
        {
            text.Append(" (next to: ").Append(string.Join(", ", field.Siblings.Take(12))).Append(')');
        }

        text.Append(Lengths(field));
        return text.ToString();
    }

    // The model's best-effort seed, derived from the contract version, target and group, not from the run's seed: a
    // pool is the contract's, so one recorded cassette serves every run seed and count (payloads still differ by
    // seed, as each draws from the pool with its own stream). The tenant selects the cassette folder instead.
    private static long RequestSeed(EnrichmentContext context, string targetId, int group)
    {
        return ModelSeed.From("mockgen-ai", context.ContractVersion, targetId, group.ToString(CultureInfo.InvariantCulture));
    }
}
