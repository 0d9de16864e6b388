using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>mockgen prompts list|show|push</c> over a local folder store, and <c>generate --prompt</c> resolving registry names.</summary>
public sealed class PromptsCommandTests
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}} in {{currency}}.";
    private const string V2 = "You write payments, carefully.\n---\nScenario {{scenario}} for {{target}} in {{currency}}.";

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    [Fact]
    public async Task PushListShow_KeepsEveryVersion_LastPushActive()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var file = folder.Write("payment-scenarios.prompt", V1);

        var first = await CliRun.RunAsync(["prompts", "push", file, "--store", store, "--tenant", "acme"]);
        File.WriteAllText(file, V2);
        var second = await CliRun.RunAsync(["prompts", "push", file, "--store", store, "--tenant", "acme"]);
        var list = await CliRun.RunAsync(["prompts", "list", "--store", store, "--tenant", "acme"]);
        var showOld = await CliRun.RunAsync(["prompts", "show", first.Out.Trim(), "--store", store, "--tenant", "acme"]);
        var showActive = await CliRun.RunAsync(["prompts", "show", "payment-scenarios", "--store", store, "--tenant", "acme"]);
        var otherTenant = await CliRun.RunAsync(["prompts", "list", "--store", store, "--tenant", "other"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches("^payment-scenarios@sha256:[0-9a-f]{64}\n$", first.Out);
        Assert.Contains("as a new version of 'payment-scenarios' (tenant acme); it is now active", first.Error, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.NotEqual(first.Out, second.Out);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(2, list.OutLines.Length);
        Assert.StartsWith(first.Out.Trim() + "  ", list.OutLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("active", list.OutLines[0], StringComparison.Ordinal);
        Assert.Contains("  active  parameters: scenario, target, currency", list.OutLines[1], StringComparison.Ordinal);
        Assert.Equal(V1, showOld.Out);
        Assert.Equal(V2, showActive.Out);
        Assert.Contains(second.Out.Trim() + "; parameters: scenario, target, currency", showActive.Error, StringComparison.Ordinal);
        Assert.Empty(otherTenant.OutLines);
    }

    [Fact]
    public async Task Push_NotATemplate_ExitsTwoNamingTheFileAndRule_AndKeepsWhatIsStored()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var good = folder.Write("refunds.prompt", V1);
        var bad = folder.Write("broken.prompt", "no separator");
        await CliRun.RunAsync(["prompts", "push", good, "--store", store]);

        var run = await CliRun.RunAsync(["prompts", "push", bad, "--name", "refunds", "--store", store]);
        var missing = await CliRun.RunAsync(["prompts", "push", Path.Combine(folder.Path, "nope.prompt"), "--store", store]);
        var unknown = await CliRun.RunAsync(["prompts", "show", "nothing", "--store", store]);
        var show = await CliRun.RunAsync(["prompts", "show", "refunds", "--store", store]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {bad}: not a prompt template: a prompt template needs a line '---' between the system part and the user part", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.prompt: prompt file not found", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("error: prompt 'nothing' is not in the registry of tenant 'default'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(V1, show.Out);
    }

    [Fact]
    public async Task Generate_PromptFromTheRegistry_ByNameAndPinnedVersion_UsesThatVersion()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var file = folder.Write("pay.prompt", V1);
        var pinned = (await CliRun.RunAsync(["prompts", "push", file, "--store", store])).Out.Trim();
        File.WriteAllText(file, V2);
        await CliRun.RunAsync(["prompts", "push", file, "--store", store]);
        string[] common = ["generate", Sample, "--target", "#/components/schemas/Payment", "--count", "1", "--ai", "scenarios", "--scenario-matrix", "currency=EUR", "--ai-deployment", "d", "--ai-store", store];

        var byName = await CliRun.RunAsync([.. common, "--prompt", "pay"]);
        var byVersion = await CliRun.RunAsync([.. common, "--prompt", pinned]);
        var badVersion = await CliRun.RunAsync([.. common, "--prompt", "pay@sha256:" + new string('0', 64)]);

        // Nothing is recorded, so each replay stops at its first request, naming the prompt it rendered.
        Assert.Equal(2, byName.ExitCode);
        Assert.Contains("no cassette entry for prompt 'pay'", byName.Error, StringComparison.Ordinal);
        Assert.Equal(2, byVersion.ExitCode);
        Assert.Contains("no cassette entry for prompt 'pay'", byVersion.Error, StringComparison.Ordinal);
        Assert.NotEqual(Key(byName.Error), Key(byVersion.Error));
        Assert.Equal(2, badVersion.ExitCode);
        Assert.Contains("--prompt: 'pay@sha256:0000", badVersion.Error, StringComparison.Ordinal);
    }

    private static string Key(string error) => System.Text.RegularExpressions.Regex.Match(error, "key (sha256:[0-9a-f]{64})").Groups[1].Value;
}
