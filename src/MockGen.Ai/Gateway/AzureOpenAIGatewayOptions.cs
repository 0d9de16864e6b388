using Azure.Core;

namespace MockGen.Ai.Gateway;

/// <summary>How <see cref="AzureOpenAIGateway"/> reaches an Azure OpenAI resource. Validated and copied when the gateway is built.</summary>
public sealed class AzureOpenAIGatewayOptions
{
    /// <summary>The name of the environment variable the hosts read the API key from.</summary>
    public const string ApiKeyVariable = "AZURE_OPENAI_API_KEY";

    /// <summary>The Entra ID scope Azure OpenAI accepts.</summary>
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>The resource endpoint, e.g. <c>https://myres.openai.azure.com</c>. Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key (sent as <c>api-key</c>); null to use <see cref="Credential"/>. Default none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The Entra ID credential used when <see cref="ApiKey"/> is null (asked for <see cref="EntraScope"/>).
    /// Default null, meaning <c>DefaultAzureCredential</c>.
    /// </summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>The retry loop. Default <see cref="ModelRetryOptions"/>'s defaults.</summary>
    public ModelRetryOptions Retry { get; set; } = new();

    /// <summary>The clock retry delays wait on (inject a fake in tests). Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The HTTP client carrying requests (a proxy, a test handler); null for the SDK's own. Default none.</summary>
    public HttpClient? HttpClient { get; set; }

    internal void Validate()
    {
        var problems = new List<string>();
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("Endpoint must be an absolute http(s) URI, e.g. https://myres.openai.azure.com");
        }

        if (ApiKey is { Length: 0 })
        {
            problems.Add("ApiKey must not be empty (leave it null to use Entra ID)");
        }

        if (Retry is null)
        {
            problems.Add("Retry must not be null");
        }
        else
        {
            problems.AddRange(Retry.Problems());
        }

        if (TimeProvider is null)
        {
            problems.Add("TimeProvider must not be null");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid Azure OpenAI gateway options: " + string.Join("; ", problems));
        }
    }
}
