using System.CommandLine;
using MockGen.Cli.Commands;
using MockGen.Storage.Stores;

namespace MockGen.Cli;

/// <summary>
/// The store options of commands that read or write MockGen's store (<c>--store</c> folder, or an Azure Storage
/// account by connection string or Entra ID), and the one place their rules are applied (<c>serve</c> uses
/// <see cref="Open(string?, Uri?, Uri?, string, bool)"/> too).
/// </summary>
internal sealed class StoreOptions
{
    /// <summary>The environment variable a connection string is read from when the option is absent.</summary>
    public const string ConnectionStringVariable = "MOCKGEN_STORAGE_CONNECTION_STRING";

    public Option<string> Folder { get; } = new("--store")
    {
        Description = "A local folder store (used when no Azure store is given).",
        DefaultValueFactory = _ => Path.Combine(".mockgen", "store"),
        HelpName = "folder",
    };

    public Option<string?> ConnectionString { get; } = new("--azure-connection-string")
    {
        Description = $"An Azure Storage (or Azurite) connection string; also read from {ConnectionStringVariable}. Use UseDevelopmentStorage=true for a default Azurite.",
        HelpName = "connection-string",
    };

    public Option<Uri?> BlobUri { get; } = new("--azure-blob-uri")
    {
        Description = "An account's blob endpoint, reached with DefaultAzureCredential (needs --azure-table-uri).",
        HelpName = "uri",
        CustomParser = StoreOptionChecks.ParseUri,
    };

    public Option<Uri?> TableUri { get; } = new("--azure-table-uri")
    {
        Description = "The same account's table endpoint.",
        HelpName = "uri",
        CustomParser = StoreOptionChecks.ParseUri,
    };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[Folder, ConnectionString, BlobUri, TableUri])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Opens the store the parsed options name; a <c>--store</c> typed on the command line beats the variable.</summary>
    /// <exception cref="CliException">An option is unusable (named, the secret never echoed).</exception>
    public PipelineStore Open(ParseResult parse) =>
        Open(parse.GetValue(ConnectionString), parse.GetValue(BlobUri), parse.GetValue(TableUri), parse.GetValue(Folder) ?? Path.Combine(".mockgen", "store"), Given(parse, Folder));

    /// <summary>Whether the user typed <paramref name="option"/> (its default does not count).</summary>
    public static bool Given(ParseResult parse, Option option) => parse?.GetResult(option) is { Implicit: false };

    /// <summary>
    /// Opens a store: a connection string (option, else the variable) first, then Entra ID endpoints, else the folder.
    /// A folder the user gave on the command line (<paramref name="folderGiven"/>) beats the variable, which a shell may
    /// keep for another command; only an explicit Azure option redirects it.
    /// </summary>
    /// <exception cref="CliException">An option is unusable (named, the secret never echoed).</exception>
    public static PipelineStore Open(string? connectionString, Uri? blobUri, Uri? tableUri, string folder, bool folderGiven = false)
    {
        if (folderGiven && connectionString is null && blobUri is null && tableUri is null)
        {
            return PipelineStore.LocalFolder(folder);
        }

        var source = connectionString is null ? ConnectionStringVariable : "--azure-connection-string";
        connectionString ??= Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrEmpty(connectionString))
        {
            StoreOptionChecks.ConnectionString(source, connectionString);
            try
            {
                return PipelineStore.AzureConnectionString(connectionString);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw StoreOptionChecks.Refused(source, e);
            }
        }

        if (blobUri is not null || tableUri is not null)
        {
            if (blobUri is null || tableUri is null)
            {
                throw new CliException("--azure-blob-uri and --azure-table-uri go together");
            }

            StoreOptionChecks.ServiceUri("--azure-blob-uri", blobUri);
            StoreOptionChecks.ServiceUri("--azure-table-uri", tableUri);
            try
            {
                return PipelineStore.AzureIdentity(blobUri, tableUri);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw StoreOptionChecks.Refused("--azure-blob-uri/--azure-table-uri", e);
            }
        }

        return PipelineStore.LocalFolder(folder);
    }
}
