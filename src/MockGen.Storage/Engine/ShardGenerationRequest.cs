using MockGen.Core.Generation.Enrichment;

namespace MockGen.Storage.Engine;

/// <summary>Everything that determines the bytes of one shard: the same request always yields the same bytes.</summary>
/// <param name="ContractName">The contract's file name, recorded in each record's meta.</param>
/// <param name="Contract">The contract's bytes.</param>
/// <param name="ContractVersion">The contract's <c>sha256:</c> version.</param>
/// <param name="TargetId">The target to generate.</param>
/// <param name="Variant">typical, minimal, maximal, boundary, negative or edge.</param>
/// <param name="StartIndex">The first payload index.</param>
/// <param name="Count">How many payloads.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Tenant">The tenant, written into tenant-named properties.</param>
/// <param name="Environment">The environment name.</param>
/// <param name="RunId">The run id (meta <c>testRunId</c>).</param>
/// <param name="Locale">The locale for realistic values, or null for the default.</param>
public sealed record ShardGenerationRequest(
    string ContractName,
    ReadOnlyMemory<byte> Contract,
    string ContractVersion,
    string TargetId,
    string Variant,
    long StartIndex,
    int Count,
    string Seed,
    string Tenant,
    string Environment,
    string RunId,
    string? Locale)
{
    /// <summary>AI value pools and edge-case proposals prepared for this shard (<see cref="IShardEnricher"/>), or null. Default null.</summary>
    public EnrichmentPools? Enrichment { get; init; }

    /// <summary>synthetic or lifelike; null for the default (synthetic).</summary>
    public string? Realism { get; init; }

    /// <summary>The prompt template enrichment must use (<c>name@sha256:…</c>, pinned by the run), or null for the built-in one.</summary>
    public string? Prompt { get; init; }
}
