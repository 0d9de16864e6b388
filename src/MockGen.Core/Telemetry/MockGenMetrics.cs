using System.Diagnostics.Metrics;

namespace MockGen.Core.Telemetry;

/// <summary>
/// Every MockGen instrument, on <see cref="MockGenTelemetry.Meter"/>. docs/METRICS.md is the catalogue (name, unit,
/// tags, meaning) and a test keeps the two in step. Callers check <see cref="Instrument.Enabled"/> before building
/// tags, so an unobserved process pays nothing per payload.
/// </summary>
public static class MockGenMetrics
{
    /// <summary><c>mockgen.payloads.generated</c>: payloads that passed the gate and were written. Tags: tenant, contract, target, variant.</summary>
    public static Counter<long> PayloadsGenerated { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.payloads.generated", "{payload}", "Payloads that passed the validator gate and were written to the dataset.");

    /// <summary><c>mockgen.payloads.bytes</c>: UTF-8 bytes of the payloads generated (without record meta). Tags: tenant, contract, target, variant.</summary>
    public static Counter<long> PayloadBytes { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.payloads.bytes", "By", "UTF-8 bytes of generated payloads, without the record's meta.");

    /// <summary><c>mockgen.payloads.failed</c>: payload indexes that produced an error record. Tags: tenant, contract, target, variant, failure kind.</summary>
    public static Counter<long> PayloadsFailed { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.payloads.failed", "{payload}", "Payload indexes that produced an error record instead of a payload.");

    /// <summary><c>mockgen.payloads.negative</c>: negative payloads written, by the keyword they violate. Tags: tenant, contract, target, variant, keyword.</summary>
    public static Counter<long> NegativePayloads { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.payloads.negative", "{payload}", "Negative payloads written, by the one keyword each violates.");

    /// <summary><c>mockgen.gate.rejections</c>: candidates the validator gate rejected, by the first failing keyword. Tags: tenant, contract, target, variant, keyword.</summary>
    public static Counter<long> GateRejections { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.gate.rejections", "{candidate}", "Candidate payloads the validator gate rejected, by the first failing keyword.");

    /// <summary><c>mockgen.gate.retries</c>: candidates regenerated from a derived seed, by the keyword that caused it (<c>walk</c>: no candidate could be built). Tags: tenant, contract, target, variant, keyword.</summary>
    public static Counter<long> GateRetries { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.gate.retries", "{retry}", "Candidates regenerated from a derived seed after a rejection or a failed walk.");

    /// <summary><c>mockgen.targets.unsatisfiable</c>: target variants stopped on a proven conflict. Tags: tenant, contract, target, variant.</summary>
    public static Counter<long> UnsatisfiableTargets { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.targets.unsatisfiable", "{target}", "Target variants whose schema was proven unsatisfiable (no payload can exist).");

    /// <summary><c>mockgen.validation.payloads</c>: payloads validated. Tags: tenant, contract, target, validation source.</summary>
    public static Counter<long> PayloadsValidated { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.validation.payloads", "{payload}", "Payloads validated by mockgen validate or a drift check.");

    /// <summary><c>mockgen.validation.failures</c>: validation errors, by keyword. Tags: tenant, contract, target, keyword, validation source.</summary>
    public static Counter<long> ValidationFailures { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.validation.failures", "{error}", "Validation errors reported, by keyword (one payload may have several).");

    /// <summary><c>mockgen.drift.failures</c>: stored payloads that fail another contract version. Tags: tenant, contract, contract version, against version.</summary>
    public static Counter<long> DriftFailures { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.drift.failures", "{payload}", "Stored payloads of one contract version that fail validation against another.");

    /// <summary><c>mockgen.runs.started</c>: runs started or resumed. Tags: tenant, contract, store.</summary>
    public static Counter<long> RunsStarted { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.runs.started", "{run}", "Generation runs started (or resumed) by this process.");

    /// <summary><c>mockgen.runs.completed</c>: runs sealed with a manifest. Tags: tenant, contract, store, run status.</summary>
    public static Counter<long> RunsCompleted { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.runs.completed", "{run}", "Generation runs sealed with a manifest (Completed or CompletedWithErrors).");

    /// <summary><c>mockgen.runs.failed</c>: runs that ended without a manifest. Tags: tenant, contract, store.</summary>
    public static Counter<long> RunsFailed { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.runs.failed", "{run}", "Generation runs that failed before sealing a manifest.");

    /// <summary><c>mockgen.runs.active</c>: runs executing in this process now. Tags: tenant, store.</summary>
    public static UpDownCounter<long> RunsActive { get; } = MockGenTelemetry.Meter.CreateUpDownCounter<long>(
        "mockgen.runs.active", "{run}", "Generation runs executing in this process right now.");

    /// <summary><c>mockgen.shard.duration</c>: time of one generate-shard activity. Tags: tenant, contract, target, variant, store, reused.</summary>
    public static Histogram<double> ShardDuration { get; } = MockGenTelemetry.Meter.CreateHistogram<double>(
        "mockgen.shard.duration", "s", "Duration of one generate-shard activity (generation, blob write and lineage row).");

    /// <summary><c>mockgen.store.written</c>: bytes written to blobs. Tags: store, store operation.</summary>
    public static Counter<long> StoreBytesWritten { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.store.written", "By", "Bytes written to the blob store (shards, manifests, reports, contracts).");

    /// <summary><c>mockgen.store.duration</c>: time of one store call. Tags: store, store operation.</summary>
    public static Histogram<double> StoreDuration { get; } = MockGenTelemetry.Meter.CreateHistogram<double>(
        "mockgen.store.duration", "s", "Duration of one blob or table call.");

    /// <summary><c>mockgen.ai.requests</c>: model exchanges made for enrichment (live, recorded or replayed). Tags: ai deployment, ai outcome.</summary>
    public static Counter<long> AiRequests { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.ai.requests", "{request}", "Model exchanges made for AI enrichment, by outcome (replayed ones included).");

    /// <summary><c>mockgen.ai.tokens</c>: tokens billed for enrichment exchanges. Tags: ai deployment, ai token kind.</summary>
    public static Counter<long> AiTokens { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.ai.tokens", "{token}", "Tokens billed for AI enrichment exchanges (as recorded, for replayed ones).");

    /// <summary><c>mockgen.ai.fallbacks</c>: enrichment exchanges whose values were not used. Tags: ai deployment, ai fallback reason.</summary>
    public static Counter<long> AiFallbacks { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.ai.fallbacks", "{request}", "Enrichment exchanges whose answer was not used; those fields fall back to deterministic values.");

    /// <summary><c>mockgen.http.requests</c>: HTTP API requests answered. Tags: http route, http method, http status.</summary>
    public static Counter<long> HttpRequests { get; } = MockGenTelemetry.Meter.CreateCounter<long>(
        "mockgen.http.requests", "{request}", "HTTP API requests answered, by route template, method and status code.");
}
