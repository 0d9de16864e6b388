using MockGen.Cli.Commands;
using MockGen.Core.Tests.Contracts;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>mockgen generate --ai scenarios</c> against the loopback Azure OpenAI fake, then offline from the cassette.</summary>
public sealed class GenerateScenariosTests
{
    private const string Payment = "#/components/schemas/Payment";

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    [Fact]
    public async Task Generate_RecordThenReplayWithTheFakeStopped_WritesIdenticalBytes_EveryRecordNamesItsScenario()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var recorded = Path.Combine(folder.Path, "recorded.ndjson");
        var replayed = Path.Combine(folder.Path, "replayed.ndjson");
        var matrix = folder.Write("matrix.json", """{"matrix": {"currency": ["EUR", "JPY"]}, "scenarios": [{"name": "refund", "parameters": {"currency": "GBP", "status": "refunded"}}]}""");
        await using var fake = await FakeAzureOpenAIServer.StartAsync();
        var request = new GenerateRequest
        {
            ContractPath = Sample,
            Targets = [Payment],
            Count = 2,
            Output = recorded,
            Ai = new AiRequest { Kind = "scenarios", Mode = "record", Endpoint = fake.Endpoint.ToString(), ApiKey = fake.ApiKey, Deployment = "gpt-4o-mini", Store = store, ScenarioFile = matrix },
        };
        var error = new StringWriter();

        var record = await GenerateCommand.RunAsync(request, new CliConsole(new StringWriter(), error, () => Stream.Null), CancellationToken.None);
        await fake.StopAsync();
        var replay = await CliRun.RunAsync(["generate", Sample, "--target", Payment, "--count", "2", "--out", replayed, "--ai", "scenarios", "--scenarios", matrix, "--ai-deployment", "gpt-4o-mini", "--ai-store", store]);

        Assert.True(record == 0, error.ToString());
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(File.ReadAllBytes(recorded), File.ReadAllBytes(replayed));
        var lines = File.ReadAllLines(replayed);
        Assert.Equal(6, lines.Length);
        Assert.Equal(2, lines.Count(l => l.Contains("\"scenario\":{\"name\":\"refund\",\"parameters\":{\"currency\":\"GBP\",\"status\":\"refunded\"}", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("\"scenario\":{\"name\":\"EUR\",\"parameters\":{\"currency\":\"EUR\"}", StringComparison.Ordinal)));
        Assert.Contains("ai (replay, scenarios, prompt scenario-payloads", replay.Error, StringComparison.Ordinal);
        Assert.Matches(@"3 scenario\(s\), 3 request\(s\): \d+ accepted, \d+ repaired, 0 rejected, 0 skipped; payloads \d+ accepted, \d+ repaired", replay.Error);
        Assert.Contains("Payment [refund]", replay.Error, StringComparison.Ordinal);

        var validate = await CliRun.RunAsync(["validate", Sample, replayed]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task Generate_TheReadmeSampleCommand_RunsOfflineFromTheCommittedCassette()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "Samples", "ai-scenarios");
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "scenarios.ndjson");

        var run = await CliRun.RunAsync(["generate", Sample, "--target", Payment, "--count", "2", "--out", output, "--ai", "scenarios",
            "--prompt", Path.Combine(samples, "payment-scenarios.prompt"), "--scenarios", Path.Combine(samples, "payment-matrix.json"),
            "--ai-deployment", "gpt-4o-mini", "--ai-store", Path.Combine(samples, "store")]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal(16, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"answer\":\"accepted\"", l, StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains("\"scenario\":{\"name\":\"us-default-CHF-refunded\",\"parameters\":{\"tenantConfig\":\"us-default\",\"currency\":\"CHF\",\"status\":\"refunded\"}", StringComparison.Ordinal)));
        var validate = await CliRun.RunAsync(["validate", Sample, output]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task Generate_ReplayWithoutCassette_ExitsTwoNamingTheKeyAndWritesNothing()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "out.ndjson");

        var run = await CliRun.RunAsync(["generate", Sample, "--target", Payment, "--out", output, "--ai", "scenarios", "--scenario-matrix", "currency=EUR", "--ai-deployment", "gpt-4o-mini", "--ai-store", Path.Combine(folder.Path, "empty")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"error: ai-cassettes/default/[0-9a-f]{64}\.json: no cassette entry for prompt 'scenario-payloads' on deployment 'gpt-4o-mini' \(key sha256:[0-9a-f]{64}\)", run.Error);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(new[] { "--ai", "scenarios", "--ai-deployment", "d" }, "error: --ai scenarios: name the scenarios with --scenario-matrix")]
    [InlineData(new[] { "--ai", "scenarios", "--ai-deployment", "d", "--scenario-matrix", "currency" }, "error: --scenario-matrix: 'currency' is not name=value1,value2")]
    [InlineData(new[] { "--ai", "enrich", "--ai-deployment", "d", "--scenario-matrix", "a=b" }, "error: --scenario-matrix/--scenarios: only with --ai scenarios (this run is --ai enrich)")]
    [InlineData(new[] { "--ai", "scenarios", "--ai-deployment", "d", "--scenarios", "nope.json" }, "error: --scenarios: nope.json: file not found")]
    [InlineData(new[] { "--ai", "scenarios", "--ai-deployment", "d", "--scenario-matrix", "target=x" }, "error: --prompt: scenario 'x': parameter target is reserved")]
    [InlineData(new[] { "--ai", "scenarios", "--ai-deployment", "d", "--scenario-matrix", "a=b", "--variant", "minimal" }, "error: --variant: 'minimal' does not apply to --ai scenarios")]
    [InlineData(new[] { "--ai", "scenarios", "--ai-deployment", "d", "--scenario-matrix", "a=b", "--variant", "all" }, "error: --variant: 'all' does not apply to --ai scenarios")]
    public async Task Generate_BadScenarioOptions_ExitTwoWithTheRule(string[] ai, string expected)
    {
        var run = await CliRun.RunAsync(["generate", Sample, "--count", "1", .. ai]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Generate_PromptNamingAParameterNoScenarioGives_ExitsTwoBeforeAnyCall()
    {
        using var folder = new TempFolder();
        var prompt = folder.Write("mine.prompt", "Data.\n---\n{{target}} for {{tenantConfig}}");

        var run = await CliRun.RunAsync(["generate", Sample, "--ai", "scenarios", "--scenario-matrix", "currency=EUR,JPY", "--prompt", prompt, "--ai-deployment", "d"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: --prompt: scenario 'EUR' does not give {{tenantConfig}}, which prompt 'mine' uses; scenario 'JPY' does not give {{tenantConfig}}", run.Error, StringComparison.Ordinal);
    }
}
