namespace MockGen.Ai.Gateway;

/// <summary>Tokens billed for an exchange, summed over every attempt that returned usage.</summary>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
public sealed record ModelUsage(long PromptTokens, long CompletionTokens)
{
    /// <summary>No tokens.</summary>
    public static ModelUsage None { get; } = new(0, 0);

    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>The sum of two usages.</summary>
    public ModelUsage Add(ModelUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ModelUsage(PromptTokens + other.PromptTokens, CompletionTokens + other.CompletionTokens);
    }
}
