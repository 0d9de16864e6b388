namespace MockGen.Storage.Registry;

/// <summary>A tenant's token prices (the <c>ai.cost</c> section of its profile).</summary>
public sealed record TenantAiCost
{
    /// <summary>Price of 1,000 input tokens. Default: 0.</summary>
    public decimal PromptPer1K { get; init; }

    /// <summary>Price of 1,000 output tokens. Default: 0.</summary>
    public decimal CompletionPer1K { get; init; }

    /// <summary>The currency of the prices. Default: <c>USD</c>.</summary>
    public string Currency { get; init; } = "USD";
}
