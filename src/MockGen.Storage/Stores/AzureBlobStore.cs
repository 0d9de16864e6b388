using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MockGen.Storage.Stores;

/// <summary>Blobs in Azure Blob Storage (or Azurite): one container per first path segment, created on first write.</summary>
internal sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient _service;
    private readonly ConcurrentDictionary<string, Task> _containers = new(StringComparer.Ordinal);

    public AzureBlobStore(BlobServiceClient service)
    {
        _service = service;
    }

    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var parsed = StorePath.Parse(path);
        await EnsureContainerAsync(parsed.Container, cancellationToken).ConfigureAwait(false);
        var blob = _service.GetBlobContainerClient(parsed.Container).GetBlobClient(parsed.Name);
        var start = content.CanSeek ? content.Position : -1;
        try
        {
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404 && string.Equals(e.ErrorCode, "ContainerNotFound", StringComparison.Ordinal) && start >= 0)
        {
            // The container this store created is gone (an emulator restarted without its data, a reset account):
            // forget it, create it again and upload once more.
            _containers.TryRemove(parsed.Container, out _);
            await EnsureContainerAsync(parsed.Container, cancellationToken).ConfigureAwait(false);
            content.Position = start;
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var parsed = StorePath.Parse(path);
        var blob = _service.GetBlobContainerClient(parsed.Container).GetBlobClient(parsed.Name);
        try
        {
            var response = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default)
    {
        var parsed = StorePath.Parse(path);
        var blob = _service.GetBlobContainerClient(parsed.Container).GetBlobClient(parsed.Name);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BlobEntry(parsed.Full, properties.Value.ContentLength, properties.Value.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parsed = StorePath.Prefix(prefix);
        var container = _service.GetBlobContainerClient(parsed.Container);
        var pages = container.GetBlobsAsync(new GetBlobsOptions { Prefix = parsed.Name.Length == 0 ? null : parsed.Name }, cancellationToken);
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                BlobItem item;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    item = enumerator.Current;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // The container does not exist yet: nothing to list.
                    break;
                }

                // The service lists in UTF-8 binary order, which equals ordinal order for the names StorePath admits.
                yield return new BlobEntry(parsed.Container + "/" + item.Name, item.Properties.ContentLength ?? 0, item.Properties.ETag?.ToString("H") ?? string.Empty);
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var parsed = StorePath.Parse(path);
        await _service.GetBlobContainerClient(parsed.Container).GetBlobClient(parsed.Name)
            .DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        var task = _containers.GetOrAdd(container, name => _service.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        try
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            // A creation that failed (its retries exhausted by an outage) must not stay cached: the next write tries again.
            // Checked after the await, since the task is still running when it is first added.
            _containers.TryRemove(new KeyValuePair<string, Task>(container, task));
            throw;
        }
    }
}
