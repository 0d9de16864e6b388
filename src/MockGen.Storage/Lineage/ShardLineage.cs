namespace MockGen.Storage.Lineage;

/// <summary>One lineage row: a shard blob and everything that produced it.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="RunId">The run.</param>
/// <param name="ShardKey">The shard key.</param>
/// <param name="ContractName">The contract name.</param>
/// <param name="ContractVersion">The contract version.</param>
/// <param name="TargetOrdinal">The target ordinal.</param>
/// <param name="TargetId">The target id.</param>
/// <param name="Variant">The variant.</param>
/// <param name="StartIndex">The first index.</param>
/// <param name="Count">The payload count.</param>
/// <param name="Bytes">The blob size.</param>
/// <param name="Sha256">The blob hash (hex).</param>
/// <param name="Seed">The seed.</param>
/// <param name="Environment">The environment.</param>
/// <param name="GeneratorVersion">The generator version.</param>
/// <param name="BlobPath">The shard blob.</param>
/// <param name="Gzip">Whether the blob is gzip-compressed.</param>
public sealed record ShardLineage(
    string Tenant,
    string RunId,
    string ShardKey,
    string ContractName,
    string ContractVersion,
    int TargetOrdinal,
    string TargetId,
    string Variant,
    long StartIndex,
    int Count,
    long Bytes,
    string Sha256,
    string Seed,
    string Environment,
    string GeneratorVersion,
    string BlobPath,
    bool Gzip)
{
    /// <summary>
    /// Indexes of the shard that produced no payload: each has an error record (<c>{"meta": {…, "error": "…"}}</c>) in
    /// its place in the blob, so the blob holds <see cref="Lines"/> lines, one per index from <see cref="StartIndex"/>.
    /// </summary>
    public int Failed { get; init; }

    /// <summary>
    /// The W3C trace id of the run that wrote the shard, when it was traced (null otherwise): a payload id resolves
    /// through its lineage row to the trace of the shard that produced it.
    /// </summary>
    public string? TraceId { get; init; }

    /// <summary>Lines in the blob: payloads plus error records.</summary>
    public long Lines => (long)Count + Failed;
}
