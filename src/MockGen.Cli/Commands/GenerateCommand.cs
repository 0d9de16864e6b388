using System.CommandLine;
using System.Globalization;
using MockGen.Core.Contracts;
using MockGen.Core.Coverage;
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
        var variant = new Option<string>("--variant") { Description = "typical, minimal, maximal, boundary, negative, all (those five) or coverage (the fewest payloads that cover the contract; --count does not apply).", DefaultValueFactory = _ => "typical" };
        var tenant = new Option<string?>("--tenant") { Description = "The tenant written into tenant_id/tenantId/tenant properties and meta." };
        var environment = new Option<string?>("--env") { Description = "The environment recorded in meta (part of the seed)." };
        var runId = new Option<string?>("--run-id") { Description = "The test run id recorded in meta." };
        var locale = new Option<string>("--locale") { Description = "Locale of realistic values.", DefaultValueFactory = _ => "en" };
        var output = new Option<string>("--out") { Description = "Output file, or - for standard output.", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format") { Description = "ndjson (records with meta), json (one array of records) or payload (bare payloads).", DefaultValueFactory = _ => "ndjson" };
        // No default value: help must not print this machine's core count. Absent = 1 thread; bare --parallel = all cores.
        var parallel = new Option<int?>("--parallel") { Description = "Generate on N threads; --parallel alone uses all cores. Output is identical to a sequential run.", Arity = ArgumentArity.ZeroOrOne, HelpName = "N" };
        var profile = new Option<string?>("--profile") { Description = "A realism profile file (locale, realism, time window, per-property hints)." };
        // No default value: absent means the profile's "realism", else synthetic; help says so in words.
        var realism = new Option<string?>("--realism") { Description = "synthetic (default: reserved email domains, test cards, fictional phones and ids) or lifelike (everyday domains and numbers; secrets stay synthetic). Overrides the profile.", HelpName = "level" };

        var command = new Command("generate", "Generate realistic, schema-valid, reproducible payloads for a contract's targets. "
            + "Every payload passes the validator before it is written.")
        {
            contract, target, count, seed, variant, tenant, environment, runId, locale, output, format, parallel, profile, realism,
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
            "# The fewest payloads (greedy) covering every enum value, branch, optional property, bound and breakable keyword",
            "mockgen generate samples/payments-api.yaml --variant coverage --out .mockgen/coverage.ndjson",
            "# Round trip: what generate writes, validate accepts",
            "mockgen generate api.yaml --count 100 | mockgen validate api.yaml -",
            "# Lifelike personal data for a local demo (the default is synthetic: example.com, test cards, 555-01xx)",
            "mockgen generate api.yaml --realism lifelike",
            "# Enriched values replayed from the sample's committed cassette (offline, byte-identical every run)",
            "mockgen generate samples/payments-api.yaml --ai enrich --ai-deployment gpt-4o-mini --ai-store samples/ai-store",
            "# Record missing answers against Azure OpenAI (key in AZURE_OPENAI_API_KEY, or an Entra ID login)",
            "mockgen generate api.yaml --ai enrich --ai-mode record --ai-endpoint https://myres.openai.azure.com --ai-deployment gpt-4o-mini",
            "# Edge cases proposed by the model as the 'edge' variant (only the edge variant: --variant edge)",
            "mockgen generate api.yaml --ai edge --variant edge --ai-mode record --ai-deployment gpt-4o-mini",
            "# Two payloads per scenario of a test matrix, replayed from the sample's committed cassette (meta.scenario says which)",
            "mockgen generate samples/payments-api.yaml --target '#/components/schemas/Payment' --count 2 --ai scenarios \\",
            "  --prompt samples/ai-scenarios/payment-scenarios.prompt --scenarios samples/ai-scenarios/payment-matrix.json \\",
            "  --ai-deployment gpt-4o-mini --ai-store samples/ai-scenarios/store");

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
                Realism = parse.GetValue(realism),
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

        var isFolder = Directory.Exists(request.ContractPath);
        Contract? single = null;
        IReadOnlyList<ContractTarget>? singleTargets = null;
        var loader = new ContractLoader(request.LoaderOptions);
        if (!isFolder)
        {
            // One contract: when it does not load, or a requested target is unknown, nothing can be generated (exit 2).
            try
            {
                single = await loader.LoadAsync(request.ContractPath, cancellationToken).ConfigureAwait(false);
                singleTargets = request.Targets.Count == 0 ? single.Targets : [.. request.Targets.Select(single.GetTarget)];
            }
            catch (ContractException e)
            {
                await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitBadInput;
            }
        }

        // AI enrichment runs before generation and the gate, per contract; for one contract a problem here loses
        // nothing (no output opened yet), in a folder it costs only that contract.
        AiEnrichmentStep? ai = null;
        var singleGenerator = generator;
        try
        {
            if (request.Ai is { } aiRequest)
            {
                ai = await AiEnrichmentStep.CreateAsync(aiRequest, options.Tenant, cancellationToken).ConfigureAwait(false);
                if (single is not null)
                {
                    singleGenerator = new DatasetGenerator(await ai.EnrichAsync(generator, options, single, singleTargets!, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        catch (Exception e) when (e is CliException or GenerationException)
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

        var run = new FolderRun();
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
                try
                {
                    if (single is not null)
                    {
                        run.Loaded++;
                        Generate(singleGenerator, single, singleTargets!, writer, console, showProgress, run, options, cancellationToken);
                    }
                    else
                    {
                        await GenerateFolderAsync(loader, request, generator, ai, writer, console, showProgress, run, options, stderr, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    // Whatever stopped the run, what was already gated is flushed, never dropped with the buffer.
                    CompleteQuietly(writer);
                }
            }
        }
        catch (ContractException e)
        {
            // The folder itself is unusable (missing, or without contract files): nothing was loaded.
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitBadInput;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"error: {request.Output}: writing failed: {e.Message}").ConfigureAwait(false);
            return ExitBadInput;
        }

        WriteSummary(console, run);
        ai?.WriteSummary(stderr, run.Summaries);
        if (run.Loaded == 0)
        {
            return ExitBadInput;
        }

        return run.LoadFailures.Count > 0 || run.UnknownTargets.Count > 0 || run.Summaries.Any(s => s.Failure is not null) ? ExitTargetFailed : ExitOk;
    }

    private static void CompleteQuietly(DatasetWriter writer)
    {
        try
        {
            writer.Complete();
        }
        catch (IOException)
        {
            // The output itself failed; the caller reports the first error.
        }
    }

    /// <summary>
    /// A folder run: contracts are generated and dropped one at a time in folder order, the next one loaded meanwhile
    /// (memory is that of the largest two contracts), and a contract that does not load is reported on stderr and as an error record, never aborting the rest.
    /// </summary>
    private static async Task GenerateFolderAsync(
        ContractLoader loader, GenerateRequest request, DatasetGenerator generator, AiEnrichmentStep? ai, DatasetWriter writer, IAnsiConsole console, bool showProgress,
        FolderRun run, GenerationOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in ContractReadAhead.ReadAheadAsync(loader.EnumerateFolderAsync(request.ContractPath, cancellationToken), entry => PrepareTargets(entry, request.Targets), cancellationToken).ConfigureAwait(false))
        {
            if (entry.Contract is not { } contract)
            {
                var message = entry.Failure!.Error.Message;
                run.LoadFailures.Add((entry.Name, message));
                await stderr.WriteLineAsync("error: " + message).ConfigureAwait(false);
                writer.WriteError(new DatasetError(entry.Name, null, null, null, null, options.Seed, options.Tenant, options.Environment, options.TestRunId, message, TargetFailureKinds.Invalid, null));
                continue;
            }

            run.Loaded++;
            IReadOnlyList<ContractTarget> targets = contract.Targets;
            if (request.Targets.Count > 0)
            {
                var matched = request.Targets.Select(id => (Id: id, Target: contract.FindTarget(id))).Where(t => t.Target is not null).ToList();
                found.UnionWith(matched.Select(t => t.Id));
                targets = [.. matched.Select(t => t.Target!)];
            }

            if (targets.Count == 0)
            {
                continue;
            }

            var contractGenerator = generator;
            if (ai is not null)
            {
                try
                {
                    contractGenerator = new DatasetGenerator(await ai.EnrichAsync(generator, options, contract, targets, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is CliException or GenerationException)
                {
                    // Enrichment failing for one contract (say, no cassette entry in replay) costs that contract only.
                    var message = contract.Name + ": " + e.Message;
                    run.LoadFailures.Add((contract.Name, message));
                    await stderr.WriteLineAsync("error: " + message).ConfigureAwait(false);
                    writer.WriteError(new DatasetError(contract.Name, contract.Version, null, null, null, options.Seed, options.Tenant, options.Environment, options.TestRunId, message, TargetFailureKinds.Invalid, null));
                    continue;
                }
            }

            Generate(contractGenerator, contract, targets, writer, console, showProgress, run, options, cancellationToken);
        }

        foreach (var id in request.Targets.Where(id => !found.Contains(id)))
        {
            run.UnknownTargets.Add(id);
            await stderr.WriteLineAsync($"error: --target {id}: no contract in {request.ContractPath} has this target (list them with: mockgen inspect <file>)").ConfigureAwait(false);
        }
    }

    // Compiles, ahead of its turn, the targets a folder run will generate from the entry's contract. A target that does
    // not compile is left alone: generating it compiles it again and reports the error in order.
    private static void PrepareTargets(ContractFolderEntry entry, IReadOnlyList<string> requested)
    {
        if (entry.Contract is not { } contract)
        {
            return;
        }

        var targets = requested.Count == 0 ? contract.Targets : [.. requested.Select(contract.FindTarget).OfType<ContractTarget>()];
        foreach (var target in targets)
        {
            try
            {
                contract.Compile(target);
            }
            catch (ContractException)
            {
            }
        }
    }

    private static void Generate(
        DatasetGenerator generator, Contract contract, IReadOnlyList<ContractTarget> targets, DatasetWriter writer, IAnsiConsole console, bool showProgress,
        FolderRun run, GenerationOptions options, CancellationToken cancellationToken)
    {
        if (showProgress)
        {
            console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask(Markup.Escape(contract.Name), maxValue: Math.Max(1, options.Count * targets.Count * options.Variants.Count));
                run.Summaries.AddRange(generator.Generate(contract, targets, writer, p => task.Value = p.Done, cancellationToken));
            });
        }
        else
        {
            run.Summaries.AddRange(generator.Generate(contract, targets, writer, null, cancellationToken));
        }
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
            problems.Add($"--variant: '{request.Variant}' is not one of typical, minimal, maximal, boundary, negative, all, coverage");
        }

        if (variants.Contains(GenerationVariant.Edge) && request.Ai?.Kind != "edge")
        {
            problems.Add("--variant: edge holds a model's edge-case proposals; use it with --ai edge");
        }

        if (request.Ai?.Kind == "scenarios" && !string.Equals(request.Variant, "typical", StringComparison.OrdinalIgnoreCase))
        {
            // Scenario payloads are the model's candidates repaired over each index's typical payload: no other variant applies.
            problems.Add($"--variant: '{request.Variant}' does not apply to --ai scenarios, which generates --count payloads per scenario from the typical variant; drop --variant");
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

        MockGen.Core.Generation.Realism.RealismLevel? level = null;
        if (request.Realism is { } realismText)
        {
            if (MockGen.Core.Generation.Realism.RealismProfile.TryParseLevel(realismText, out var parsed))
            {
                level = parsed;
            }
            else
            {
                problems.Add($"--realism: '{realismText}' is not one of synthetic, lifelike");
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
            Realism = level,
            Parallelism = Math.Max(1, request.Parallelism),
        };
        foreach (var problem in problems)
        {
            stderr.WriteLine("error: " + problem);
        }

        return problems.Count == 0;
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

    private static void WriteSummary(IAnsiConsole console, FolderRun run)
    {
        // Failing indexes named per target and variant; beyond this many, only counted.
        const int ListedPerTarget = 5;
        var summaries = run.Summaries;
        SummaryTable.Write(
            console,
            ["contract", "target", "variant", "count", "retries", "failures", "payloads/s"],
            [.. summaries.Select(s => new[]
            {
                s.Contract,
                s.TargetName,
                s.Variant.ToName(),
                s.Generated.ToString(CultureInfo.InvariantCulture),
                s.Retries.ToString(CultureInfo.InvariantCulture),
                Math.Max(s.Failed, s.Failure is null ? 0 : 1).ToString(CultureInfo.InvariantCulture),
                s.PayloadsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            })],
            noWrap: 1);
        var red = new Style(Color.Red);
        foreach (var (name, message) in run.LoadFailures)
        {
            console.WriteLine($"{name}: not loaded: {message}", red);
        }

        foreach (var s in summaries.Where(s => s.Failure is not null))
        {
            foreach (var f in s.Failures.Take(ListedPerTarget))
            {
                console.WriteLine($"{s.Contract} {s.Target} ({s.Variant.ToName()}): {f.Describe()}", red);
            }

            var unlisted = Math.Max(s.Failed, s.Failures.Count) - Math.Min(ListedPerTarget, s.Failures.Count);
            var rest = new List<string>();
            if (unlisted > 0)
            {
                rest.Add(string.Create(CultureInfo.InvariantCulture, $"{unlisted} more failing indexes"));
            }

            if (s.Skipped > 0)
            {
                rest.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Skipped} indexes not attempted"));
            }

            if (rest.Count > 0)
            {
                console.WriteLine($"{s.Contract} {s.Target} ({s.Variant.ToName()}): {string.Join(", ", rest)}", red);
            }
        }

        WriteCoverage(console, summaries);
        if (run.LoadFailures.Count > 0 || run.Loaded > 1)
        {
            var complete = summaries.Count(s => s.Failure is null);
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{run.Loaded + run.LoadFailures.Count} contracts: {run.Loaded} loaded, {run.LoadFailures.Count} not loaded; {summaries.Count} target runs: {complete} complete, {summaries.Count - complete} with failures"));
        }
    }

    // The coverage variant's account: how many payloads were needed, what they cover, and each item left out with why.
    private static void WriteCoverage(IAnsiConsole console, IReadOnlyList<TargetRunSummary> summaries)
    {
        const int ListedPerTarget = 5;
        foreach (var s in summaries)
        {
            if (s.Coverage is not { } c)
            {
                continue;
            }

            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{s.Contract} {s.TargetName} (coverage): {s.Generated} payloads ({c.Payloads} valid, {c.NegativePayloads} negative) of {s.Candidates} tried cover {c.Covered}/{c.Total} reachable items ({c.Ratio:P1}); {c.NotReachable.Count} not reachable, {c.Uncovered.Count} not covered{(c.Truncated ? "; model truncated at its size bound" : string.Empty)}"));
            var shortfalls = c.Shortfalls();
            if (shortfalls.Count > 0)
            {
                console.WriteLine("  left out: " + string.Join(", ", shortfalls.Select(f => string.Create(CultureInfo.InvariantCulture, $"{CoverageCategoryNames.ToName(f.Category)} {f.Count} {f.Kind}"))));
            }

            foreach (var item in c.NotReachable.Take(ListedPerTarget))
            {
                console.WriteLine($"  not reachable {item.SchemaLocation} {item.Description}: {item.NotReachable}");
            }

            foreach (var item in c.Uncovered.Take(ListedPerTarget))
            {
                console.WriteLine($"  not covered {item.SchemaLocation} {item.Description}: {item.NotCovered ?? "not reached by any payload tried"}");
            }

            var more = Math.Max(0, c.NotReachable.Count - ListedPerTarget) + Math.Max(0, c.Uncovered.Count - ListedPerTarget);
            if (more > 0)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {more} more (mockgen report lists them all)"));
            }
        }
    }

    /// <summary>What a run did, across the contracts of a folder.</summary>
    private sealed class FolderRun
    {
        public List<TargetRunSummary> Summaries { get; } = [];

        public List<(string Name, string Message)> LoadFailures { get; } = [];

        public List<string> UnknownTargets { get; } = [];

        public int Loaded { get; set; }
    }
}
