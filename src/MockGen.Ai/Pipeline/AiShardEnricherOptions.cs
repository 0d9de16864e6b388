using System.Globalization;
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

    /// <summary>The cassette mode. Default <see cref="CassetteMode.Replay"/>.</summary>
    public CassetteMode Mode { get; set; } = CassetteMode.Replay;

    /// <summary>The live gateway for record/live; null in replay. Default null.</summary>
    public AzureOpenAIGatewayOptions? Live { get; set; }

    /// <summary>A deployment overriding the tenant's default (still checked against its allow-list), or null. Default null.</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// Reads the options from app settings (<see cref="ModeSetting"/>, <see cref="EndpointSetting"/>,
    /// <see cref="DeploymentSetting"/>, and <see cref="AzureOpenAIGatewayOptions.ApiKeyVariable"/>; without a key,
    /// Entra ID through <c>DefaultAzureCredential</c>, e.g. the app's managed identity).
    /// </summary>
    /// <param name="setting">Reads one setting (null or empty when unset).</param>
    /// <exception cref="ArgumentException">A setting is invalid (every problem is named).</exception>
    public static AiShardEnricherOptions FromSettings(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
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
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{ModeSetting}: '{setting(ModeSetting)}' is not one of replay, record, live"));
                break;
        }

        if (options.Mode != CassetteMode.Replay)
        {
            if (!Uri.TryCreate(NullIfEmpty(setting(EndpointSetting)), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{EndpointSetting}: {ModeSetting}={options.Mode.ToString().ToLowerInvariant()} calls Azure OpenAI and needs an absolute https URI such as https://myres.openai.azure.com");
            }
            else
            {
                options.Live = new AzureOpenAIGatewayOptions { Endpoint = endpoint, ApiKey = NullIfEmpty(setting(AzureOpenAIGatewayOptions.ApiKeyVariable)) };
            }
        }

        return problems.Count == 0 ? options : throw new ArgumentException("invalid AI settings: " + string.Join("; ", problems));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
