namespace MockGen.Service.Api;

/// <summary>The body of <c>POST /v1/tenants/{tenant}/runs</c>: a contract and optional overrides of the tenant profile.</summary>
/// <param name="Contract">The contract name.</param>
/// <param name="Version">The contract version; default: the latest uploaded.</param>
/// <param name="RunId">The run id; default: derived from the inputs, so the same request is the same run.</param>
/// <param name="Variants">Overrides the profile's variants.</param>
/// <param name="CountPerTarget">Overrides the profile's count per target.</param>
/// <param name="Seed">Overrides the profile's seed.</param>
/// <param name="Environment">Overrides the profile's environment.</param>
/// <param name="Locale">Overrides the profile's locale.</param>
/// <param name="ShardSize">Overrides the profile's shard size.</param>
/// <param name="Gzip">Overrides the profile's gzip setting.</param>
public sealed record StartRunRequest(
    string Contract,
    string? Version = null,
    string? RunId = null,
    IReadOnlyList<string>? Variants = null,
    int? CountPerTarget = null,
    string? Seed = null,
    string? Environment = null,
    string? Locale = null,
    int? ShardSize = null,
    bool? Gzip = null);
