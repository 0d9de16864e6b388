using System.CommandLine;
using System.Globalization;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Schema;
using Spectre.Console;

namespace MockGen.Cli.Commands;

/// <summary><c>mockgen generate</c>: datasets of gated payloads for a contract's targets.</summary>
internal static class GenerateCommand
{
    private const int ExitOk = ExitCodes.Success;
    private const int ExitTargetFailed = ExitCodes.Failure;
    private const int ExitBadInput = ExitCodes.BadInput;

    public static Command Create(CliConsole console)
    {
        var contract = new Argument<string>("contract") { Description = "A contract file (OpenAPI 2.0/3.0/3.1 or JSON Schema, JSON or YAML) or a folder of contracts." };
        var target = new Option<string[]>("--target") { Description = "A target id (#/components/schemas/Pet) or friendly name; repeat for several. Default: every target.", AllowMultipleArgumentsPerToken = false };
        var count = new Option<long>("--count") { Description = "Payloads per target and variant.", DefaultValueFactory = _ => 10 };
        var seed = new Option<string>("--seed") { Description = "The run's seed: same inputs and seed give the same bytes on any machine.", DefaultValueFactory = _ => "0" };
        var variant = new Option<string>("--variant") { Description = "typical, minimal, maximal, boundary, negative or all.", DefaultValueFactory = _ => "typical" };
        var tenant = new Option<string?>("--tenant") { Description = "The tenant written into tenant_id/tenantId/tenant properties and meta." };
        var environment = new Option<string?>("--env") { Description = "The environment recorded in meta (part of the seed)." };
        var runId = new Option<string?>("--run-id") { Description = "The test run id recorded in meta." };
        var locale = new Option<string>("--locale") { Description = "Locale of realistic values.", DefaultValueFactory = _ => "en" };
        var output = new Option<string>("--out") { Description = "Output file, or - for standard output.", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format") { Description = "ndjson (records with meta), json (one array of records) or payload (bare payloads).", DefaultValueFactory = _ => "ndjson" };
        // No default value: help must not print this machine's core count. Absent = 1 thread; bare --parallel = all cores.
        var parallel = new Option<int?>("--parallel") { Description = "Generate on N threads; --parallel alone uses all cores. Output is identical to a sequential run.", Arity = ArgumentArity.ZeroOrOne, HelpName = "N" };
        var profile = new Option<string?>("--profile") { Description = "A realism profile file (locale, time window, per-property hints)." };

        var command = new Command("generate", "Generate realistic, schema-valid, reproducible payloads for a contract's targets. "
            + "Every payload passes the validator before it is written.")
        {
            contract, target, count, seed, variant, tenant, environment, runId, locale, output, format, parallel, profile,
        };
        var contractOptions = new ContractOptions();
        contractOptions.AddTo(command);
        var aiOptions = new AiOptions();
        aiOptions.AddTo(command);
        CliHelp.SetExamples(
            command,
            "# Five payloads per target of the sample payments API",
            "mockgen generate samples/payments-api.yaml --count 5 --out .mockgen/payments.ndjson",
            "# Every variant of one target, for tenant acme, on all cores",
            "mockgen generate api.yaml --target '#/components/schemas/Payment' --variant all --tenant acme --parallel",
            "# Round trip: what generate writes, validate accepts",
            "mockgen generate api.yaml --count 100 | mockgen validate api.yaml -",
            "# Enriched values replayed from the sample's committed cassette (offline, byte-identical every run)",
            "mockgen generate samples/payments-api.yaml --ai enrich --ai-deployment gpt-4o-mini --ai-store samples/ai-store",
            "# Record missing answers against Azure OpenAI (key in AZURE_OPENAI_API_KEY, or an Entra ID login)",
            "mockgen generate api.yaml --ai enrich --ai-mode record --ai-endpoint https://myres.openai.azure.com --ai-deployment gpt-4o-mini");

        command.SetAction((parse, cancellationToken) =>
        {
            var request = new GenerateRequest
            {
                ContractPath = parse.GetValue(contract)!,
                Targets = parse.GetValue(target) ?? [],
                Count = parse.GetValue(count),
                Seed = parse.GetValue(seed) ?? "0",
                Variant = parse.GetValue(variant) ?? "typical",
                Tenant = parse.GetValue(tenant),
                Environment = parse.GetValue(environment),
                RunId = parse.GetValue(runId),
                Locale = parse.GetValue(locale) ?? "en",
                Output = parse.GetValue(output) ?? "-",
                Format = parse.GetValue(format) ?? "ndjson",
                Parallelism = parse.GetResult(parallel) is null ? 1 : parse.GetValue(parallel) ?? Environment.ProcessorCount,
                Profile = parse.GetValue(profile),
                LoaderOptions = contractOptions.ToLoaderOptions(parse),
                Ai = aiOptions.ToRequest(parse),
            };
            return RunAsync(request, console, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(GenerateRequest request, CliConsole cli, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cli);
        var stdout = cli.Out;
        var stderr = cli.Error;
        if (!TryParseRequest(request, stderr, out var options, out var outputFormat))
        {
            return ExitBadInput;
        }

        List<Contract> contracts;
        var badInput = false;
        try
        {
            (contracts, badInput) = await LoadContractsAsync(request.ContractPath, request.LoaderOptions, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }

        List<(Contract Contract, IReadOnlyList<ContractTarget> Targets)> plan;
        try
        {
            plan = PlanTargets(contracts, request.Targets);
        }
        catch (ContractException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }

        DatasetGenerator generator;
        try
        {
            generator = new DatasetGenerator(options);
        }
        catch (GenerationException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }

        // AI enrichment runs before generation and the gate, per contract; a problem here loses nothing (no output opened yet).
        AiEnrichmentStep? ai = null;
        var generators = new List<DatasetGenerator>();
        try
        {
            if (request.Ai is { } aiRequest)
            {
                ai = AiEnrichmentStep.Create(aiRequest, options.Tenant);
                foreach (var (contract, targets) in plan)
                {
                    generators.Add(new DatasetGenerator(await ai.EnrichAsync(generator, options, contract, targets, cancellationToken).ConfigureAwait(false)));
                }
            }
            else
            {
                generators.AddRange(plan.Select(_ => generator));
            }
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }
        catch (GenerationException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }

        Stream stream;
        try
        {
            stream = OpenOutput(request.Output, stdout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"error: {request.Output}: cannot write the output: {e.Message}").ConfigureAwait(false);
            return ExitBadInput;
        }

        var summaries = new List<TargetRunSummary>();
        var console = cli.CreateRichError();
        var showProgress = cli.IsErrorTerminal;
        if (!showProgress)
        {
            // Redirected output has no width; a wide fixed one keeps target names on one line in logs.
            console.Profile.Width = 240;
        }

        try
        {
            await using (stream.ConfigureAwait(false))
            {
                using var writer = new DatasetWriter(stream, outputFormat);
                foreach (var ((contract, targets), contractGenerator) in plan.Zip(generators))
                {
                    if (showProgress)
                    {
                        console.Progress().AutoClear(true).Start(context =>
                        {
                            var task = context.AddTask(Markup.Escape(contract.Name), maxValue: Math.Max(1, options.Count * targets.Count * options.Variants.Count));
                            summaries.AddRange(contractGenerator.Generate(contract, targets, writer, p => task.Value = p.Done, cancellationToken));
                        });
                    }
                    else
                    {
                        summaries.AddRange(contractGenerator.Generate(contract, targets, writer, null, cancellationToken));
                    }
                }

                writer.Complete();
            }
        }
        catch (GenerationException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }
        catch (MockGen.Core.Generation.Realism.RealismConfigurationException e)
        {
            // A malformed x-mockgen hint in the contract: bad input, named by its schema pointer.
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"error: {request.Output}: writing failed: {e.Message}").ConfigureAwait(false);
            return ExitBadInput;
        }

        WriteSummary(console, summaries);
        ai?.WriteSummary(stderr);
        if (badInput)
        {
            return ExitBadInput;
        }

        return summaries.Any(s => s.Failure is not null) ? ExitTargetFailed : ExitOk;
    }

    private static bool TryParseRequest(GenerateRequest request, TextWriter stderr, out GenerationOptions options, out OutputFormat format)
    {
        var problems = new List<string>();
        IReadOnlyList<GenerationVariant> variants = [];
        if (string.Equals(request.Variant, "all", StringComparison.OrdinalIgnoreCase))
        {
            variants = GenerationVariantNames.All;
        }
        else if (GenerationVariantNames.TryParse(request.Variant, out var single))
        {
            variants = [single];
        }
        else
        {
            problems.Add($"--variant: '{request.Variant}' is not one of typical, minimal, maximal, boundary, negative, all");
        }

        format = OutputFormat.Ndjson;
        switch (request.Format.ToUpperInvariant())
        {
            case "NDJSON":
                format = OutputFormat.Ndjson;
                break;
            case "JSON":
                format = OutputFormat.Json;
                break;
            case "PAYLOAD":
                format = OutputFormat.Payload;
                break;
            default:
                problems.Add($"--format: '{request.Format}' is not one of ndjson, json, payload");
                break;
        }

        if (request.Count < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--count: must be 0 or more (was {request.Count})"));
        }

        if (request.Parallelism < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--parallel: must be at least 1 (was {request.Parallelism})"));
        }

        MockGen.Core.Generation.Realism.RealismProfile? realismProfile = null;
        if (request.Profile is { } profile)
        {
            try
            {
                realismProfile = MockGen.Core.Generation.Realism.RealismProfile.Load(profile);
            }
            catch (MockGen.Core.Generation.Realism.RealismConfigurationException e)
            {
                problems.Add("--profile: " + e.Message);
            }
        }

        options = new GenerationOptions
        {
            Seed = request.Seed,
            Count = request.Count,
            Variants = variants,
            Tenant = request.Tenant,
            Environment = request.Environment,
            TestRunId = request.RunId,
            Locale = request.Locale,
            Profile = realismProfile,
            Parallelism = Math.Max(1, request.Parallelism),
        };
        foreach (var problem in problems)
        {
            stderr.WriteLine("error: " + problem);
        }

        return problems.Count == 0;
    }

    private static async Task<(List<Contract> Contracts, bool BadInput)> LoadContractsAsync(string path, ContractLoaderOptions? options, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loader = new ContractLoader(options);
        if (!Directory.Exists(path))
        {
            return ([await loader.LoadAsync(path, cancellationToken).ConfigureAwait(false)], false);
        }

        var folder = await loader.LoadFolderAsync(path, cancellationToken).ConfigureAwait(false);
        foreach (var failure in folder.Failures)
        {
            await stderr.WriteLineAsync("error: " + failure.Error.Message).ConfigureAwait(false);
        }

        return ([.. folder.Contracts], folder.Failures.Count > 0);
    }

    private static List<(Contract, IReadOnlyList<ContractTarget>)> PlanTargets(List<Contract> contracts, IReadOnlyList<string> requested)
    {
        var plan = new List<(Contract, IReadOnlyList<ContractTarget>)>();
        if (requested.Count == 0)
        {
            plan.AddRange(contracts.Select(c => (c, c.Targets)));
            return plan;
        }

        if (contracts.Count == 1)
        {
            plan.Add((contracts[0], [.. requested.Select(contracts[0].GetTarget)]));
            return plan;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            var targets = requested.Select(id => (Id: id, Target: contract.FindTarget(id))).Where(t => t.Target is not null).ToList();
            found.UnionWith(targets.Select(t => t.Id));
            if (targets.Count > 0)
            {
                plan.Add((contract, [.. targets.Select(t => t.Target!)]));
            }
        }

        foreach (var id in requested)
        {
            if (!found.Contains(id))
            {
                // Reuse the loader's message (with its suggestions) by asking the first contract.
                contracts.FirstOrDefault()?.GetTarget(id);
            }
        }

        return plan;
    }

    private static Stream OpenOutput(string output, TextWriter stdout)
    {
        if (output == "-")
        {
            return ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput() : new TextWriterStream(stdout);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    private static void WriteSummary(IAnsiConsole console, List<TargetRunSummary> summaries)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("contract", "target", "variant", "count", "retries", "failures", "payloads/s");
        table.Columns[1].NoWrap();
        foreach (var s in summaries)
        {
            table.AddRow(
                Markup.Escape(s.Contract),
                Markup.Escape(s.TargetName),
                s.Variant.ToName(),
                s.Generated.ToString(CultureInfo.InvariantCulture),
                s.Retries.ToString(CultureInfo.InvariantCulture),
                s.Failure is null ? "0" : "1",
                s.PayloadsPerSecond.ToString("F0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var s in summaries.Where(s => s.Failure is not null))
        {
            var f = s.Failure!;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Contract} {s.Target} ({s.Variant.ToName()}): {f.Kind} at {f.SchemaLocation} (index {f.Index}): {f.Reason}"), new Style(Color.Red));
        }
    }
}
