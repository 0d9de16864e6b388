using System.Text;
using System.Text.Json;
using MockGen.Core.Tests.Contracts;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Stores;

namespace MockGen.Cli.Tests.Commands;

/// <summary>
/// The README's Governance walk-through with the real commands over a local folder store: <c>keys</c>, <c>versions</c>
/// (approve a breaking version, its run is generated; roll back and re-validate without regenerating), <c>reproduce</c>
/// and <c>audit</c>. Contracts arrive as the intake sees them (registered and published in the same store).
/// </summary>
public sealed class GovernanceCommandsTests
{
    private static readonly byte[] V1 = Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"pets","version":"1"},"paths":{},
         "components":{"schemas":{"Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"}}}}}}
        """);

    // Breaking: name becomes an integer, so every stored v2 Pet fails v1 (and the other way round).
    private static readonly byte[] V2 = Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"pets","version":"2"},"paths":{},
         "components":{"schemas":{"Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"integer"}}}}}}
        """);

    [Fact]
    public async Task Keys_Versions_Rollback_Reproduce_Audit_AsAPlatformTeamRunsThem()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        string[] at = ["--tenant", "acme", "--store", store];

        // Keys: the secret is printed once; list shows metadata only.
        var created = await CliRun.RunAsync(["keys", "create", "--role", "reader,runner", "--name", "ci", .. at]);
        Assert.True(created.ExitCode == 0, created.ToString());
        using var key = JsonDocument.Parse(created.Out);
        var secret = key.RootElement.GetProperty("secret").GetString()!;
        var keyId = key.RootElement.GetProperty("key").GetProperty("id").GetString()!;
        Assert.Contains("shown only now", created.Error, StringComparison.Ordinal);
        var listed = await CliRun.RunAsync(["keys", "list", .. at]);
        Assert.Contains(keyId, listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await AllFilesAsync(store), StringComparison.Ordinal);
        Assert.Equal(2, (await CliRun.RunAsync(["keys", "create", "--role", "superuser", .. at])).ExitCode);

        // v1 is active at once and has a run; v2 is breaking and waits.
        var pipeline = new MockGenPipeline(PipelineStore.LocalFolder(store), CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        var v1 = await PublishAsync(pipeline, V1);
        var firstRun = (await pipeline.Publisher.RunForActiveAsync("acme", "pets.json", v1, 2))!;
        await pipeline.Runs.StartAsync(firstRun);
        await pipeline.Runner.RunAsync(firstRun);
        var v2 = await PublishAsync(pipeline, V2);
        var versions = await CliRun.RunAsync(["versions", "list", "--contract", "pets.json", .. at]);
        Assert.Equal(2, versions.OutLines.Length);
        Assert.Contains("\"state\":\"PendingApproval\"", versions.OutLines.Single(l => l.Contains(v2, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("active " + v1, versions.Error, StringComparison.Ordinal);

        // Approve: v2 becomes active and its run is generated here.
        var approve = await CliRun.RunAsync(["versions", "approve", "--contract", "pets.json", "--version", v2, "--reason", "consumers migrated", .. at]);
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.Contains("\"state\":\"Approved\"", approve.Out, StringComparison.Ordinal);
        Assert.Matches(@"run \S+: Completed, \d+ payloads", approve.Error);
        Assert.NotEqual(0, (await CliRun.RunAsync(["versions", "approve", "--contract", "pets.json", "--version", v2, .. at])).ExitCode);
        var v2Run = (await pipeline.Publisher.RunForActiveAsync("acme", "pets.json", v2, 2))!.RunId;

        // Roll back to v1 and re-validate the latest dataset (v2's run) against it: every Pet fails, nothing is regenerated.
        var before = await AllFilesAsync(Path.Combine(store, "datasets"));
        var rollback = await CliRun.RunAsync(["versions", "activate", "--contract", "pets.json", "--version", v1, "--revalidate", .. at]);
        Assert.Equal(1, rollback.ExitCode);
        using (var drift = JsonDocument.Parse(rollback.Out))
        {
            Assert.Equal(v2Run, drift.RootElement.GetProperty("runId").GetString());
            Assert.Equal(v1, drift.RootElement.GetProperty("againstVersion").GetString());
            Assert.True(drift.RootElement.GetProperty("payloads").GetInt64() > 0);
            Assert.Equal(drift.RootElement.GetProperty("payloads").GetInt64(), drift.RootElement.GetProperty("failing").GetInt64());
        }

        Assert.Equal(before, await AllFilesAsync(Path.Combine(store, "datasets")));
        Assert.Contains($"pets.json: active {v1} (was {v2})", rollback.Error, StringComparison.Ordinal);

        // Reproduce v2's run byte for byte.
        var reproduce = await CliRun.RunAsync(["reproduce", "--run", v2Run, .. at]);
        Assert.True(reproduce.ExitCode == 0, reproduce.ToString());
        Assert.Contains("reproduced byte for byte", reproduce.Error, StringComparison.Ordinal);

        // The audit log has every step and its chain is intact; an edited entry is found.
        var audit = await CliRun.RunAsync(["audit", "list", .. at]);
        foreach (var action in new[] { "key.create", "contract.approve", "contract.activate" })
        {
            Assert.Contains("\"action\":\"" + action + "\"", audit.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(secret, audit.Out, StringComparison.Ordinal);
        var verify = await CliRun.RunAsync(["audit", "verify", .. at]);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("intact", verify.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await CliRun.RunAsync(["audit", "verify", "--expect-head", new string('a', 64), .. at])).ExitCode);

        // Someone with write access to the store edits the approval's reason: verify exits 1 and names the entry.
        var logFile = Directory.EnumerateFiles(Path.Combine(store, ".tables", "audit"), "*.json", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains("consumers migrated", StringComparison.Ordinal));
        await File.WriteAllTextAsync(logFile, (await File.ReadAllTextAsync(logFile)).Replace("consumers migrated", "nobody asked", StringComparison.Ordinal));
        var tampered = await CliRun.RunAsync(["audit", "verify", .. at]);
        Assert.Equal(1, tampered.ExitCode);
        Assert.NotEmpty(tampered.OutLines);
    }

    private static async Task<string> PublishAsync(MockGenPipeline pipeline, byte[] content)
    {
        var version = await pipeline.Registry.RegisterAsync("acme", "pets.json", content);
        await pipeline.Publisher.PublishContractAsync(version, "test");
        return version.Version;
    }

    // Every file's path, size and bytes under a folder, in order: equal strings mean nothing was written there.
    private static async Task<string> AllFilesAsync(string root)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(file).Append(' ').Append(await File.ReadAllTextAsync(file)).Append('\n');
        }

        return text.ToString();
    }
}
