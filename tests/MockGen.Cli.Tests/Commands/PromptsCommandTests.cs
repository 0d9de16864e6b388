using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>mockgen prompts list|show|push|approve|reject|activate</c> over a local folder store, and <c>generate --prompt</c> resolving registry names.</summary>
public sealed class PromptsCommandTests
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}} in {{currency}}.";
    private const string V2 = "You write payments, carefully.\n---\nScenario {{scenario}} for {{target}} in {{currency}}.";

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    [Fact]
    public async Task PushListShow_KeepsEveryVersion_AChangeWaitsForApproval_ThenIsActive()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var file = folder.Write("payment-scenarios.prompt", V1);

        var first = await CliRun.RunAsync(["prompts", "push", file, "--store", store, "--tenant", "acme"]);
        File.WriteAllText(file, V2);
        var second = await CliRun.RunAsync(["prompts", "push", file, "--store", store, "--tenant", "acme"]);
        var listPending = await CliRun.RunAsync(["prompts", "list", "--store", store, "--tenant", "acme"]);
        var showWhilePending = await CliRun.RunAsync(["prompts", "show", "payment-scenarios", "--store", store, "--tenant", "acme"]);
        var approve = await CliRun.RunAsync(["prompts", "approve", second.Out.Trim(), "--reason", "reviewed", "--store", store, "--tenant", "acme"]);
        var list = await CliRun.RunAsync(["prompts", "list", "--store", store, "--tenant", "acme"]);
        var showOld = await CliRun.RunAsync(["prompts", "show", first.Out.Trim(), "--store", store, "--tenant", "acme"]);
        var showActive = await CliRun.RunAsync(["prompts", "show", "payment-scenarios", "--store", store, "--tenant", "acme"]);
        var otherTenant = await CliRun.RunAsync(["prompts", "list", "--store", store, "--tenant", "other"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches("^payment-scenarios@sha256:[0-9a-f]{64}\n$", first.Out);
        Assert.Contains("as a new version of 'payment-scenarios' (tenant acme); it is now active", first.Error, StringComparison.Ordinal);

        // The change is stored, but under the default policy (approvePromptChanges) the active text stays V1.
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.NotEqual(first.Out, second.Out);
        Assert.Contains("it waits for approval", second.Error, StringComparison.Ordinal);
        Assert.Contains("  active  ", listPending.OutLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("active", listPending.OutLines[1], StringComparison.Ordinal);
        Assert.Equal(V1, showWhilePending.Out);

        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.Contains("\"state\":\"Approved\"", approve.Out, StringComparison.Ordinal);
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
    public async Task Prompts_Reject_NeverActive_Activate_RollsBack_PolicyOff_ActiveAtOnce_AllAudited()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var file = folder.Write("refunds.prompt", V1);
        var v1 = (await CliRun.RunAsync(["prompts", "push", file, "--store", store, "--tenant", "acme"])).Out.Trim();
        File.WriteAllText(file, V2);
        var v2 = (await CliRun.RunAsync(["prompts", "push", file, "--store", store, "--tenant", "acme"])).Out.Trim();

        // Rejected: never active, not even by activate; approving it afterwards is a conflict.
        var reject = await CliRun.RunAsync(["prompts", "reject", v2, "--reason", "leaks card numbers", "--store", store, "--tenant", "acme"]);
        var activateRejected = await CliRun.RunAsync(["prompts", "activate", v2, "--store", store, "--tenant", "acme"]);
        var approveRejected = await CliRun.RunAsync(["prompts", "approve", v2, "--store", store, "--tenant", "acme"]);
        var stillV1 = await CliRun.RunAsync(["prompts", "show", "refunds", "--store", store, "--tenant", "acme"]);
        var pinnedV2 = await CliRun.RunAsync(["prompts", "show", v2, "--store", store, "--tenant", "acme"]);
        Assert.Equal(0, reject.ExitCode);
        Assert.Equal(2, activateRejected.ExitCode);
        Assert.Contains("is Rejected; only an approved version can be made active", activateRejected.Error, StringComparison.Ordinal);
        Assert.Equal(2, approveRejected.ExitCode);
        Assert.Equal(V1, stillV1.Out);
        Assert.Equal(V2, pinnedV2.Out);
        var malformed = await CliRun.RunAsync(["prompts", "approve", "refunds", "--store", store, "--tenant", "acme"]);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("expected name@sha256:", malformed.Error, StringComparison.Ordinal);

        // With the policy off (the tenant profile's governance section), a change is active at once; activate rolls back.
        var profile = folder.Write("profile.json", """{"governance":{"approvePromptChanges":false}}""");
        var pipeline = new MockGen.Storage.MockGenPipeline(MockGen.Storage.Stores.PipelineStore.LocalFolder(store), MockGen.Storage.Engine.CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        await pipeline.Publisher.PublishProfileAsync("acme", File.ReadAllBytes(profile), "test");
        var v3Text = V2.Replace("carefully", "briefly", StringComparison.Ordinal);
        File.WriteAllText(file, v3Text);
        var v3 = await CliRun.RunAsync(["prompts", "push", file, "--store", store, "--tenant", "acme"]);
        Assert.Contains("it is now active", v3.Error, StringComparison.Ordinal);
        Assert.Equal(v3Text, (await CliRun.RunAsync(["prompts", "show", "refunds", "--store", store, "--tenant", "acme"])).Out);
        var rollback = await CliRun.RunAsync(["prompts", "activate", v1, "--store", store, "--tenant", "acme"]);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("\"previous\":\"" + v3.Out.Trim()[(v3.Out.IndexOf('@', StringComparison.Ordinal) + 1)..] + "\"", rollback.Out, StringComparison.Ordinal);
        Assert.Equal(V1, (await CliRun.RunAsync(["prompts", "show", "refunds", "--store", store, "--tenant", "acme"])).Out);

        // Every step is in the tenant's hash-chained audit log.
        var actions = new List<string>();
        await foreach (var entry in pipeline.Audit.QueryAsync("acme", null, null))
        {
            actions.Add(entry.Action + " " + entry.Outcome + " " + entry.Version);
        }

        var (h1, h2, h3) = (v1[(v1.IndexOf('@', StringComparison.Ordinal) + 1)..], v2[(v2.IndexOf('@', StringComparison.Ordinal) + 1)..], v3.Out.Trim()[(v3.Out.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        Assert.Contains("prompt.upload ok " + h1, actions);
        Assert.Contains("prompt.upload pending-approval " + h2, actions);
        Assert.Contains("prompt.reject ok " + h2, actions);
        Assert.Contains("prompt.upload ok " + h3, actions);
        Assert.Contains("prompt.activate ok " + h1, actions);
        Assert.Empty((await pipeline.Audit.VerifyAsync("acme")).Problems);
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
        var changed = (await CliRun.RunAsync(["prompts", "push", file, "--store", store])).Out.Trim();
        string[] common = ["generate", Sample, "--target", "#/components/schemas/Payment", "--count", "1", "--ai", "scenarios", "--scenario-matrix", "currency=EUR", "--ai-deployment", "d", "--ai-store", store];

        // The change waits for approval (the default policy), so the name still renders V1; once approved, V2.
        var whilePending = await CliRun.RunAsync([.. common, "--prompt", "pay"]);
        Assert.Equal(0, (await CliRun.RunAsync(["prompts", "approve", changed, "--store", store])).ExitCode);
        var byName = await CliRun.RunAsync([.. common, "--prompt", "pay"]);
        var byVersion = await CliRun.RunAsync([.. common, "--prompt", pinned]);
        Assert.Equal(Key(whilePending.Error), Key(byVersion.Error));
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
