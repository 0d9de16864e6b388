using System.Diagnostics;
using MockGen.Core.Generation;

namespace MockGen.Core.Telemetry;

/// <summary>
/// The generator's recording helpers. Tags of one target variant are built once per run of it (not per payload), and
/// only when some generation instrument is listened to; per-keyword tags go through a stack-allocated
/// <see cref="TagList"/>, so nothing here allocates per payload.
/// </summary>
internal static class GenerationTelemetry
{
    /// <summary>The walker built no candidate (a conflict met while walking): the "keyword" of such a retry.</summary>
    public const string WalkKeyword = "walk";

    /// <summary>A valid candidate had no constraint that could be broken alone (negative variant).</summary>
    public const string NoSingleBreakKeyword = "negative";

    /// <summary>True when any per-payload generation instrument is listened to.</summary>
    public static bool Enabled =>
        MockGenMetrics.PayloadsGenerated.Enabled || MockGenMetrics.PayloadBytes.Enabled || MockGenMetrics.PayloadsFailed.Enabled
        || MockGenMetrics.NegativePayloads.Enabled || MockGenMetrics.UnsatisfiableTargets.Enabled;

    /// <summary>The tags of one target variant, or null when nothing listens (then every record call below is skipped).</summary>
    public static KeyValuePair<string, object?>[]? TargetTags(string? tenant, string contract, string target, GenerationVariant variant) =>
        Enabled
            ?
            [
                new(TelemetryTags.Tenant, tenant ?? string.Empty),
                new(TelemetryTags.Contract, contract),
                new(TelemetryTags.Target, target),
                new(TelemetryTags.Variant, variant.ToName()),
            ]
            : null;

    /// <summary>Adds one batch's payloads and bytes.</summary>
    public static void Batch(KeyValuePair<string, object?>[]? tags, long generated, long bytes)
    {
        if (tags is null)
        {
            return;
        }

        if (generated > 0)
        {
            MockGenMetrics.PayloadsGenerated.Add(generated, tags);
            MockGenMetrics.PayloadBytes.Add(bytes, tags);
        }
    }

    /// <summary>Counts one negative payload by the keyword it violates.</summary>
    public static void Negative(KeyValuePair<string, object?>[]? tags, string keyword)
    {
        if (tags is not null && MockGenMetrics.NegativePayloads.Enabled)
        {
            MockGenMetrics.NegativePayloads.Add(1, With(tags, TelemetryTags.Keyword, keyword));
        }
    }

    /// <summary>Counts one failed index by its failure kind.</summary>
    public static void Failed(KeyValuePair<string, object?>[]? tags, string kind)
    {
        if (tags is not null && MockGenMetrics.PayloadsFailed.Enabled)
        {
            MockGenMetrics.PayloadsFailed.Add(1, With(tags, TelemetryTags.FailureKind, kind));
        }
    }

    /// <summary>Counts a target variant stopped on a proven conflict.</summary>
    public static void Unsatisfiable(KeyValuePair<string, object?>[]? tags)
    {
        if (tags is not null)
        {
            MockGenMetrics.UnsatisfiableTargets.Add(1, tags);
        }
    }

    /// <summary>Counts a gate rejection by the first failing keyword (the gate runs often; rejections are the rare path).</summary>
    public static void Rejected(in PayloadKey key, string contract, string keyword)
    {
        if (MockGenMetrics.GateRejections.Enabled)
        {
            MockGenMetrics.GateRejections.Add(1, KeyTags(key, contract, keyword));
        }
    }

    /// <summary>Counts a retry caused by <paramref name="keyword"/>.</summary>
    public static void Retried(in PayloadKey key, string contract, string keyword)
    {
        if (MockGenMetrics.GateRetries.Enabled)
        {
            MockGenMetrics.GateRetries.Add(1, KeyTags(key, contract, keyword));
        }
    }

    private static TagList KeyTags(in PayloadKey key, string contract, string keyword) => new()
    {
        { TelemetryTags.Tenant, key.Tenant },
        { TelemetryTags.Contract, contract },
        { TelemetryTags.Target, key.TargetId },
        { TelemetryTags.Variant, key.Variant.ToName() },
        { TelemetryTags.Keyword, keyword },
    };

    private static TagList With(KeyValuePair<string, object?>[] tags, string name, string value)
    {
        var list = new TagList(tags);
        list.Add(name, value);
        return list;
    }
}
