using System.Globalization;

namespace MockGen.Ai.Gateway;

/// <summary>
/// MockGen's own retry loop (the SDK's is switched off, so every attempt is counted, budgeted and recorded): 429,
/// 408, 5xx, transport errors and timed-out attempts are retried after the server's <c>retry-after-ms</c> /
/// <c>x-ms-retry-after-ms</c> / <c>Retry-After</c> (seconds or an HTTP date), else an exponential backoff.
/// </summary>
public sealed class ModelRetryOptions
{
    /// <summary>Attempts per request, the first included. Default 4 (as the Azure SDK's 3 retries).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff delay, doubled per attempt, when the server gives none. Default 0.8 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>The longest delay waited, the server's included (a longer one is capped). Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The per-attempt network timeout; a timed-out attempt is retried. Default 60 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    internal IEnumerable<string> Problems()
    {
        if (MaxAttempts is < 1 or > 20)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"MaxAttempts must be 1..20 (was {MaxAttempts})");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero)
        {
            yield return "BaseDelay and MaxDelay must not be negative";
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return "AttemptTimeout must be positive";
        }
    }

    internal ModelRetryOptions Copy() => new() { MaxAttempts = MaxAttempts, BaseDelay = BaseDelay, MaxDelay = MaxDelay, AttemptTimeout = AttemptTimeout };
}
