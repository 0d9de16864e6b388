namespace MockGen.Storage.Stores;

/// <summary>
/// Blob storage as the pipeline needs it: whole-object writes that replace atomically, streamed reads and
/// prefix listings in ordinal order. Paths are <c>container/name</c> (see <see cref="StorePath"/>).
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes (or replaces) a blob from a stream read to its end.</summary>
    /// <exception cref="MockGenStorageException">The path is invalid.</exception>
    Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a blob for streamed reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Returns the blob's listing entry, or null when it does not exist.</summary>
    Task<BlobEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Lists blobs whose path starts with <paramref name="prefix"/> (a container, or a path ending in '/'), in ordinal order.</summary>
    IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob if it exists.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);
}
