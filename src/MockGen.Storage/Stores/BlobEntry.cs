namespace MockGen.Storage.Stores;

/// <summary>One blob seen in a listing: its full path, size and an opaque version tag that changes on every write.</summary>
/// <param name="Path">The full path, <c>container/name</c>.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="ETag">Changes whenever the blob is written.</param>
public sealed record BlobEntry(string Path, long Length, string ETag);
