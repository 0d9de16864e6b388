namespace MockGen.Ai.Enrichment;

/// <summary>Prices per 1,000 tokens (the API returns only tokens; cost is MockGen's estimate from this table).</summary>
/// <param name="PromptPer1K">Price of 1,000 input tokens. Default 0.</param>
/// <param name="CompletionPer1K">Price of 1,000 output tokens. Default 0.</param>
/// <param name="Currency">The currency of the prices. Default <c>USD</c>.</param>
public sealed record AiCostTable(decimal PromptPer1K = 0, decimal CompletionPer1K = 0, string Currency = "USD")
{
    /// <summary>The estimated cost of a number of tokens.</summary>
    public decimal Estimate(long promptTokens, long completionTokens) =>
        (promptTokens * PromptPer1K / 1000m) + (completionTokens * CompletionPer1K / 1000m);
}
