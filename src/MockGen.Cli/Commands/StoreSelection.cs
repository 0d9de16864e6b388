using System.CommandLine;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Stores;

namespace MockGen.Cli.Commands;

/// <summary>
/// The store options of the governance commands (<c>keys</c>, <c>audit</c>, <c>versions</c>, <c>reproduce</c>), the
/// same as <c>serve</c>'s: these commands talk to the store directly, so a platform team can bootstrap keys before any
/// server runs, and whoever may write the store (its Azure RBAC, or the folder's permissions) is the trust root.
/// </summary>
internal sealed class StoreSelection
{
    private readonly Option<string> _store = new("--store") { Description = "A local folder store (used when no Azure store is given).", DefaultValueFactory = _ => Path.Combine(".mockgen", "store"), HelpName = "folder" };
    private readonly Option<string?> _connectionString = new("--azure-connection-string") { Description = "An Azure Storage (or Azurite) connection string; also read from MOCKGEN_STORAGE_CONNECTION_STRING.", HelpName = "connection-string" };
    private readonly Option<Uri?> _blobUri = new("--azure-blob-uri") { Description = "An account's blob endpoint, reached with DefaultAzureCredential (needs --azure-table-uri).", HelpName = "uri", CustomParser = StoreOptionChecks.ParseUri };
    private readonly Option<Uri?> _tableUri = new("--azure-table-uri") { Description = "The same account's table endpoint.", HelpName = "uri", CustomParser = StoreOptionChecks.ParseUri };
    private readonly Option<string> _tenant = new("--tenant") { Description = "The tenant.", Required = true, HelpName = "tenant" };

    /// <summary>Adds the tenant and store options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _tenant, _store, _connectionString, _blobUri, _tableUri })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The tenant given, checked.</summary>
    public string Tenant(ParseResult parseResult)
    {
        var tenant = parseResult.GetValue(_tenant)!;
        return Identifiers.IsTenant(tenant) ? tenant : throw new CliException($"--tenant {tenant}: expected 2-63 of a-z, 0-9 and '-'");
    }

    /// <summary>Opens the store the options name and wires the pipeline over it.</summary>
    public MockGenPipeline Open(ParseResult parseResult)
    {
        var store = ServeCommand.OpenStore(parseResult.GetValue(_connectionString), parseResult.GetValue(_blobUri), parseResult.GetValue(_tableUri), parseResult.GetValue(_store)!, StoreOptions.Given(parseResult, _store));
        return new MockGenPipeline(store, CoreEngine.Create(TimeProvider.System), TimeProvider.System);
    }

    /// <summary>Who the CLI acts as in records and the audit log: <c>cli:&lt;OS user&gt;</c>.</summary>
    public static string Principal => "cli:" + Environment.UserName;
}
