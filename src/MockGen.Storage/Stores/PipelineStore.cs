using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace MockGen.Storage.Stores;

/// <summary>
/// Where the pipeline keeps everything: blobs (contracts, datasets, manifests) and tables (contract versions,
/// runs, lineage, API keys). Build one with <see cref="LocalFolder"/> or one of the Azure factories.
/// </summary>
public sealed class PipelineStore
{
    private PipelineStore(IBlobStore blobs, ITableStore tables, string description, StoreRetries retries)
    {
        // The kind is the description's first word (folder, azure): the store tag of every store span and metric.
        Kind = description[..description.IndexOf(' ', StringComparison.Ordinal)];
        Blobs = new TracedBlobStore(blobs, Kind);
        Tables = new TracedTableStore(tables, Kind);
        Description = description;
        Retries = retries;
    }

    /// <summary>The store's kind, <c>folder</c> or <c>azure</c>: the <c>mockgen.store</c> tag of its telemetry.</summary>
    public string Kind { get; }

    /// <summary>The blob side.</summary>
    public IBlobStore Blobs { get; }

    /// <summary>The table side.</summary>
    public ITableStore Tables { get; }

    /// <summary>A human-readable description (folder path or account endpoint), without secrets.</summary>
    public string Description { get; }

    /// <summary>The storage requests this store retried after a transient fault (always zero for a local folder).</summary>
    public StoreRetries Retries { get; }

    /// <summary>A store in a local folder; the folder is created if missing.</summary>
    public static PipelineStore LocalFolder(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        return new PipelineStore(new LocalFolderBlobStore(full), new LocalFolderTableStore(full), "folder " + full, new StoreRetries());
    }

    /// <summary>A store in an Azure Storage account (or Azurite) reached with a connection string.</summary>
    /// <param name="connectionString">The account's connection string.</param>
    /// <param name="options">Retry bounds; null means the defaults of <see cref="PipelineStoreOptions"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static PipelineStore AzureConnectionString(string connectionString, PipelineStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var retries = new StoreRetries();
        var blobs = new BlobServiceClient(connectionString, Configure(new BlobClientOptions(), options, retries));
        var tables = new TableServiceClient(connectionString, Configure(new TableClientOptions(), options, retries));
        return new PipelineStore(new AzureBlobStore(blobs), new AzureTableStore(tables), "azure " + blobs.Uri, retries);
    }

    /// <summary>
    /// A store in an Azure Storage account reached with Entra ID: <paramref name="credential"/> defaults to
    /// <see cref="DefaultAzureCredential"/>. The identity needs Storage Blob Data Contributor and Storage Table
    /// Data Contributor.
    /// </summary>
    public static PipelineStore AzureIdentity(Uri blobServiceUri, Uri tableServiceUri, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        credential ??= new DefaultAzureCredential();
        var retries = new StoreRetries();
        return new PipelineStore(
            new AzureBlobStore(new BlobServiceClient(blobServiceUri, credential, Configure(new BlobClientOptions(), null, retries))),
            new AzureTableStore(new TableServiceClient(tableServiceUri, credential, Configure(new TableClientOptions(), null, retries))),
            "azure " + blobServiceUri,
            retries);
    }

    /// <summary>
    /// A store in an Azure Storage account reached with a managed identity: <see cref="DefaultAzureCredential"/>
    /// with <paramref name="managedIdentityClientId"/> choosing a user-assigned identity (null: the system-assigned
    /// one, or a developer's sign-in locally). The Functions host uses this for identity-based connections.
    /// </summary>
    public static PipelineStore AzureIdentity(Uri blobServiceUri, Uri tableServiceUri, string? managedIdentityClientId) =>
        AzureIdentity(blobServiceUri, tableServiceUri, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = managedIdentityClientId }));

    private static T Configure<T>(T clientOptions, PipelineStoreOptions? options, StoreRetries retries)
        where T : ClientOptions
    {
        options ??= new PipelineStoreOptions();
        options.Validate();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.AddPolicy(new RetryCountingPolicy(retries), HttpPipelinePosition.PerRetry);
        return clientOptions;
    }
}
