using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MockGen.Ai.Pipeline;
using MockGen.Service.Auth;
using MockGen.Service.Hosting;
using MockGen.Service.Telemetry;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Stores;

namespace MockGen.Cli.Commands;

/// <summary>
/// <c>mockgen serve</c>: the pipeline and the HTTP API in one process on 127.0.0.1. It watches
/// <c>contracts/{tenant}/{name}</c> in the store, registers every new version, runs it with the tenant's profile
/// and serves the datasets.
/// </summary>
internal static class ServeCommand
{
    private const string ConnectionStringVariable = StoreOptions.ConnectionStringVariable;

    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "The 127.0.0.1 port to listen on (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var store = new Option<string>("--store") { Description = "A local folder store (used when no Azure store is given).", DefaultValueFactory = _ => Path.Combine(".mockgen", "store"), HelpName = "folder" };
        var connectionString = new Option<string?>("--azure-connection-string")
        {
            Description = $"An Azure Storage (or Azurite) connection string; also read from {ConnectionStringVariable}. Use UseDevelopmentStorage=true for a default Azurite.",
            HelpName = "connection-string",
        };
        var blobUri = new Option<Uri?>("--azure-blob-uri") { Description = "An account's blob endpoint, reached with DefaultAzureCredential (needs --azure-table-uri).", HelpName = "uri", CustomParser = StoreOptionChecks.ParseUri };
        var tableUri = new Option<Uri?>("--azure-table-uri") { Description = "The same account's table endpoint.", HelpName = "uri", CustomParser = StoreOptionChecks.ParseUri };
        var apiKeys = new Option<string[]>("--api-key") { Description = "Bind an API key to a tenant: <tenant>=<key>. Stored hashed. Repeatable.", HelpName = "tenant=key", Arity = ArgumentArity.OneOrMore };
        var apiKeyHashes = new Option<string[]>("--api-key-hash") { Description = "Bind a key given by its SHA-256 (hex) to a tenant: <tenant>=<sha256>. Repeatable.", HelpName = "tenant=sha256", Arity = ArgumentArity.OneOrMore };
        var entraAuthority = new Option<Uri?>("--entra-authority")
        {
            Description = "Also accept Entra ID bearer tokens issued by this authority (see the example; needs --entra-audience).",
            HelpName = "uri",
        };
        var entraAudience = new Option<string[]>("--entra-audience") { Description = "The audience tokens must carry (the API's Application ID URI or client id). Repeatable.", HelpName = "audience", Arity = ArgumentArity.OneOrMore };
        var entraTenantClaim = new Option<string?>("--entra-tenant-claim")
        {
            Description = $"A token claim listing the caller's tenants. Default: app roles named {EntraOptions.DefaultTenantRolePrefix}<tenant>.",
            HelpName = "claim",
        };
        var poll = new Option<double>("--poll-interval") { Description = "Seconds between scans of contracts/.", DefaultValueFactory = _ => 5, HelpName = "seconds" };
        var noWatch = new Option<bool>("--no-watch") { Description = "Serve the API only; do not watch contracts/." };
        var shards = new Option<int>("--max-parallel-shards") { Description = "Shard activities in flight per run.", DefaultValueFactory = _ => 4 };
        var runs = new Option<int>("--max-concurrent-runs") { Description = "Runs executing at once.", DefaultValueFactory = _ => 2 };
        var logFormat = new Option<ServeLogFormat>("--log-format")
        {
            Description = "text, or json: one JSON object per line with every structured field and, inside a span, its TraceId and SpanId.",
            DefaultValueFactory = _ => ServeLogFormat.Text,
            HelpName = "text|json",
        };
        var aiMode = new Option<string?>("--ai-mode")
        {
            Description = $"AI enrichment for tenants whose profile says ai.enabled: replay (default: answers only from the store's cassettes, no network), "
                + $"record (call Azure OpenAI for missing answers and store them) or live. Default ${AiShardEnricherOptions.ModeSetting}.",
            HelpName = "replay|record|live",
        };
        var aiEndpoint = new Option<string?>("--ai-endpoint")
        {
            Description = $"Azure OpenAI endpoint for record/live; default ${AiShardEnricherOptions.EndpointSetting}. Key from ${AzureOpenAIGatewayKey}, else Entra ID (DefaultAzureCredential).",
            HelpName = "uri",
        };
        var aiDeployment = new Option<string?>("--ai-deployment")
        {
            Description = $"The deployment to use instead of each tenant's first allowed one (still checked against its allow-list); default ${AiShardEnricherOptions.DeploymentSetting}.",
            HelpName = "name",
        };
        var command = new Command("serve", "Run the pipeline and the HTTP API on 127.0.0.1: upload a contract to contracts/{tenant}/{name} "
            + "(blob or PUT /v1/tenants/{tenant}/contracts/{name}) and pull the dataset over HTTP. The API describes itself at /openapi/v1.json.");
        foreach (var option in new Option[] { port, store, connectionString, blobUri, tableUri, apiKeys, apiKeyHashes, entraAuthority, entraAudience, entraTenantClaim, poll, noWatch, shards, runs, logFormat, aiMode, aiEndpoint, aiDeployment })
        {
            command.Options.Add(option);
        }

        CliHelp.SetExamples(
            command,
            "# Local folder store, one tenant",
            "mockgen serve --api-key acme=change-me",
            "# Against Azurite (npm run azurite), then upload contracts/acme/pets.yaml with any blob tool",
            "mockgen serve --azure-connection-string UseDevelopmentStorage=true --api-key acme=change-me",
            "# Pull a run's dataset",
            "curl -H 'X-Api-Key: change-me' http://127.0.0.1:5080/v1/tenants/acme/runs/<runId>/payloads",
            "# JSON logs, traces and metrics to an OpenTelemetry collector (OTLP/gRPC); Prometheus scrapes /metrics either way",
            "OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317 mockgen serve --api-key acme=change-me --log-format json",
            "# Also accept Entra ID tokens whose app role MockGen.Tenant.acme grants tenant acme",
            "mockgen serve --api-key acme=change-me --entra-authority https://login.microsoftonline.com/<tenant-id>/v2.0 --entra-audience api://mockgen",
            "# AI enrichment for tenants whose profile enables it: record missing answers into ai-cassettes/{tenant}/, later replay offline",
            "AZURE_OPENAI_API_KEY=... mockgen serve --api-key acme=change-me --ai-mode record --ai-endpoint https://myres.openai.azure.com");
        command.SetAction((parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(entraAuthority) is null && (parseResult.GetValue(entraAudience) is { Length: > 0 } || parseResult.GetValue(entraTenantClaim) is not null))
            {
                throw new CliException("--entra-audience and --entra-tenant-claim need --entra-authority");
            }

            var options = new ServeOptions
            {
                Port = parseResult.GetValue(port),
                PollInterval = TimeSpan.FromSeconds(parseResult.GetValue(poll)),
                WatchContracts = !parseResult.GetValue(noWatch),
                MaxParallelShards = parseResult.GetValue(shards),
                MaxConcurrentRuns = parseResult.GetValue(runs),
                LogFormat = parseResult.GetValue(logFormat),
                Otlp = CliTelemetry.ReadOtlp(Environment.GetEnvironmentVariable),
                Entra = parseResult.GetValue(entraAuthority) is { } authority
                    ? new EntraOptions { Authority = authority.AbsoluteUri, Audience = string.Join(',', parseResult.GetValue(entraAudience) ?? []), TenantClaim = parseResult.GetValue(entraTenantClaim) }
                    : null,
            };
            var keys = ParseBindings(parseResult.GetValue(apiKeys), "--api-key").Select(b => (b.Tenant, ApiKeyStore.Hash(b.Value)))
                .Concat(ParseBindings(parseResult.GetValue(apiKeyHashes), "--api-key-hash"))
                .ToList();
            var ai = ReadAi(parseResult.GetValue(aiMode), parseResult.GetValue(aiEndpoint), parseResult.GetValue(aiDeployment));
            var pipelineStore = OpenStore(parseResult.GetValue(connectionString), parseResult.GetValue(blobUri), parseResult.GetValue(tableUri), parseResult.GetValue(store)!, StoreOptions.Given(parseResult, store));
            return RunAsync(console, pipelineStore, options, ai, keys, cancellationToken);
        });
        return command;
    }

    private const string AzureOpenAIGatewayKey = MockGen.Ai.Gateway.AzureOpenAIGatewayOptions.ApiKeyVariable;

    /// <summary>The enrichment options: each option, else its environment variable (the Functions app's app settings, same names).</summary>
    /// <exception cref="CliException">A value is unusable (the option and the variable are named).</exception>
    private static AiShardEnricherOptions ReadAi(string? mode, string? endpoint, string? deployment)
    {
        var options = new Dictionary<string, (string Option, string? Value)>(StringComparer.Ordinal)
        {
            [AiShardEnricherOptions.ModeSetting] = ("--ai-mode", mode),
            [AiShardEnricherOptions.EndpointSetting] = ("--ai-endpoint", endpoint),
            [AiShardEnricherOptions.DeploymentSetting] = ("--ai-deployment", deployment),
        };
        try
        {
            return AiShardEnricherOptions.FromSettings(
                name => options.TryGetValue(name, out var option) && option.Value is not null ? option.Value : Environment.GetEnvironmentVariable(name),
                name => options.TryGetValue(name, out var option) ? option.Option + " (or " + name + ")" : name);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static async Task<int> RunAsync(CliConsole console, PipelineStore store, ServeOptions options, AiShardEnricherOptions ai, List<(string Tenant, string Hash)> keys, CancellationToken cancellationToken)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }

        // Enrichment is installed for every tenant but acts only where the tenant profile enables it (before the gate).
        var pipeline = new MockGenPipeline(store, CoreEngine.Create(TimeProvider.System).WithAiEnrichment(store, ai), TimeProvider.System);
        var app = MockGenServer.Build(pipeline, options, logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("MockGen", LogLevel.Information));
        await using (app.ConfigureAwait(false))
        {
            var apiKeys = app.Services.GetRequiredService<ApiKeyStore>();
            foreach (var (tenant, hash) in keys)
            {
                try
                {
                    await apiKeys.AddHashAsync(tenant, hash, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException e)
                {
                    throw new CliException($"--api-key-hash {tenant}=...: {e.Message}");
                }
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            // With JSON logs stdout is JSON lines only, so the banner goes to stderr.
            var banner = options.LogFormat == ServeLogFormat.Json ? console.Error : console.Out;
            await banner.WriteLineAsync($"mockgen serve: listening on {MockGenServer.BaseAddress(app)} ({store.Description}); "
                + (options.WatchContracts ? "watching contracts/{tenant}/{name}" : "not watching contracts") + "; AI enrichment " + ai.Describe() + "; Ctrl+C stops").ConfigureAwait(false);
            // A long-running command: say where it listens now, not when it exits.
            await banner.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (keys.Count == 0 && options.Entra is null)
            {
                await console.Error.WriteLineAsync("warning: no --api-key given: every tenant route answers 401 until a key is bound").ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop gracefully below; interrupted runs resume on the next start.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    // An explicit --store beats MOCKGEN_STORAGE_CONNECTION_STRING, as for generate's --ai-store (StoreOptions.Open).
    internal static PipelineStore OpenStore(string? connectionString, Uri? blobUri, Uri? tableUri, string folder, bool folderGiven) =>
        StoreOptions.Open(connectionString, blobUri, tableUri, folder, folderGiven);

    private static IEnumerable<(string Tenant, string Value)> ParseBindings(string[]? values, string option)
    {
        foreach (var value in values ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var tenant = equals > 0 ? value[..equals] : string.Empty;
            if (!Identifiers.IsTenant(tenant) || equals == value.Length - 1)
            {
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: expected <tenant>=<value> with a tenant of 2-63 of a-z, 0-9 and '-'"));
            }

            yield return (tenant, value[(equals + 1)..]);
        }
    }
}
