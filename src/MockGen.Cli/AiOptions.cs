using System.CommandLine;
using MockGen.Cli.Commands;

namespace MockGen.Cli;

/// <summary>The AI enrichment options of <c>mockgen generate</c>; absent <c>--ai</c> means none of them apply.</summary>
internal sealed class AiOptions
{
    public Option<string?> Ai { get; } = new("--ai")
    {
        Description = "AI enrichment, off by default. enrich: realistic values from Azure OpenAI for free-text string "
            + "fields the realism rules do not know (no format, name, enum or pattern). edge: valid-but-tricky payloads "
            + "per target as the 'edge' variant, repaired and gated. scenarios: --count payloads per "
            + "named scenario of a test matrix (--scenario-matrix or --scenarios), meta.scenario says which. Every "
            + "payload is still gated.",
        HelpName = "enrich|edge|scenarios",
    };

    public Option<string> Mode { get; } = new("--ai-mode")
    {
        Description = "replay: answers only from the cassette, no network (CI); record: call Azure OpenAI for missing "
            + "answers and store them; live: call and store nothing.",
        DefaultValueFactory = _ => "replay",
    };

    public Option<string?> Endpoint { get; } = new("--ai-endpoint")
    {
        Description = "Azure OpenAI endpoint (https://<resource>.openai.azure.com) for record/live; default $AZURE_OPENAI_ENDPOINT. "
            + "Key from $AZURE_OPENAI_API_KEY, else Entra ID (DefaultAzureCredential).",
        HelpName = "uri",
    };

    public Option<string?> Deployment { get; } = new("--ai-deployment")
    {
        Description = "The chat deployment (part of the cassette key).",
        HelpName = "name",
    };

    public Option<string?> Model { get; } = new("--ai-model")
    {
        Description = "The model the deployment runs, if you want it in the cassette key.",
        HelpName = "name",
    };

    public Option<string?> Prompt { get; } = new("--prompt")
    {
        Description = "A prompt template file (system part, a '---' line, user part; {{name}} parameters), a name in the "
            + "--ai-store's registry (mockgen prompts push; name@sha256:<hex> pins a version) or a built-in name. "
            + "Default: enrich-values, or scenario-payloads for --ai scenarios.",
        HelpName = "file|name",
    };

    public Option<string> Store { get; } = new("--ai-store")
    {
        Description = "The local store folder holding cassettes (ai-cassettes/{tenant}/) and prompts (prompts/{tenant}/), "
            + "unless an Azure store is given (--azure-connection-string, or --azure-blob-uri with --azure-table-uri; "
            + "MOCKGEN_STORAGE_CONNECTION_STRING only while --ai-store is not).",
        HelpName = "folder",
        DefaultValueFactory = _ => ".mockgen/store",
    };

    public Option<long?> Budget { get; } = new("--ai-budget")
    {
        Description = "Token budget for the run; once spent, enrichment stops and generation continues deterministically.",
        HelpName = "tokens",
    };

    public Option<string?> ScenarioMatrix { get; } = new("--scenario-matrix")
    {
        Description = "For --ai scenarios: a test matrix name=v1,v2;name=v1..., every combination a scenario named by its values: "
            + "'currency=EUR,JPY;status=pending,settled' gives EUR-pending, EUR-settled, JPY-pending, JPY-settled.",
        HelpName = "spec",
    };

    public Option<string?> ScenarioFile { get; } = new("--scenarios")
    {
        Description = "For --ai scenarios: a parameters file (JSON), {\"matrix\": {name: [values]}} and/or "
            + "{\"scenarios\": [{\"name\", \"parameters\": {name: value}}]}.",
        HelpName = "file",
    };

    public Option<string?> Profile { get; } = new("--ai-profile")
    {
        Description = "A tenant profile (mockgen.profile.json) whose ai section governs the run: enabled, deployment "
            + "allow-list, temperature, tokens per request, budget per run, PII policy, deny-list, cost table.",
        HelpName = "file",
    };

    /// <summary>The Azure store options of the other commands (serve, prompts), here naming where cassettes and prompts live.</summary>
    public StoreOptions AzureStore { get; } = new();

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[Ai, Mode, Endpoint, Deployment, Model, Prompt, ScenarioMatrix, ScenarioFile, Store, AzureStore.ConnectionString, AzureStore.BlobUri, AzureStore.TableUri, Budget, Profile])
        {
            command.Options.Add(option);
        }
    }

    public AiRequest? ToRequest(ParseResult parse) => parse.GetValue(Ai) is not { } ai
        ? null
        : new AiRequest
        {
            Kind = ai,
            Mode = parse.GetValue(Mode) ?? "replay",
            Endpoint = parse.GetValue(Endpoint),
            Deployment = parse.GetValue(Deployment),
            Model = parse.GetValue(Model),
            Prompt = parse.GetValue(Prompt),
            Store = parse.GetValue(Store) ?? ".mockgen/store",
            StoreGiven = parse.GetResult(Store) is { Implicit: false },
            AzureConnectionString = parse.GetValue(AzureStore.ConnectionString),
            AzureBlobUri = parse.GetValue(AzureStore.BlobUri),
            AzureTableUri = parse.GetValue(AzureStore.TableUri),
            Budget = parse.GetValue(Budget),
            Profile = parse.GetValue(Profile),
            ScenarioMatrix = parse.GetValue(ScenarioMatrix),
            ScenarioFile = parse.GetValue(ScenarioFile),
        };
}
