using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Ai.Pipeline;
using MockGen.Functions.Hosting;
using MockGen.Storage;

namespace MockGen.Functions.Tests.Hosting;

/// <summary>The app's registrations read AI enrichment from app settings, the names the infra sets.</summary>
public sealed class MockGenFunctionsServicesTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    [Fact]
    public void AddMockGenFunctions_NoAiSettings_InstallsTheEnricherInReplay()
    {
        using var services = new ServiceCollection().AddMockGenFunctions(Config(new() { ["MockGenStorage"] = Azurite })).BuildServiceProvider();

        Assert.IsType<AiShardEnricher>(services.GetRequiredService<MockGenPipeline>().Engine.Enricher);
    }

    [Fact]
    public void AddMockGenFunctions_BadAiSettings_FailAtStartupNamingEverySetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMockGenFunctions(Config(new()
        {
            ["MockGenStorage"] = Azurite,
            ["MOCKGEN_AI_MODE"] = "record",
        })));
        Assert.Contains("AZURE_OPENAI_ENDPOINT: record mode calls Azure OpenAI", error.Message, StringComparison.Ordinal);

        var mode = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMockGenFunctions(Config(new() { ["MockGenStorage"] = Azurite, ["MOCKGEN_AI_MODE"] = "tape" })));
        Assert.Contains("MOCKGEN_AI_MODE: 'tape' is not one of replay, record, live", mode.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_AsTheInfraSetsThem_EntraIdAsTheUserAssignedIdentity_OrTheKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MOCKGEN_AI_MODE"] = "record",
            ["AZURE_OPENAI_ENDPOINT"] = "https://oai-x.openai.azure.com/",
            ["AZURE_OPENAI_DEPLOYMENT"] = "gpt-4o-mini",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        };
        var entra = AiShardEnricherOptions.FromSettings(Config(settings).GetValue<string>);

        Assert.Equal("gpt-4o-mini", entra.Deployment);
        Assert.Equal(new Uri("https://oai-x.openai.azure.com/"), entra.Live!.Endpoint);
        Assert.Null(entra.Live.ApiKey);
        Assert.Equal("DefaultAzureCredential", entra.Live.Credential!.GetType().Name);
        Assert.Equal("record against https://oai-x.openai.azure.com (Entra ID)", entra.Describe());

        settings["AZURE_OPENAI_API_KEY"] = "k";
        var keyed = AiShardEnricherOptions.FromSettings(Config(settings).GetValue<string>);
        Assert.Equal("k", keyed.Live!.ApiKey);
        Assert.Null(keyed.Live.Credential);
        Assert.DoesNotContain("k)", keyed.Describe(), StringComparison.Ordinal);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
