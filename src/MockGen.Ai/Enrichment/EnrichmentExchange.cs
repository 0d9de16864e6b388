using MockGen.Ai.Gateway;

namespace MockGen.Ai.Enrichment;

/// <summary>One request of an enrichment run, for the run summary.</summary>
/// <param name="TargetId">The target asked about.</param>
/// <param name="Fields">The number of fields asked.</param>
/// <param name="CassetteKey">The request's cassette key.</param>
/// <param name="Outcome">How the exchange ended (null when skipped before sending).</param>
/// <param name="Verdict">What the engine made of the answer.</param>
/// <param name="Reason">Why it was not accepted, or null.</param>
/// <param name="Usage">Tokens billed.</param>
public sealed record EnrichmentExchange(string TargetId, int Fields, string CassetteKey, ModelOutcome? Outcome, AnswerVerdict Verdict, string? Reason, ModelUsage Usage)
{
    /// <summary>The request's <c>max_tokens</c> (0 when not sent).</summary>
    public int MaxTokens { get; init; }

    /// <summary>Whether this exchange re-asked the one before it after <c>finish_reason: length</c>, with a larger <see cref="MaxTokens"/>.</summary>
    public bool Reask { get; init; }
}
