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
    private PipelineStore(IBlobStore blobs, ITableStore tables, string description)
    {
        // The kind is the description's first word (folder, azure): the store tag of every store span and metric.
        Kind = description[..description.IndexOf(' ', StringComparison.Ordinal)];
        Blobs = new TracedBlobStore(blobs, Kind);
        Tables = new TracedTableStore(tables, Kind);
        Description = description;
    }

    /// <summary>The store's kind, <c>folder</c> or <c>azure</c>: the <c>mockgen.store</c> tag of its telemetry.</summary>
    public string Kind { get; }

    /// <summary>The blob side.</summary>
    public IBlobStore Blobs { get; }

    /// <summary>The table side.</summary>
    public ITableStore Tables { get; }

    /// <summary>A human-readable description (folder path or account endpoint), without secrets.</summary>
    public string Description { get; }

    /// <summary>A store in a local folder; the folder is created if missing.</summary>
    public static PipelineStore LocalFolder(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        return new PipelineStore(new LocalFolderBlobStore(root), new LocalFolderTableStore(root), "folder " + Path.GetFullPath(root));
    }

    /// <summary>A store in an Azure Storage account (or Azurite) reached with a connection string.</summary>
    public static PipelineStore AzureConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var blobs = new BlobServiceClient(connectionString);
        return new PipelineStore(new AzureBlobStore(blobs), new AzureTableStore(new TableServiceClient(connectionString)), "azure " + blobs.Uri);
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
        return new PipelineStore(
            new AzureBlobStore(new BlobServiceClient(blobServiceUri, credential)),
            new AzureTableStore(new TableServiceClient(tableServiceUri, credential)),
            "azure " + blobServiceUri);
    }

    /// <summary>
    /// A store in an Azure Storage account reached with a managed identity: <see cref="DefaultAzureCredential"/>
    /// with <paramref name="managedIdentityClientId"/> choosing a user-assigned identity (null: the system-assigned
    /// one, or a developer's sign-in locally). The Functions host uses this for identity-based connections.
    /// </summary>
    public static PipelineStore AzureIdentity(Uri blobServiceUri, Uri tableServiceUri, string? managedIdentityClientId) =>
        AzureIdentity(blobServiceUri, tableServiceUri, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = managedIdentityClientId }));
}
