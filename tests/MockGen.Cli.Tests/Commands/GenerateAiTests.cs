using MockGen.Cli.Commands;
using MockGen.Core.Tests.Contracts;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>mockgen generate --ai enrich</c> against the loopback Azure OpenAI fake, then offline from the cassette.</summary>
public sealed class GenerateAiTests
{
    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    // Records an enriched generation of the sample (seed 3) against the fake into the store folder, in process.
    private static async Task<(int ExitCode, string Error)> RecordAsync(FakeAzureOpenAIServer fake, string store, string output, int count, string kind = "enrich", string variant = "typical")
    {
        var request = new GenerateRequest
        {
            ContractPath = Sample,
            Count = count,
            Seed = "3",
            Variant = variant,
            Output = output,
            Ai = new AiRequest { Kind = kind, Mode = "record", Endpoint = fake.Endpoint.ToString(), ApiKey = fake.ApiKey, Deployment = "gpt-4o-mini", Store = store },
        };
        var error = new StringWriter();
        var exit = await GenerateCommand.RunAsync(request, new CliConsole(new StringWriter(), error, () => Stream.Null), CancellationToken.None);
        return (exit, error.ToString());
    }

    [Fact]
    public async Task Generate_RecordThenReplayWithTheFakeStopped_WritesIdenticalBytes()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var recorded = Path.Combine(folder.Path, "recorded.ndjson");
        var replayed = Path.Combine(folder.Path, "replayed.ndjson");
        await using var fake = await FakeAzureOpenAIServer.StartAsync();

        var (record, error) = await RecordAsync(fake, store, recorded, count: 5);
        await fake.StopAsync();
        var replay = await CliRun.RunAsync(["generate", Sample, "--count", "5", "--seed", "3", "--out", replayed, "--ai", "enrich", "--ai-deployment", "gpt-4o-mini", "--ai-store", store]);

        Assert.True(record == 0, error);
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.NotEmpty(fake.Requests);
        Assert.Equal(File.ReadAllBytes(recorded), File.ReadAllBytes(replayed));
        Assert.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", File.ReadAllText(replayed), StringComparison.Ordinal);
        Assert.Contains("ai (replay, prompt enrich-values", replay.Error, StringComparison.Ordinal);
        Assert.Matches(@"\d+ accepted, \d+ repaired, 0 rejected", replay.Error);
        // Record probed every target and stored its plan beside the cassette; the replay probed none.
        Assert.Contains("target plans: 0 stored, 23 probed", error, StringComparison.Ordinal);
        Assert.Contains("target plans: 23 stored, 0 probed", replay.Error, StringComparison.Ordinal);

        var validate = await CliRun.RunAsync(["validate", Sample, replayed]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task Generate_ExplicitAiStore_BeatsAStorageConnectionStringLeftInTheEnvironment()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var recorded = Path.Combine(folder.Path, "recorded.ndjson");
        var replayed = Path.Combine(folder.Path, "replayed.ndjson");
        await using var fake = await FakeAzureOpenAIServer.StartAsync();
        var (record, error) = await RecordAsync(fake, store, recorded, count: 2);
        Assert.True(record == 0, error);
        await fake.StopAsync();

        // A child process, so the variable (a serve session's, here unusable) reaches only this run.
        var replay = await Tool.ChildProcess.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "mockgen.dll"), "generate", Sample, "--count", "2", "--seed", "3", "--out", replayed, "--ai", "enrich", "--ai-deployment", "gpt-4o-mini", "--ai-store", store],
            folder.Path,
            new Dictionary<string, string> { ["MOCKGEN_STORAGE_CONNECTION_STRING"] = "DefaultEndpointsProtocol=http;AccountName=nobody;AccountKey=not-base64!" });

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Equal(File.ReadAllBytes(recorded), File.ReadAllBytes(replayed));
    }

    [Fact]
    public async Task Generate_ReplayWithoutCassette_ExitsTwoNamingTheKeyAndWritesNothing()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "out.ndjson");

        var run = await CliRun.RunAsync(["generate", Sample, "--out", output, "--ai", "enrich", "--ai-deployment", "gpt-4o-mini", "--ai-store", Path.Combine(folder.Path, "empty")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"error: ai-cassettes/default/[0-9a-f]{64}\.json: no cassette entry for prompt 'enrich-values' on deployment 'gpt-4o-mini' \(key sha256:[0-9a-f]{64}\)", run.Error);
        Assert.Contains("--ai-mode record", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Generate_FolderWithoutCassetteForOneContract_ReportsItAndGeneratesTheRest()
    {
        using var folder = new TempFolder();
        var contracts = Path.Combine(folder.Path, "contracts");
        Directory.CreateDirectory(contracts);
        File.Copy(Sample, Path.Combine(contracts, "payments-api.yaml"));
        File.WriteAllText(Path.Combine(contracts, "count.json"), """{ "type": "integer", "minimum": 1 }""");
        var output = Path.Combine(folder.Path, "out.ndjson");

        var run = await CliRun.RunAsync(["generate", contracts, "--count", "2", "--out", output, "--ai", "enrich", "--ai-deployment", "gpt-4o-mini", "--ai-store", Path.Combine(folder.Path, "empty")]);

        // The payments contract needs a cassette entry it does not have: an error record and exit 1, never an abort;
        // count.json has no free string leaf, so it needs no model call and is generated.
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("no cassette entry", run.Error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Contains(lines, l => l.Contains("\"error\":", StringComparison.Ordinal) && l.Contains("payments-api.yaml", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains("\"contract\":\"count.json\"", StringComparison.Ordinal) && l.Contains("\"payload\":", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("\"contract\":\"payments-api.yaml\"", StringComparison.Ordinal) && l.Contains("\"payload\":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_EdgeRecordThenReplayWithTheFakeStopped_IdenticalGatedAndCounted()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var recorded = Path.Combine(folder.Path, "recorded.ndjson");
        var replayed = Path.Combine(folder.Path, "replayed.ndjson");
        await using var fake = await FakeAzureOpenAIServer.StartAsync();

        var (record, error) = await RecordAsync(fake, store, recorded, count: 10, kind: "edge", variant: "edge");
        await fake.StopAsync();
        var replay = await CliRun.RunAsync(["generate", Sample, "--count", "10", "--seed", "3", "--variant", "edge", "--out", replayed, "--ai", "edge", "--ai-deployment", "gpt-4o-mini", "--ai-store", store]);

        Assert.True(record == 0, error);
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.NotEmpty(fake.Requests);
        Assert.All(fake.Requests, r => Assert.Contains("valid but tricky", r.Body, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(recorded), File.ReadAllBytes(replayed));
        Assert.Contains("\"variant\":\"edge\"", File.ReadAllText(replayed), StringComparison.Ordinal);
        Assert.Contains("ai (replay, prompt edge-cases", replay.Error, StringComparison.Ordinal);
        Assert.Matches(@"ai edge: [1-9]\d* payload\(s\) proposed; gate: \d+ accepted, \d+ repaired \(\d+ value\(s\) regenerated\), \d+ rejected", replay.Error);

        var validate = await CliRun.RunAsync(["validate", Sample, replayed]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Theory]
    [InlineData(new[] { "--ai", "dream", "--ai-deployment", "d" }, "error: --ai: 'dream' is not available")]
    [InlineData(new[] { "--variant", "edge" }, "error: --variant: edge holds a model's edge-case proposals; use it with --ai edge")]
    [InlineData(new[] { "--ai", "enrich" }, "error: --ai-deployment: required with --ai")]
    [InlineData(new[] { "--ai", "enrich", "--ai-deployment", "d", "--ai-mode", "tape" }, "error: --ai-mode: 'tape' is not one of replay, record, live")]
    [InlineData(new[] { "--ai", "enrich", "--ai-deployment", "d", "--ai-mode", "record", "--ai-endpoint", "not a uri" }, "error: --ai-endpoint: record mode calls Azure OpenAI")]
    [InlineData(new[] { "--ai", "enrich", "--ai-deployment", "d", "--prompt", "missing.txt" }, "error: --prompt: 'missing.txt' is neither a file, nor a prompt in the registry of tenant default")]
    public async Task Generate_BadAiOptions_ExitTwoWithTheRule(string[] ai, string expected)
    {
        var run = await CliRun.RunAsync(["generate", Sample, "--count", "1", .. ai]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Generate_AiProfile_EnforcesTheTenantsAllowList()
    {
        using var folder = new TempFolder();
        var profile = folder.Write("mockgen.profile.json", """{"ai":{"enabled":true,"deployments":["gpt-4o-mini"]}}""");
        var disabled = folder.Write("off.json", "{}");

        var refused = await CliRun.RunAsync(["generate", Sample, "--count", "1", "--ai", "enrich", "--ai-profile", profile, "--ai-deployment", "gpt-4o"]);
        var off = await CliRun.RunAsync(["generate", Sample, "--count", "1", "--ai", "enrich", "--ai-profile", disabled, "--ai-deployment", "gpt-4o"]);
        var allowed = await CliRun.RunAsync(["generate", Sample, "--count", "1", "--ai", "enrich", "--ai-profile", profile, "--ai-store", Path.Combine(AppContext.BaseDirectory, "Samples", "ai-store")]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("deployment 'gpt-4o' is not in the tenant's allow-list (gpt-4o-mini)", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, off.ExitCode);
        Assert.Contains("disabled in the tenant profile", off.Error, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", allowed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_PromptFile_ChangesThePromptVersion()
    {
        using var folder = new TempFolder();
        var prompt = folder.Write("mine.txt", "Write data.\n---\nTarget {{target}}: {{fields}}");

        var run = await CliRun.RunAsync(["generate", Sample, "--count", "1", "--ai", "enrich", "--ai-deployment", "d", "--prompt", prompt, "--ai-store", Path.Combine(folder.Path, "s")]);

        // Replay of a prompt nobody recorded: the error names that prompt, so the file was read and rendered.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no cassette entry for prompt 'mine'", run.Error, StringComparison.Ordinal);
    }
}
