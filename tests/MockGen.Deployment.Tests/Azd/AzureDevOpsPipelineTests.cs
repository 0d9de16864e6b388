using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Deployment.Tests.Support;

namespace MockGen.Deployment.Tests.Azd;

/// <summary>
/// The Azure DevOps pipeline has the shape <c>azd pipeline config --provider azdo</c> wires up: tests first (README's
/// command), then provision and deploy through the federated service connection with the variables azd sets.
/// Azure Pipelines itself cannot run here; this reads the YAML with MockGen's loader.
/// </summary>
public sealed class AzureDevOpsPipelineTests
{
    private static readonly JsonElement Pipeline = Load();

    [Fact]
    public void BuildStage_RunsTheReadmeTestCommand()
    {
        var build = Stage("build");
        var scripts = Steps(build).Select(s => s.TryGetProperty("bash", out var bash) ? bash.GetString() : null).OfType<string>().ToList();

        Assert.Contains(scripts, s => s.StartsWith("./test.sh", StringComparison.Ordinal));
        Assert.Contains(scripts, s => s.Contains("dotnet build MockGen.Functions.sln", StringComparison.Ordinal));
        // The tests read the azd schema and the JSON Schema Test Suite beside the repository: CI must provide them.
        Assert.Contains(scripts, s => s.Contains("azure.yaml.schema.json", StringComparison.Ordinal) && s.Contains("json-schema-test-suite", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("azd provision --no-prompt")]
    [InlineData("azd deploy --no-prompt")]
    public void DeployStage_RunsAzdThroughTheFederatedServiceConnection(string command)
    {
        var deploy = Stage("deploy");
        Assert.Equal("build", deploy.GetProperty("dependsOn").GetString());

        var step = Steps(deploy).Single(s => s.TryGetProperty("inputs", out var inputs) && inputs.TryGetProperty("inlineScript", out var script) && script.GetString() == command);
        Assert.Equal("AzureCLI@2", step.GetProperty("task").GetString());
        var inputs = step.GetProperty("inputs");
        Assert.Equal("${{ variables.AZURE_SERVICE_CONNECTION }}", inputs.GetProperty("azureSubscription").GetString());
        Assert.True(inputs.GetProperty("keepAzSessionActive").GetBoolean());
        var env = step.GetProperty("env");
        foreach (var variable in new[] { "AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_SUBSCRIPTION_ID" })
        {
            Assert.Equal($"$({variable})", env.GetProperty(variable).GetString());
        }
    }

    [Fact]
    public void Pipeline_NamesTheServiceConnectionAzdCreates_AndLetsAzdUseTheCliSignIn()
    {
        var variable = Pipeline.GetProperty("variables").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "AZURE_SERVICE_CONNECTION");

        Assert.Equal("azconnection", variable.GetProperty("value").GetString());
        Assert.Contains(Steps(Stage("deploy")), s => s.TryGetProperty("bash", out var bash) && bash.GetString() == "azd config set auth.useAzCliAuth \"true\"");
    }

    private static JsonElement Stage(string name) =>
        Pipeline.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == name);

    private static IEnumerable<JsonElement> Steps(JsonElement stage) =>
        stage.GetProperty("jobs").EnumerateArray().SelectMany(j => j.GetProperty("steps").EnumerateArray());

    private static JsonElement Load()
    {
        var path = Path.Combine(Locations.RepoRoot, ".azdo", "pipelines", "azure-dev.yml");
        return new ContractLoader().Load("azure-dev.yml", Encoding.UTF8.GetBytes(File.ReadAllText(path))).RootDocument.Root;
    }
}
