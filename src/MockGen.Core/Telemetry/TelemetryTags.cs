namespace MockGen.Core.Telemetry;

/// <summary>
/// The tag (attribute) names MockGen's metrics and spans use, in one place so a dashboard query and the code cannot
/// disagree. Names follow OpenTelemetry's lower-case dotted style under <c>mockgen.</c>; HTTP tags use the
/// OpenTelemetry semantic-convention names.
/// </summary>
public static class TelemetryTags
{
    /// <summary>The <c>mockgen</c> command of a CLI span (generate, validate, …).</summary>
    public const string Command = "mockgen.command";

    /// <summary>The tenant (empty for a CLI run without <c>--tenant</c>).</summary>
    public const string Tenant = "mockgen.tenant";

    /// <summary>The contract's name (file name, or name under <c>contracts/{tenant}/</c>).</summary>
    public const string Contract = "mockgen.contract";

    /// <summary>The contract version (<c>sha256:…</c>).</summary>
    public const string ContractVersion = "mockgen.contract.version";

    /// <summary>The version a drift check validates against (<c>sha256:…</c>).</summary>
    public const string AgainstVersion = "mockgen.contract.against_version";

    /// <summary>The target id (its schema's JSON Pointer, <c>#/components/schemas/Pet</c>).</summary>
    public const string Target = "mockgen.target";

    /// <summary>The variant: typical, minimal, maximal, boundary or negative.</summary>
    public const string Variant = "mockgen.variant";

    /// <summary>The store kind: <c>folder</c> or <c>azure</c>.</summary>
    public const string Store = "mockgen.store";

    /// <summary>A JSON Schema keyword (the one that rejected, was violated or failed).</summary>
    public const string Keyword = "mockgen.keyword";

    /// <summary>A failure kind: invalid, unsatisfiable, gave up, unsupported.</summary>
    public const string FailureKind = "mockgen.failure.kind";

    /// <summary>Where a validation ran: <c>validate</c> (the command) or <c>drift</c> (a stored run against a new version).</summary>
    public const string ValidationSource = "mockgen.validation.source";

    /// <summary>A run's id.</summary>
    public const string RunId = "mockgen.run.id";

    /// <summary>A run's final status: Completed, CompletedWithErrors or Failed.</summary>
    public const string RunStatus = "mockgen.run.status";

    /// <summary>A shard's key (<c>00001.typical.0000000000</c>).</summary>
    public const string Shard = "mockgen.shard";

    /// <summary>True when a finished shard was found and reused rather than generated.</summary>
    public const string Reused = "mockgen.shard.reused";

    /// <summary>A store operation: blob.write, blob.read, blob.list, table.upsert, ….</summary>
    public const string StoreOperation = "mockgen.store.operation";

    /// <summary>The blob path or table name a store operation touched.</summary>
    public const string StorePath = "mockgen.store.path";

    /// <summary>The AI deployment (Azure OpenAI deployment name).</summary>
    public const string AiDeployment = "mockgen.ai.deployment";

    /// <summary>An AI exchange's outcome: completed, truncated, content_filtered, refused, failed, circuit_open.</summary>
    public const string AiOutcome = "mockgen.ai.outcome";

    /// <summary>Which tokens: prompt or completion.</summary>
    public const string AiTokenKind = "mockgen.ai.token.kind";

    /// <summary>Why enrichment fell back to deterministic values: budget, circuit_open, rejected.</summary>
    public const string AiFallbackReason = "mockgen.ai.fallback.reason";

    /// <summary>The HTTP route template (OpenTelemetry semantic convention <c>http.route</c>).</summary>
    public const string HttpRoute = "http.route";

    /// <summary>The HTTP method (semantic convention <c>http.request.method</c>).</summary>
    public const string HttpMethod = "http.request.method";

    /// <summary>The HTTP status code (semantic convention <c>http.response.status_code</c>).</summary>
    public const string HttpStatus = "http.response.status_code";
}
