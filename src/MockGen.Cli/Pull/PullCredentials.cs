using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;

namespace MockGen.Cli.Pull;

/// <summary>
/// How pull authenticates: <c>MOCKGEN_API_KEY</c> as <c>X-Api-Key</c> when set, otherwise an Entra ID bearer token from
/// <see cref="DefaultAzureCredential"/> (environment, workload identity, managed identity, Azure CLI ...). The key is
/// never printed; a token is asked for once per pull.
/// </summary>
internal sealed class PullCredentials
{
    /// <summary>The environment variable holding a tenant API key.</summary>
    public const string ApiKeyVariable = "MOCKGEN_API_KEY";

    private readonly string? _apiKey;
    private readonly TokenCredential? _credential;
    private readonly string _scope;
    private string? _token;

    private PullCredentials(string? apiKey, TokenCredential? credential, string scope)
    {
        _apiKey = apiKey;
        _credential = credential;
        _scope = scope;
    }

    /// <summary>From the environment: the API key if set, else DefaultAzureCredential for <paramref name="scope"/>.</summary>
    public static PullCredentials FromEnvironment(string scope) =>
        Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key
            ? new PullCredentials(key, null, scope)
            : new PullCredentials(null, new DefaultAzureCredential(), scope);

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
                throw new CliException($"no credentials: set {ApiKeyVariable} to a tenant API key, or sign in for Entra ID (DefaultAzureCredential: {FirstLine(e.Message)})", e);
            }
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
