using Microsoft.Extensions.Configuration;
using MockGen.Storage.Stores;

namespace MockGen.Functions.Hosting;

/// <summary>
/// Builds MockGen's store from the app settings of the connection named <see cref="ConnectionName"/>, the same name
/// the contract blob trigger uses, so the trigger and the pipeline always read one account:
/// <list type="bullet">
/// <item>a connection string in <c>MockGenStorage</c> (locally <c>UseDevelopmentStorage=true</c> for Azurite), or</item>
/// <item>identity-based: <c>MockGenStorage__blobServiceUri</c> and <c>MockGenStorage__tableServiceUri</c> (or
/// <c>MockGenStorage__accountName</c>), with <c>MockGenStorage__clientId</c> naming a user-assigned managed identity
/// (otherwise DefaultAzureCredential's chain). The host side of the trigger also needs
/// <c>MockGenStorage__queueServiceUri</c> and <c>MockGenStorage__credential = managedidentity</c>.</item>
/// </list>
/// </summary>
public static class MockGenStorageSettings
{
    /// <summary>The connection name: the blob trigger's <c>Connection</c> and the prefix of the store settings.</summary>
    public const string ConnectionName = "MockGenStorage";

    /// <summary>Creates the store the settings describe.</summary>
    /// <exception cref="InvalidOperationException">Neither a connection string nor both service URIs are set, or a URI is malformed.</exception>
    public static PipelineStore CreateStore(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return PipelineStore.AzureConnectionString(connectionString);
        }

        var section = configuration.GetSection(ConnectionName);
        var account = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", account, "blob");
        var table = ServiceUri(section, "tableServiceUri", account, "table");
        if (blob is null || table is null)
        {
            throw new InvalidOperationException(
                $"MockGen's store is not configured: set {ConnectionName} to a connection string, or {ConnectionName}__blobServiceUri and "
                + $"{ConnectionName}__tableServiceUri (or {ConnectionName}__accountName) for an identity-based connection");
        }

        var clientId = section["clientId"];
        return PipelineStore.AzureIdentity(blob, table, string.IsNullOrEmpty(clientId) ? null : clientId);
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? account, string service)
    {
        var value = section[key];
        if (string.IsNullOrEmpty(value))
        {
            return string.IsNullOrEmpty(account) ? null : new Uri($"https://{account}.{service}.core.windows.net/");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new InvalidOperationException($"{section.Path}__{key}: '{value}' is not an absolute http(s) URI");
    }
}
