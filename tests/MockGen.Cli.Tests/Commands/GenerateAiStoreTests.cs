using MockGen.Core.Tests.Contracts;
using MockGen.Storage.Tests.Support;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>generate --ai</c> reading prompts and cassettes from an Azure store (Azurite), with the store options the other commands take.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GenerateAiStoreTests(AzuriteFixture azurite)
{
    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    [Fact]
    public async Task Generate_PromptPushedToAzure_IsFoundThere_AndItsCassetteIsLookedUpThere()
    {
        using var folder = new TempFolder();
        var prompt = folder.Write("azure-scenarios.prompt", "You write payments.\n---\nScenario {{scenario}} for {{target}} in {{currency}}.");
        var tenant = "gaz" + Guid.NewGuid().ToString("N")[..10];
        var pushed = await CliRun.RunAsync(["prompts", "push", prompt, "--tenant", tenant, "--azure-connection-string", azurite.ConnectionString]);
        string[] generate = ["generate", Sample, "--target", "#/components/schemas/Payment", "--count", "1", "--tenant", tenant, "--ai", "scenarios",
            "--scenario-matrix", "currency=EUR", "--prompt", "azure-scenarios", "--ai-deployment", "gpt-4o-mini"];

        var fromAzure = await CliRun.RunAsync([.. generate, "--azure-connection-string", azurite.ConnectionString]);
        var fromFolder = await CliRun.RunAsync([.. generate, "--ai-store", Path.Combine(folder.Path, "empty-store")]);

        Assert.True(pushed.ExitCode == 0, pushed.ToString());
        // Found in the Azure registry by name: replay then looks for its answer in the same store's cassettes.
        Assert.Equal(2, fromAzure.ExitCode);
        Assert.Contains($"ai-cassettes/{tenant}/", fromAzure.Error, StringComparison.Ordinal);
        Assert.Contains("no cassette entry for prompt 'azure-scenarios'", fromAzure.Error, StringComparison.Ordinal);
        // The local folder's registry does not have it.
        Assert.Equal(2, fromFolder.ExitCode);
        Assert.Contains("--prompt: 'azure-scenarios' is neither a file, nor a prompt in the registry of tenant " + tenant, fromFolder.Error, StringComparison.Ordinal);
    }
}
