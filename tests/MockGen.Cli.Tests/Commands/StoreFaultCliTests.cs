using System.Security.Cryptography;
using MockGen.Core.Tests.Contracts;
using MockGen.Storage.Tests.Support;

namespace MockGen.Cli.Tests.Commands;

/// <summary>
/// A command that writes to a local folder store on a full disk or a read-only file system (issue 12): one
/// <c>error:</c> line naming the blob, the folder and the reason, exit code 2, and what was stored before still there.
/// </summary>
public sealed class StoreFaultCliTests
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";

    [MountFact]
    public async Task PromptsPush_ReadOnlyStore_ExitsTwoNamingBlobFolderAndReason_OldVersionStillListed()
    {
        using var disk = TmpfsMount.Create(sizeKilobytes: 1024);
        using var folder = new TempFolder();
        var store = Path.Combine(disk.Path, "store");
        var first = await CliRun.RunAsync(["prompts", "push", folder.Write("refunds.prompt", V1), "--store", store]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Snapshot(store);

        disk.RemountReadOnly();
        try
        {
            var push = await CliRun.RunAsync(["prompts", "push", folder.Write("refunds.prompt", V1 + " v2"), "--store", store]);
            var list = await CliRun.RunAsync(["prompts", "list", "--store", store]);

            Assert.True(push.ExitCode == 2, push.ToString());
            Assert.Matches("^error: prompt-versions/default/refunds/[^ ]+: the store folder " + System.Text.RegularExpressions.Regex.Escape(store) + " refused the write: the file system is read-only; what it held before is unchanged\n$", push.Error);
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.StartsWith(first.Out.Trim() + "  ", Assert.Single(list.OutLines), StringComparison.Ordinal);
        }
        finally
        {
            disk.RemountReadWrite();
        }

        Assert.Equal(before, Snapshot(store));
    }

    [MountFact]
    public async Task PromptsPush_FullDisk_ExitsTwoNamingBlobFolderAndReason_NothingStoredChanged()
    {
        using var disk = TmpfsMount.Create(sizeKilobytes: 1024);
        using var folder = new TempFolder();
        var store = Path.Combine(disk.Path, "store");
        var first = await CliRun.RunAsync(["prompts", "push", folder.Write("refunds.prompt", V1), "--store", store]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Snapshot(store);
        disk.Fill(bytesFree: 8 * 1024);

        // A 256 KiB template cannot fit in the 8 KiB left.
        var push = await CliRun.RunAsync(["prompts", "push", folder.Write("big.prompt", "system\n---\n" + new string('x', 256 * 1024)), "--store", store]);
        var list = await CliRun.RunAsync(["prompts", "list", "--store", store]);

        Assert.True(push.ExitCode == 2, push.ToString());
        Assert.Matches("^error: prompt-versions/default/big/[^ ]+: the store folder " + System.Text.RegularExpressions.Regex.Escape(store) + " refused the write: no space left on device; what it held before is unchanged\n$", push.Error);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.StartsWith(first.Out.Trim() + "  ", Assert.Single(list.OutLines), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(store));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(store, ".tmp")));
    }

    private static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal), StringComparer.Ordinal);
}
