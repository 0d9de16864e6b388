using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Cli.Tests.Pull;
using MockGen.Core.Contracts;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// pipelines/templates/mockgen-dataset.yml (issue 10): its steps, expanded with parameters pointing at a real
/// <c>mockgen serve</c> and the packed tool, run in order with bash, so the template cannot drift from the CLI.
/// Azure Pipelines itself is not here: <see cref="PipelineAgent"/> stands in for the agent's handling of variables
/// and logging commands, and tasks (UseDotNet, PublishPipelineArtifact) are checked by their inputs, not run.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class PipelineTemplateTests(ToolPackageFixture tool, ServeFixture serve)
{
    private static readonly string TemplatePath = Path.Combine(ToolPackageFixture.RepoRoot, "pipelines", "templates", "mockgen-dataset.yml");

    [Fact]
    public async Task Template_RunId_InstallsPullsValidatesAndPublishesTheRunsDataset()
    {
        var sandbox = tool.CreateSandbox("template-run");
        var (agent, outDir) = Agent(sandbox);

        var results = await agent.RunAsync(Expand(sandbox, new() { ["runId"] = serve.RunId }));

        AssertAllRan(results);
        var install = Script(results, "Install mockgen");
        Assert.Matches("(?m)^" + System.Text.RegularExpressions.Regex.Escape(tool.Version) + @"(\+[0-9a-f]+)?$", install.Out);
        Assert.Contains("##vso[task.prependpath]" + Path.Combine(sandbox, "agent-tools", "mockgen-" + tool.Version), install.Out, StringComparison.Ordinal);

        // The pulled dataset is the run's, byte for byte, and its contract is the version the run was generated from.
        using var client = serve.CreateClient();
        Assert.Equal(await client.GetByteArrayAsync($"/v1/tenants/acme/runs/{serve.RunId}/payloads"), await File.ReadAllBytesAsync(Path.Combine(outDir, "dataset.ndjson")));
        Assert.Equal(await File.ReadAllBytesAsync(ServeFixture.SamplePath), await File.ReadAllBytesAsync(Path.Combine(outDir, "contract")));
        Assert.Contains("pulled run " + serve.RunId, Script(results, "mockgen pull").Error, StringComparison.Ordinal);

        // validate judged every record (negative ones fail exactly as labelled, so the gate passes).
        var records = File.ReadAllLines(Path.Combine(outDir, "dataset.ndjson")).Length;
        Assert.Equal(records, File.ReadAllLines(Path.Combine(outDir, "validation.ndjson")).Length);

        // The artifact is the out folder, without pull's cache.
        var publish = results.Single(r => r.Task == "PublishPipelineArtifact@1");
        Assert.Equal(outDir, publish.Inputs["targetPath"]);
        Assert.Equal("mockgen-dataset", publish.Inputs["artifact"]);
        Assert.Equal("pipeline", publish.Inputs["publishLocation"]);
        Assert.Equal(".mockgen-pull\n", await File.ReadAllTextAsync(Path.Combine(outDir, ".artifactignore")));
        Assert.True(Directory.Exists(Path.Combine(outDir, ".mockgen-pull")));
    }

    [Fact]
    public async Task Template_LatestOfAContract_WithTargetAndVariantLists_PullsOnlyThoseShards()
    {
        var sandbox = tool.CreateSandbox("template-latest");
        var (agent, outDir) = Agent(sandbox);

        var results = await agent.RunAsync(Expand(sandbox, new()
        {
            ["contract"] = "payments-api.yaml",
            ["contractVersion"] = serve.ContractVersion,
            ["target"] = "#/components/schemas/Customer",
            ["variant"] = "typical,negative",
        }));

        AssertAllRan(results);
        Assert.Contains("pulled run " + serve.RunId, Script(results, "mockgen pull").Error, StringComparison.Ordinal);
        var metas = File.ReadAllLines(Path.Combine(outDir, "dataset.ndjson")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("meta")).ToList();
        Assert.Equal(40, metas.Count);
        Assert.All(metas, m => Assert.Equal("#/components/schemas/Customer", m.GetProperty("target").GetString()));
        Assert.Equal(["negative", "typical"], metas.Select(m => m.GetProperty("variant").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(40, File.ReadAllLines(Path.Combine(outDir, "validation.ndjson")).Length);
    }

    [Fact]
    public async Task Template_NeitherRunIdNorContract_FailsThePullStepSayingWhichParameterToGive()
    {
        var sandbox = tool.CreateSandbox("template-neither");
        var (agent, _) = Agent(sandbox);

        var results = await agent.RunAsync(Expand(sandbox, []));

        var pull = results[^1];
        Assert.Equal("mockgen pull", pull.DisplayName);
        Assert.Equal(2, pull.Run!.ExitCode);
        Assert.Contains("##vso[task.logissue type=error]mockgen-dataset.yml: give the runId parameter, or contract", pull.Run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_ApiKeyVariableNeverDefined_FailsThePullStepNamingIt()
    {
        // The agent passes an undefined variable's macro through as text: pull must refuse it, not send it as a key.
        var sandbox = tool.CreateSandbox("template-undefined");
        var (agent, _) = Agent(sandbox, defineApiKey: false);

        var results = await agent.RunAsync(Expand(sandbox, new() { ["runId"] = serve.RunId }));

        var pull = results[^1];
        Assert.Equal("mockgen pull", pull.DisplayName);
        Assert.True(pull.Run!.ExitCode == 2, pull.Run.ToString());
        Assert.Contains("MOCKGEN_API_KEY: holds '$(MOCKGEN_API_KEY)', an Azure Pipelines variable that is not defined", pull.Run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_AndSample_DefaultToThePackedToolVersion()
    {
        // Bumping <Version> in MockGen.Cli.csproj without the template would install the previous tool.
        Assert.Equal(tool.Version, PipelineTemplate.Load(TemplatePath).Parameters["toolVersion"]);
        var sample = new ContractLoader().Load("azure-pipelines.yml", File.ReadAllBytes(Path.Combine(ToolPackageFixture.RepoRoot, "pipelines", "azure-pipelines.yml"))).RootDocument.Root;
        var use = sample.GetProperty("jobs").EnumerateArray().SelectMany(j => j.GetProperty("steps").EnumerateArray()).Single(s => s.TryGetProperty("template", out _));
        Assert.Equal(tool.Version, use.GetProperty("parameters").GetProperty("toolVersion").GetString());
    }

    [Fact]
    public async Task Template_ShardTamperedOnTheServer_FailsThePullStep_AndNothingIsValidatedOrPublished()
    {
        var shard = StoredShard();
        var original = await File.ReadAllBytesAsync(shard);
        var tampered = (byte[])original.Clone();
        tampered[tampered.Length / 2] ^= 0x20;
        await File.WriteAllBytesAsync(shard, tampered);
        try
        {
            var sandbox = tool.CreateSandbox("template-tampered");
            var (agent, outDir) = Agent(sandbox);

            var results = await agent.RunAsync(Expand(sandbox, new() { ["runId"] = serve.RunId }));

            var pull = results[^1];
            Assert.Equal("mockgen pull", pull.DisplayName);
            Assert.True(pull.Run!.ExitCode == 1, pull.Run.ToString());
            Assert.Contains("do not hash to the manifest's sha256", pull.Run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(outDir, "dataset.ndjson")));
            Assert.DoesNotContain(results, r => r.Task == "PublishPipelineArtifact@1" || r.DisplayName.StartsWith("mockgen validate", StringComparison.Ordinal));
        }
        finally
        {
            await File.WriteAllBytesAsync(shard, original);
        }
    }

    [Fact]
    public async Task Template_DatasetThatNoLongerMatchesItsContract_FailsTheValidateGate()
    {
        var sandbox = tool.CreateSandbox("template-gate");
        var (agent, outDir) = Agent(sandbox);
        var steps = Expand(sandbox, new() { ["runId"] = serve.RunId });
        AssertAllRan(await agent.RunAsync(steps));

        // A typical record whose payload is no longer what its target allows.
        var dataset = Path.Combine(outDir, "dataset.ndjson");
        var lines = await File.ReadAllLinesAsync(dataset);
        var typical = Array.FindIndex(lines, l => JsonDocument.Parse(l).RootElement.GetProperty("meta").GetProperty("variant").GetString() == "typical");
        var record = JsonNode.Parse(lines[typical])!;
        record["payload"] = "not an object";
        lines[typical] = record.ToJsonString();
        await File.WriteAllLinesAsync(dataset, lines);

        var gate = Assert.Single(await agent.RunAsync(steps, IsValidate));

        Assert.True(gate.Run!.ExitCode == 1, gate.Run.ToString());
        var verdict = File.ReadAllLines(Path.Combine(outDir, "validation.ndjson"))[typical];
        Assert.False(JsonDocument.Parse(verdict).RootElement.GetProperty("valid").GetBoolean());

        // contractFile: the gate reads the repository's contract instead of the run's (one without the run's targets here).
        var other = Path.Combine(sandbox, "other-contract.json");
        await File.WriteAllTextAsync(other, """{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"}""");
        var withFile = Assert.Single(await agent.RunAsync(Expand(sandbox, new() { ["runId"] = serve.RunId, ["contractFile"] = other }), IsValidate));
        Assert.True(withFile.Run!.ExitCode == 2, withFile.Run.ToString());
        Assert.Contains("other-contract.json", withFile.Run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_WithAServiceConnection_AsksAzureCliForATokenAndMapsItAsASecret_WithoutTheApiKey()
    {
        var steps = PipelineTemplate.Load(TemplatePath).Expand(new Dictionary<string, string>
        {
            ["server"] = "https://mockgen.example", ["tenant"] = "acme", ["runId"] = "r1", ["serviceConnection"] = "mockgen-reader", ["feed"] = "https://pkgs.dev.azure.com/org/_packaging/tools/nuget/v3/index.json",
        });

        Assert.Equal(["UseDotNet@2", "NuGetAuthenticate@1", null, "AzureCLI@2", null, null, "PublishPipelineArtifact@1"], steps.Select(s => (string?)s["task"]));
        var cli = steps.Single(s => (string?)s["task"] == "AzureCLI@2");
        Assert.Equal("mockgen-reader", (string?)cli["inputs"]!["azureSubscription"]);
        Assert.Contains("az account get-access-token --scope \"$MOCKGEN_SCOPE\"", (string)cli["inputs"]!["inlineScript"]!, StringComparison.Ordinal);
        Assert.Contains("##vso[task.setvariable variable=MockGenAccessToken;issecret=true]", (string)cli["inputs"]!["inlineScript"]!, StringComparison.Ordinal);
        var pullEnv = steps.Single(s => (string?)s["displayName"] == "mockgen pull")["env"]!.AsObject();
        Assert.Equal("$(MockGenAccessToken)", (string?)pullEnv["MOCKGEN_ACCESS_TOKEN"]);
        Assert.False(pullEnv.ContainsKey("MOCKGEN_API_KEY"));
    }

    [Fact]
    public void SamplePipeline_FeedsAContractTestJob_FromTheTemplatesArtifact()
    {
        var sample = Path.Combine(ToolPackageFixture.RepoRoot, "pipelines", "azure-pipelines.yml");
        var root = new ContractLoader().Load("azure-pipelines.yml", File.ReadAllBytes(sample)).RootDocument.Root;
        var jobs = root.GetProperty("jobs").EnumerateArray().ToList();
        var use = jobs.SelectMany(j => j.GetProperty("steps").EnumerateArray()).Single(s => s.TryGetProperty("template", out _));

        // The template path is relative to the including file; its parameters are declared ones, required ones given.
        var template = Path.Combine(Path.GetDirectoryName(sample)!, use.GetProperty("template").GetString()!);
        Assert.Equal(Path.GetFullPath(TemplatePath), Path.GetFullPath(template));
        var given = use.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var steps = PipelineTemplate.Load(template).Expand(given);
        var artifact = (string)steps.Single(s => (string?)s["task"] == "PublishPipelineArtifact@1")["inputs"]!["artifact"]!;

        var tests = jobs.Single(j => j.GetProperty("job").GetString() == "contract_tests");
        Assert.Equal("dataset", tests.GetProperty("dependsOn").GetString());
        Assert.Contains(tests.GetProperty("steps").EnumerateArray(), s => s.TryGetProperty("download", out var d) && d.GetString() == "current" && s.GetProperty("artifact").GetString() == artifact);
        var env = tests.GetProperty("steps").EnumerateArray().Single(s => s.TryGetProperty("bash", out _)).GetProperty("env");
        Assert.Equal($"$(Pipeline.Workspace)/{artifact}/dataset.ndjson", env.GetProperty("MOCKGEN_DATASET").GetString());
    }

    private static void AssertAllRan(IReadOnlyList<StepResult> results)
    {
        // Display names carry parameters ("Install mockgen 1.2.0"); the step is named by its first two words.
        Assert.Equal(
            ["UseDotNet@2", "Install mockgen", "mockgen pull", "mockgen validate", "PublishPipelineArtifact@1"],
            results.Select(r => r.Task ?? string.Join(' ', r.DisplayName.Split(' ').Take(2))));
        foreach (var result in results.Where(r => r.Run is not null))
        {
            Assert.True(result.Run!.ExitCode == 0, result.DisplayName + ": " + result.Run);
        }
    }

    private static bool IsValidate(string displayName) => displayName.StartsWith("mockgen validate", StringComparison.Ordinal);

    private static CliRun Script(IReadOnlyList<StepResult> results, string displayName) =>
        results.Single(r => r.DisplayName.StartsWith(displayName, StringComparison.Ordinal)).Run!;

    private IReadOnlyList<JsonObject> Expand(string sandbox, Dictionary<string, string> parameters)
    {
        parameters["server"] = serve.Address.ToString();
        parameters["tenant"] = "acme";
        parameters["toolVersion"] = tool.Version;
        parameters["feed"] = tool.Feed;
        parameters["apiKeyVariable"] = "MOCKGEN_API_KEY";
        return PipelineTemplate.Load(TemplatePath).Expand(parameters);
    }

    private static (PipelineAgent Agent, string OutDir) Agent(string sandbox, bool defineApiKey = true)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Agent.ToolsDirectory"] = Path.Combine(sandbox, "agent-tools"),
            ["Pipeline.Workspace"] = Path.Combine(sandbox, "workspace"),
        };
        if (defineApiKey)
        {
            variables["MOCKGEN_API_KEY"] = ServeFixture.ApiKey;
        }
        Directory.CreateDirectory(variables["Agent.ToolsDirectory"]);
        return (new PipelineAgent(sandbox, variables, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "MOCKGEN_API_KEY" }), Path.Combine(sandbox, "workspace", "mockgen-dataset"));
    }

    private string StoredShard()
    {
        using var client = serve.CreateClient();
        using var manifest = JsonDocument.Parse(client.GetByteArrayAsync($"/v1/tenants/acme/runs/{serve.RunId}/manifest").GetAwaiter().GetResult());
        var blob = manifest.RootElement.GetProperty("shards")[0].GetProperty("blob").GetString()!;
        return Directory.EnumerateFiles(serve.Store, "*", SearchOption.AllDirectories).Single(f => f.Replace('\\', '/').EndsWith("/" + blob, StringComparison.Ordinal));
    }
}
