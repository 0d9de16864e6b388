using System.Globalization;
using Azure.Identity;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Gateway;

namespace MockGen.Ai.Pipeline;

/// <summary>
/// What a host tells the pipeline's enrichment (the Functions app from app settings, <c>mockgen serve</c> from its
/// options): the cassette mode and, for record/live, the Azure OpenAI resource. What a tenant may do (enabled,
/// deployments, temperature, tokens, budget, PII policy, cost table) comes from its profile, never from here.
/// </summary>
public sealed class AiShardEnricherOptions
{
    /// <summary>App setting: <c>replay</c> (default: cassettes only, no network), <c>record</c> or <c>live</c>.</summary>
    public const string ModeSetting = "MOCKGEN_AI_MODE";

    /// <summary>App setting: the Azure OpenAI endpoint for record/live (the infra's <c>openAiEndpoint</c> output).</summary>
    public const string EndpointSetting = "AZURE_OPENAI_ENDPOINT";

    /// <summary>App setting: the deployment to use instead of the tenant's first allowed one (it must still be on the tenant's allow-list).</summary>
    public const string DeploymentSetting = "AZURE_OPENAI_DEPLOYMENT";

    /// <summary>App setting: the client id of the user-assigned managed identity Entra ID uses when no API key is set (the infra sets it).</summary>
    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>The cassette mode. Default <see cref="CassetteMode.Replay"/>.</summary>
    public CassetteMode Mode { get; set; } = CassetteMode.Replay;

    /// <summary>The live gateway for record/live; null in replay. Default null.</summary>
    public AzureOpenAIGatewayOptions? Live { get; set; }

    /// <summary>A deployment overriding the tenant's default (still checked against its allow-list), or null. Default null.</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// Reads the options from app settings (<see cref="ModeSetting"/>, <see cref="EndpointSetting"/>,
    /// <see cref="DeploymentSetting"/>, and <see cref="AzureOpenAIGatewayOptions.ApiKeyVariable"/>; without a key,
    /// Entra ID through <c>DefaultAzureCredential</c>, e.g. the app's managed identity named by <see cref="ClientIdSetting"/>).
    /// The one place both hosts turn settings into enrichment options: the Functions app from its app settings,
    /// <c>mockgen serve</c> from its options over the same environment variables.
    /// </summary>
    /// <param name="setting">Reads one setting (null or empty when unset).</param>
    /// <param name="describe">How a setting is named in error messages (serve names its option too); default the setting's name.</param>
    /// <exception cref="ArgumentException">A setting is invalid (every problem is named).</exception>
    public static AiShardEnricherOptions FromSettings(Func<string, string?> setting, Func<string, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(setting);
        describe ??= name => name;
        var problems = new List<string>();
        var options = new AiShardEnricherOptions { Deployment = NullIfEmpty(setting(DeploymentSetting)) };
        switch (NullIfEmpty(setting(ModeSetting))?.ToUpperInvariant())
        {
            case null or "REPLAY":
                break;
            case "RECORD":
                options.Mode = CassetteMode.Record;
                break;
            case "LIVE":
                options.Mode = CassetteMode.Live;
                break;
            default:
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{describe(ModeSetting)}: '{setting(ModeSetting)}' is not one of replay, record, live"));
                break;
        }

        if (options.Mode != CassetteMode.Replay)
        {
            if (!Uri.TryCreate(NullIfEmpty(setting(EndpointSetting)), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{describe(EndpointSetting)}: {options.Mode.ToString().ToLowerInvariant()} mode calls Azure OpenAI and needs an absolute https URI such as https://myres.openai.azure.com");
            }
            else
            {
                var key = NullIfEmpty(setting(AzureOpenAIGatewayOptions.ApiKeyVariable));
                options.Live = new AzureOpenAIGatewayOptions
                {
                    Endpoint = endpoint,
                    ApiKey = key,
                    // A user-assigned identity must be named, or DefaultAzureCredential asks for the system-assigned one.
                    Credential = key is null && NullIfEmpty(setting(ClientIdSetting)) is { } clientId
                        ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId })
                        : null,
                };
            }
        }

        return problems.Count == 0 ? options : throw new ArgumentException("invalid AI settings: " + string.Join("; ", problems));
    }

    /// <summary>A short description for logs and banners: the mode and, when it calls the model, the endpoint and how it authenticates (never the key).</summary>
    public string Describe() => Live?.Endpoint is { } endpoint
        ? string.Create(CultureInfo.InvariantCulture, $"{Mode.ToString().ToLowerInvariant()} against {endpoint.GetLeftPart(UriPartial.Authority)} ({(Live.ApiKey is null ? "Entra ID" : "API key")})")
        : Mode.ToString().ToLowerInvariant() + " (cassettes in the store, no network)";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
