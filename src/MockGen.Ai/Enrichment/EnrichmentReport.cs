using MockGen.Ai.Privacy;

namespace MockGen.Ai.Enrichment;

/// <summary>What an enrichment run did: answers by verdict, values kept and dropped, PII found, tokens and cost.</summary>
public sealed record EnrichmentReport
{
    /// <summary>Every request, in order.</summary>
    public required IReadOnlyList<EnrichmentExchange> Exchanges { get; init; }

    /// <summary>Answers kept as they were.</summary>
    public int Accepted => Exchanges.Count(e => e.Verdict == AnswerVerdict.Accepted);

    /// <summary>Answers kept after dropping or masking some values.</summary>
    public int Repaired => Exchanges.Count(e => e.Verdict == AnswerVerdict.Repaired);

    /// <summary>Answers not used.</summary>
    public int Rejected => Exchanges.Count(e => e.Verdict == AnswerVerdict.Rejected);

    /// <summary>Requests not sent (budget spent or circuit open).</summary>
    public int Skipped => Exchanges.Count(e => e.Verdict == AnswerVerdict.Skipped);

    /// <summary>Requests re-asked with a larger token limit after <c>finish_reason: length</c>.</summary>
    public int Reasked => Exchanges.Count(e => e.Reask);

    /// <summary>Edge-case payloads proposed and passed to generation (each then accepted, repaired or rejected by the gate; see the run summary).</summary>
    public int Proposed { get; init; }

    /// <summary>Values that went into pools.</summary>
    public required int ValuesKept { get; init; }

    /// <summary>Values dropped because they failed their field's own constraints (regenerated deterministically).</summary>
    public required int ValuesDropped { get; init; }

    /// <summary>PII findings by kind (masked, or causing a rejection under the reject policy).</summary>
    public required IReadOnlyDictionary<PiiKind, int> Pii { get; init; }

    /// <summary>Whether the token budget ran out during the run.</summary>
    public required bool BudgetExhausted { get; init; }

    /// <summary>Whether the circuit opened during the run.</summary>
    public required bool CircuitOpened { get; init; }

    /// <summary>Input tokens over all requests.</summary>
    public long PromptTokens => Exchanges.Sum(e => e.Usage.PromptTokens);

    /// <summary>Output tokens over all requests.</summary>
    public long CompletionTokens => Exchanges.Sum(e => e.Usage.CompletionTokens);

    /// <summary>The estimated cost from the settings' cost table.</summary>
    public required decimal EstimatedCost { get; init; }

    /// <summary>The cost table's currency.</summary>
    public required string Currency { get; init; }
}
