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
            + "per target as the 'edge' variant, repaired and gated. Every payload is still gated.",
        HelpName = "enrich|edge",
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
        Description = "A prompt template file (system part, a '---' line, user part; {{name}} parameters) or a built-in "
            + "name. Default: enrich-values.",
        HelpName = "file|name",
    };

    public Option<string> Store { get; } = new("--ai-store")
    {
        Description = "The local store folder holding cassettes (ai-cassettes/{tenant}/).",
        HelpName = "folder",
        DefaultValueFactory = _ => ".mockgen/store",
    };

    public Option<long?> Budget { get; } = new("--ai-budget")
    {
        Description = "Token budget for the run; once spent, enrichment stops and generation continues deterministically.",
        HelpName = "tokens",
    };

    public Option<string?> Profile { get; } = new("--ai-profile")
    {
        Description = "A tenant profile (mockgen.profile.json) whose ai section governs the run: enabled, deployment "
            + "allow-list, temperature, tokens per request, budget per run, PII policy, deny-list, cost table.",
        HelpName = "file",
    };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[Ai, Mode, Endpoint, Deployment, Model, Prompt, Store, Budget, Profile])
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
            Budget = parse.GetValue(Budget),
            Profile = parse.GetValue(Profile),
        };
}
