using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;

namespace MockGen.Cli.Pull;

/// <summary>
/// How pull authenticates: <c>MOCKGEN_API_KEY</c> as <c>X-Api-Key</c> when set; else <c>MOCKGEN_ACCESS_TOKEN</c>, an Entra ID
/// access token obtained by the caller (a pipeline's AzureCLI step: <c>az account get-access-token --scope ...</c>); else
/// a token from <see cref="DefaultAzureCredential"/> (environment, workload identity, managed identity, Azure CLI ...).
/// Neither secret is ever printed; a token is asked for once per pull.
/// </summary>
internal sealed class PullCredentials
{
    /// <summary>The environment variable holding a tenant API key.</summary>
    public const string ApiKeyVariable = "MOCKGEN_API_KEY";

    /// <summary>The environment variable holding an Entra ID access token for the MockGen API (sent as a bearer token as is).</summary>
    public const string AccessTokenVariable = "MOCKGEN_ACCESS_TOKEN";

    private readonly string? _apiKey;
    private readonly TokenCredential? _credential;
    private readonly string _scope;
    private string? _token;

    private PullCredentials(string? apiKey, TokenCredential? credential, string scope, string? token = null)
    {
        _apiKey = apiKey;
        _credential = credential;
        _scope = scope;
        _token = token;
    }

    /// <summary>
    /// From the environment: the API key if set, else the access token if set, else DefaultAzureCredential for
    /// <paramref name="scope"/>.
    /// </summary>
    /// <exception cref="CliException">A variable holds an Azure Pipelines macro that was never expanded, or AZURE_TOKEN_CREDENTIALS names no credential.</exception>
    public static PullCredentials FromEnvironment(string scope)
    {
        if (Variable(ApiKeyVariable) is { } key)
        {
            return new PullCredentials(key, null, scope);
        }

        if (Variable(AccessTokenVariable) is { } token)
        {
            return new PullCredentials(null, null, scope, token);
        }

        try
        {
            return new PullCredentials(null, new DefaultAzureCredential(), scope);
        }
        catch (InvalidOperationException e)
        {
            // Azure.Identity refuses an unknown AZURE_TOKEN_CREDENTIALS (the chain selection) when the credential is built.
            throw new CliException("DefaultAzureCredential: " + FirstLine(e.Message), e);
        }
    }

    /// <summary>Adds the credential's header to <paramref name="request"/>.</summary>
    /// <exception cref="CliException">No API key and no Entra ID sign-in is available.</exception>
    public async Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", _apiKey);
            return;
        }

        if (_token is null)
        {
            try
            {
                _token = (await _credential!.GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken).ConfigureAwait(false)).Token;
            }
            catch (AuthenticationFailedException e)
            {
                throw new CliException($"no credentials: set {ApiKeyVariable} to a tenant API key or {AccessTokenVariable} to an Entra ID access token, or sign in for DefaultAzureCredential ({FirstLine(e.Message)})", e);
            }
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }

    private static string? Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // Azure Pipelines leaves "$(name)" as is when a step maps a variable nobody defined: say so rather than send it.
        if (value.StartsWith("$(", StringComparison.Ordinal) && value.EndsWith(')'))
        {
            throw new CliException($"{name}: holds '{value}', an Azure Pipelines variable that is not defined (define it as a secret variable, or do not map it)");
        }

        return value;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
