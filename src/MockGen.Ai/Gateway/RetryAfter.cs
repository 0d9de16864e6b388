using System.Globalization;

namespace MockGen.Ai.Gateway;

/// <summary>
/// The delay a throttled or failing Azure OpenAI response asks for, in the order the Azure SDK reads it:
/// <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, then <c>Retry-After</c> as seconds or an HTTP date.
/// </summary>
internal static class RetryAfter
{
    /// <summary>Reads the delay from response headers (looked up by <paramref name="header"/>), or null when none is given.</summary>
    public static TimeSpan? Read(Func<string, string?> header, DateTimeOffset now)
    {
        foreach (var name in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (header(name) is { } ms && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (header("retry-after") is not { } value)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The exponential backoff before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int attempt) =>
        TimeSpan.FromTicks(baseDelay.Ticks * (1L << Math.Min(attempt - 1, 20)));
}
