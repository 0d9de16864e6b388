using System.Runtime.CompilerServices;
using MockGen.Storage.Telemetry;

namespace MockGen.Storage.Stores;

/// <summary>
/// A blob store whose every call is a span and a duration measurement (see <see cref="StoreTelemetry"/>), so a run's
/// trace shows each blob it wrote and read. <see cref="PipelineStore"/> wraps both implementations in it.
/// </summary>
internal sealed class TracedBlobStore(IBlobStore inner, string store) : IBlobStore
{
    public IBlobStore Inner => inner;

    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var call = StoreTelemetry.Start(store, "blob.write", path);
        try
        {
            // A length is known for every stream the pipeline writes (memory and file streams); others count nothing.
            var length = content.CanSeek ? content.Length - content.Position : 0;
            await inner.WriteAsync(path, content, cancellationToken).ConfigureAwait(false);
            call.Written(length);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var call = StoreTelemetry.Start(store, "blob.read", path);
        try
        {
            return await inner.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    public async Task<BlobEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default)
    {
        using var call = StoreTelemetry.Start(store, "blob.get", path);
        try
        {
            return await inner.GetEntryAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The span covers the whole enumeration: a listing is one logical call, however many pages it takes.
        using var call = StoreTelemetry.Start(store, "blob.list", prefix);
        await foreach (var entry in inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        using var call = StoreTelemetry.Start(store, "blob.delete", path);
        try
        {
            await inner.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }
}
