using System.Diagnostics;
using MockGen.Ai.Gateway;
using MockGen.Core.Telemetry;

namespace MockGen.Ai.Telemetry;

/// <summary>
/// Records enrichment exchanges in <see cref="MockGenMetrics.AiRequests"/>, <see cref="MockGenMetrics.AiTokens"/> and
/// <see cref="MockGenMetrics.AiFallbacks"/>, counted where the run's enrichment report counts them, so the metrics and
/// the summary agree. Never records prompts or answers.
/// </summary>
internal static class AiTelemetry
{
    /// <summary>The token budget was spent: the exchange was not sent.</summary>
    public const string BudgetReason = "budget";

    /// <summary>The circuit was open: the exchange was not sent.</summary>
    public const string CircuitOpenReason = "circuit_open";

    /// <summary>The answer was rejected (truncated, filtered, refused, unreadable or failed).</summary>
    public const string RejectedReason = "rejected";

    /// <summary>Counts one exchange and its tokens.</summary>
    public static void Exchange(string deployment, ModelResult result)
    {
        if (MockGenMetrics.AiRequests.Enabled)
        {
            MockGenMetrics.AiRequests.Add(1, new TagList
            {
                { TelemetryTags.AiDeployment, deployment },
                { TelemetryTags.AiOutcome, Outcome(result.Outcome) },
            });
        }

        if (MockGenMetrics.AiTokens.Enabled)
        {
            Tokens(deployment, "prompt", result.Usage.PromptTokens);
            Tokens(deployment, "completion", result.Usage.CompletionTokens);
        }
    }

    /// <summary>Counts one exchange whose values were not used.</summary>
    public static void Fallback(string deployment, string reason)
    {
        if (MockGenMetrics.AiFallbacks.Enabled)
        {
            MockGenMetrics.AiFallbacks.Add(1, new TagList
            {
                { TelemetryTags.AiDeployment, deployment },
                { TelemetryTags.AiFallbackReason, reason },
            });
        }
    }

    private static void Tokens(string deployment, string kind, long count)
    {
        if (count > 0)
        {
            MockGenMetrics.AiTokens.Add(count, new TagList { { TelemetryTags.AiDeployment, deployment }, { TelemetryTags.AiTokenKind, kind } });
        }
    }

    private static string Outcome(ModelOutcome outcome) => outcome switch
    {
        ModelOutcome.Completed => "completed",
        ModelOutcome.Truncated => "truncated",
        ModelOutcome.ContentFiltered => "content_filtered",
        ModelOutcome.Refused => "refused",
        ModelOutcome.Failed => "failed",
        ModelOutcome.CircuitOpen => "circuit_open",
        _ => "unknown",
    };
}
