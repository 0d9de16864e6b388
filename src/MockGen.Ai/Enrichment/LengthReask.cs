using System.Globalization;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Gateway;

namespace MockGen.Ai.Enrichment;

/// <summary>
/// One exchange with the re-ask rule of both modes: an answer cut off by <c>finish_reason: length</c> is asked once
/// more with twice the <c>max_tokens</c>, capped by the tenant's per-request limit, and only when the run's budget
/// still holds that many tokens; both attempts are recorded (each has its own cassette key), and a second
/// truncation falls back to deterministic generation like any unusable answer.
/// </summary>
internal static class LengthReask
{
    /// <summary>The exchanges made (one or two, the last is the one to judge) and the last result.</summary>
    public static async Task<(ModelResult Result, ModelRequest Request, string Key, EnrichmentExchange? Truncated)> CompleteAsync(
        IModelGateway gateway, ModelRequest request, EnrichmentSettings settings, Func<long> spent, Action<long> spend, string targetId, int fields, CancellationToken cancellationToken)
    {
        var key = CassetteKey.Compute(request);
        var result = await gateway.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        spend(result.Usage.TotalTokens);
        if (result.Outcome != ModelOutcome.Truncated)
        {
            return (result, request, key, null);
        }

        var larger = Math.Min(request.MaxOutputTokens * 2L, settings.MaxTokensPerRequest);
        string why;
        if (larger <= request.MaxOutputTokens)
        {
            why = string.Create(CultureInfo.InvariantCulture, $"finish_reason length at max_tokens {request.MaxOutputTokens}, the per-request limit: not re-asked");
        }
        else if (settings.TokenBudget is { } budget && budget - spent() < larger)
        {
            why = string.Create(CultureInfo.InvariantCulture, $"finish_reason length at max_tokens {request.MaxOutputTokens}; a re-ask with {larger} does not fit the {budget}-token budget ({budget - spent()} left)");
        }
        else
        {
            var truncated = new EnrichmentExchange(targetId, fields, key, result.Outcome, AnswerVerdict.Rejected,
                string.Create(CultureInfo.InvariantCulture, $"finish_reason length at max_tokens {request.MaxOutputTokens}; re-asked with {larger}"), result.Usage)
            { MaxTokens = request.MaxOutputTokens };
            var retry = request with { MaxOutputTokens = (int)larger };
            var retryKey = CassetteKey.Compute(retry);
            var second = await gateway.CompleteAsync(retry, cancellationToken).ConfigureAwait(false);
            spend(second.Usage.TotalTokens);
            return (second, retry, retryKey, truncated);
        }

        return (result with { Error = why }, request, key, null);
    }
}
