using System.CommandLine;
using System.Globalization;
using MockGen.Cli.Pull;

namespace MockGen.Cli.Commands;

/// <summary>
/// <c>mockgen pull</c>: downloads a sealed run's dataset from a MockGen server (<c>serve</c> or the Functions app),
/// verified shard by shard against the manifest's SHA-256, resumable, and cached by ETag.
/// </summary>
internal static class PullCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new Option<string>("--server") { Description = "The MockGen API's base URL (mockgen serve, or the Functions app). Default: $MOCKGEN_SERVER." };
        var tenant = new Option<string>("--tenant") { Description = "The tenant whose run to pull.", Required = true };
        var run = new Option<string?>("--run") { Description = "The run id to pull." };
        var contract = new Option<string?>("--contract") { Description = "Pull the latest finished run of this contract (with --latest)." };
        var version = new Option<string?>("--version") { Description = "With --contract: only runs of this contract version (sha256:...)." };
        var latest = new Option<bool>("--latest") { Description = "With --contract: the most recently started finished run." };
        var target = new Option<string[]>("--target") { Description = "Only shards of this target id (#/components/schemas/Pet); repeatable.", AllowMultipleArgumentsPerToken = false };
        var variant = new Option<string[]>("--variant") { Description = "Only shards of this variant; repeatable.", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--out") { Description = "A folder (manifest.json and shards/), or a .ndjson/.jsonl file (the shards concatenated; its cache sits in .mockgen-pull/ beside it).", Required = true };
        var contractOutput = new Option<string?>("--contract-out") { Description = "Also write the run's contract version to this file (for mockgen validate)." };
        var attempts = new Option<int>("--attempts") { Description = "Attempts per shard; each resumes where the last one was cut.", DefaultValueFactory = _ => 5 };
        var scope = new Option<string>("--scope") { Description = "The Entra ID scope DefaultAzureCredential asks for when neither MOCKGEN_API_KEY nor MOCKGEN_ACCESS_TOKEN is set.", DefaultValueFactory = _ => "api://mockgen/.default" };

        var command = new Command("pull", "Download a run's dataset from a MockGen server: every shard is verified against the manifest's SHA-256, "
            + "a cut download resumes where it stopped, and a second pull of an unchanged run transfers nothing (ETag). "
            + "Authenticates with $MOCKGEN_API_KEY, else the Entra ID access token in $MOCKGEN_ACCESS_TOKEN, else one from DefaultAzureCredential.")
        {
            server, tenant, run, contract, version, latest, target, variant, output, contractOutput, attempts, scope,
        };
        CliHelp.SetExamples(
            command,
            "# One run's whole dataset into one NDJSON file, and its contract beside it",
            "MOCKGEN_API_KEY=... mockgen pull --server http://127.0.0.1:5080 --tenant acme --run r1234 --out dataset.ndjson --contract-out payments-api.yaml",
            "# The latest finished run of a contract, typical payloads only, as shards in a folder",
            "mockgen pull --server https://func-mockgen.azurewebsites.net --tenant acme --contract payments-api.yaml --latest --variant typical --out .mockgen/pull",
            "# With an Entra ID token from the Azure CLI (what the Azure DevOps template does through a service connection)",
            "MOCKGEN_ACCESS_TOKEN=$(az account get-access-token --scope api://mockgen/.default --query accessToken -o tsv) mockgen pull --server $URL --tenant acme --run $RUN --out ds.ndjson",
            "# The CI gate: pull, then validate (exit 1 on any invalid record)",
            "mockgen pull --server $URL --tenant acme --run $RUN --out ds.ndjson --contract-out api.yaml && mockgen validate api.yaml ds.ndjson");

        command.SetAction(async (parse, cancellationToken) =>
        {
            var serverText = parse.GetValue(server) ?? Environment.GetEnvironmentVariable("MOCKGEN_SERVER");
            var runId = parse.GetValue(run);
            var contractName = parse.GetValue(contract);
            var problems = new List<string>();
            Uri? serverUri = null;
            if (string.IsNullOrEmpty(serverText))
            {
                problems.Add("--server: required (or set MOCKGEN_SERVER)");
            }
            else if (!Uri.TryCreate(serverText.EndsWith('/') ? serverText : serverText + "/", UriKind.Absolute, out serverUri) || serverUri.Scheme is not ("http" or "https"))
            {
                problems.Add($"--server: '{serverText}' is not an absolute http(s) URL");
            }

            if ((runId is null) == (contractName is null))
            {
                problems.Add("give either --run ID or --contract NAME --latest");
            }
            else if (contractName is not null && !parse.GetValue(latest))
            {
                problems.Add("--contract: add --latest to pull the most recent finished run of the contract (or name one with --run)");
            }
            else if (parse.GetValue(version) is { } v && contractName is null)
            {
                problems.Add($"--version {v}: only with --contract");
            }

            if (parse.GetValue(attempts) < 1)
            {
                problems.Add("--attempts: must be at least 1");
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await console.Error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
                }

                return ExitCodes.BadInput;
            }

            var request = new PullRequest
            {
                Server = serverUri!,
                Tenant = parse.GetValue(tenant)!,
                RunId = runId,
                Contract = contractName,
                Version = parse.GetValue(version),
                Targets = parse.GetValue(target) ?? [],
                Variants = parse.GetValue(variant) ?? [],
                Output = parse.GetValue(output)!,
                ContractOutput = parse.GetValue(contractOutput),
                Attempts = parse.GetValue(attempts),
                Scope = parse.GetValue(scope) ?? "api://mockgen/.default",
            };
            return await RunAsync(request, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(PullRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        // Shards are fetched as stored (gzip stays gzip and is verified as such), so no transparent decompression.
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { Timeout = TimeSpan.FromMinutes(10) };
        var puller = new DatasetPuller(http, PullCredentials.FromEnvironment(request.Scope), console.Error, console.IsErrorTerminal);
        PullSummary summary;
        try
        {
            summary = await puller.PullAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PullFailedException e)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"pulled run {summary.RunId} (manifest sha256:{summary.ManifestSha256}): {summary.Shards} shards, {summary.Payloads} records; "
            + $"{summary.Downloaded} downloaded ({summary.Resumed} resumed), {summary.Cached} already verified; {summary.Requests} requests, {summary.BodyBytes} body bytes; every shard matches the manifest's sha256"))
            .ConfigureAwait(false);
        if (summary.FailedPayloads > 0)
        {
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warning: {summary.FailedPayloads} of the records are error records (the run completed with errors)")).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
