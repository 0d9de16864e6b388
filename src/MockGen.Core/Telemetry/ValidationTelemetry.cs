using System.Diagnostics;

namespace MockGen.Core.Telemetry;

/// <summary>
/// Records validation outcomes (<see cref="MockGenMetrics.PayloadsValidated"/>, <see cref="MockGenMetrics.ValidationFailures"/>)
/// the same way for <c>mockgen validate</c> and for drift checks, so one dashboard query covers both.
/// </summary>
public static class ValidationTelemetry
{
    /// <summary>The <see cref="TelemetryTags.ValidationSource"/> of <c>mockgen validate</c>.</summary>
    public const string Validate = "validate";

    /// <summary>The <see cref="TelemetryTags.ValidationSource"/> of a drift check.</summary>
    public const string Drift = "drift";

    /// <summary>Counts one validation error by keyword. Allocation-free; skipped when nothing listens.</summary>
    public static void Failure(string? tenant, string contract, string? target, string keyword, string source)
    {
        if (MockGenMetrics.ValidationFailures.Enabled)
        {
            MockGenMetrics.ValidationFailures.Add(1, new TagList
            {
                { TelemetryTags.Tenant, tenant ?? string.Empty },
                { TelemetryTags.Contract, contract },
                { TelemetryTags.Target, target ?? string.Empty },
                { TelemetryTags.Keyword, keyword },
                { TelemetryTags.ValidationSource, source },
            });
        }
    }

    /// <summary>Counts <paramref name="payloads"/> validated payloads.</summary>
    public static void Validated(string? tenant, string contract, string? target, string source, long payloads = 1)
    {
        if (payloads > 0 && MockGenMetrics.PayloadsValidated.Enabled)
        {
            MockGenMetrics.PayloadsValidated.Add(payloads, new TagList
            {
                { TelemetryTags.Tenant, tenant ?? string.Empty },
                { TelemetryTags.Contract, contract },
                { TelemetryTags.Target, target ?? string.Empty },
                { TelemetryTags.ValidationSource, source },
            });
        }
    }
}
