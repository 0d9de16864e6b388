namespace MockGen.Storage.Runs;

/// <summary>What a generate-shard activity reports back: a reference to the blob, never the payloads.</summary>
/// <param name="ShardKey">The shard's key.</param>
/// <param name="BlobPath">The blob written (or found).</param>
/// <param name="Count">Payloads in the blob.</param>
/// <param name="Bytes">The blob's size.</param>
/// <param name="Sha256">The blob's SHA-256 (hex).</param>
/// <param name="Reused">True when a finished shard was found (lineage row + matching blob hash) and skipped.</param>
/// <param name="Failure">Null, or why the generator could not satisfy the target (then nothing was written).</param>
public sealed record ShardResult(string ShardKey, string BlobPath, int Count, long Bytes, string Sha256, bool Reused, string? Failure)
{
    /// <summary>Indexes of a stored shard that produced no payload (target, index, reason, schema location), at most 100.</summary>
    public IReadOnlyList<string> FailedIndexes { get; init; } = [];
}
