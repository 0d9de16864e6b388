using System.Net.Http.Json;
using System.Text.Json;
using MockGen.Cli;
using MockGen.Core.Contracts;
using MockGen.Core.Validation;
using MockGen.Testing.FakeAzureOpenAI;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>mockgen serve</c> enriching a tenant whose profile enables AI: record against the loopback fake, then replay offline.</summary>
public sealed partial class ServeCommandTests
{
    private const string AiProfile = """
        {"variants":["typical","edge"],"countPerTarget":6,"shardSize":4,"seed":"7",
         "ai":{"enabled":true,"deployments":["gpt-4o-mini"],"edgeCount":3,"cost":{"promptPer1K":0.15,"completionPer1K":0.6}}}
        """;

    [Fact]
    public async Task Serve_AiTenant_RecordThenReplayInAFreshStoreWithTheFakeStopped_SameDatasetBytesWithMetaAi()
    {
        await using var fake = await FakeAzureOpenAIServer.StartAsync();
        // serve reads the key only from the environment (never a command-line secret). Every fake accepts its default
        // key, so setting it for the whole test process cannot break another test's fake.
        Environment.SetEnvironmentVariable("AZURE_OPENAI_API_KEY", fake.ApiKey);
        var contract = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"));

        var recordStore = Directory.CreateTempSubdirectory("mockgen-serve-ai-rec-").FullName;
        var (recorded, recordedManifest, recordError) = await ServeOneRunAsync(recordStore, contract, ["--ai-mode", "record", "--ai-endpoint", fake.Endpoint.ToString()]);
        var sent = fake.Requests.Count;
        await fake.StopAsync();

        // Another machine: a fresh store holding only the committed cassettes, the profile and the contract; no network.
        var replayStore = Directory.CreateTempSubdirectory("mockgen-serve-ai-rep-").FullName;
        CopyFolder(Path.Combine(recordStore, "ai-cassettes"), Path.Combine(replayStore, "ai-cassettes"));
        var (replayed, replayedManifest, replayError) = await ServeOneRunAsync(replayStore, contract, []);

        Assert.True(sent > 0, recordError);
        Assert.Equal(sent, fake.Requests.Count);
        Assert.Contains("AI enrichment record against http://127.0.0.1:", recordError, StringComparison.Ordinal);
        Assert.Contains("AI enrichment replay", replayError, StringComparison.Ordinal);
        Assert.Equal(recorded, replayed);
        Assert.Equal(recordedManifest, replayedManifest);
        var lines = replayed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("\"variant\":\"typical\"", StringComparison.Ordinal) && l.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"variant\":\"edge\"", StringComparison.Ordinal) && l.Contains("\"ai\":{\"deployment\":\"gpt-4o-mini\"", StringComparison.Ordinal));

        // Every record is a payload the original contract accepts: enrichment sits before the gate.
        var loaded = new ContractLoader().Load("payments-api.yaml", contract);
        foreach (var line in lines)
        {
            var record = JsonDocument.Parse(line).RootElement;
            var target = loaded.GetTarget(record.GetProperty("meta").GetProperty("target").GetString()!);
            Assert.True(loaded.Schemas.Validate(target.SchemaUri, record.GetProperty("payload"), new ValidationOptions { Direction = target.Direction }).IsValid, line);
        }
    }

    [Fact]
    public async Task Serve_AiReplayWithoutCassette_FailsTheShardsNamingTheEntry()
    {
        var store = Directory.CreateTempSubdirectory("mockgen-serve-ai-miss-").FullName;
        var contract = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"));

        var (_, manifest, error) = await ServeOneRunAsync(store, contract, [], expectFailures: true);

        // The manifest lists each failed shard with its reason: the cassette entry replay could not find.
        Assert.Contains("AI enrichment: ai-cassettes/acme/", manifest, StringComparison.Ordinal);
        Assert.Contains("no cassette entry", manifest, StringComparison.Ordinal);
        Assert.Contains("AI enrichment replay", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--ai-mode", "tape" }, "error: invalid AI settings: --ai-mode (or MOCKGEN_AI_MODE): 'tape' is not one of replay, record, live")]
    [InlineData(new[] { "--ai-mode", "record" }, "error: invalid AI settings: --ai-endpoint (or AZURE_OPENAI_ENDPOINT): record mode calls Azure OpenAI")]
    [InlineData(new[] { "--ai-mode", "live", "--ai-endpoint", "not a uri" }, "error: invalid AI settings: --ai-endpoint (or AZURE_OPENAI_ENDPOINT): live mode")]
    public async Task Serve_BadAiOptions_ExitTwoNamingTheOption(string[] ai, string expected)
    {
        var run = await CliRun.RunAsync(["serve", "--port", "0", "--store", Directory.CreateTempSubdirectory("mockgen-serve-ai-bad-").FullName, .. ai]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    /// <summary>Starts serve over <paramref name="store"/>, drops the AI profile and the contract for tenant acme, waits for the sealed run and returns its dataset (empty when failures are expected), its manifest and serve's stderr+stdout.</summary>
    private static async Task<(string Dataset, string Manifest, string Log)> ServeOneRunAsync(string store, byte[] contract, string[] ai, bool expectFailures = false)
    {
        var output = new SynchronizedWriter();
        var error = new SynchronizedWriter();
        using var stop = new CancellationTokenSource();
        var serve = Program.RunAsync(
            ["serve", "--port", "0", "--store", store, "--api-key", "acme=cli-ai-key", "--poll-interval", "0.2", .. ai],
            new CliConsole(output, error, () => Stream.Null),
            stop.Token);
        var baseAddress = await WaitForAddressAsync(output, serve);
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", "cli-ai-key");

        Directory.CreateDirectory(Path.Combine(store, "contracts", "acme"));
        await File.WriteAllTextAsync(Path.Combine(store, "contracts", "acme", "mockgen.profile.json"), AiProfile);
        await File.WriteAllBytesAsync(Path.Combine(store, "contracts", "acme", "payments-api.yaml"), contract);

        var deadline = DateTime.UtcNow.AddSeconds(120);
        JsonElement run;
        while (true)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/runs");
            if (runs.GetArrayLength() > 0 && runs[0].GetProperty("isSealed").GetBoolean())
            {
                run = runs[0];
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "no sealed run within 120 s: " + error + output);
            await Task.Delay(100);
        }

        var runId = run.GetProperty("spec").GetProperty("runId").GetString();
        var status = run.GetProperty("status").GetString();
        string dataset;
        if (expectFailures)
        {
            Assert.Equal("CompletedWithErrors", status);
            dataset = string.Empty;
        }
        else
        {
            Assert.True(status == "Completed", run.GetRawText());
            dataset = await client.GetStringAsync($"/v1/tenants/acme/runs/{runId}/payloads");
        }

        var manifest = await client.GetStringAsync($"/v1/tenants/acme/runs/{runId}/manifest");
        await stop.CancelAsync();
        Assert.Equal(0, await serve);
        return (dataset, manifest, output.ToString() + error);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
