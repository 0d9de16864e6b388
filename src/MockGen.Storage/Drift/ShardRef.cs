namespace MockGen.Storage.Drift;

/// <summary>A reference to one shard blob of a dataset.</summary>
/// <param name="ShardKey">The shard key.</param>
/// <param name="BlobPath">The blob.</param>
/// <param name="TargetId">The target its payloads were generated for.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Count">Payloads in it.</param>
/// <param name="Gzip">Whether it is gzip-compressed.</param>
public sealed record ShardRef(string ShardKey, string BlobPath, string TargetId, string Variant, int Count, bool Gzip);
