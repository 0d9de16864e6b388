using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Cli.Tests.Pull;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// MockGen.Cli as a .NET tool (issue 10): the package the repository packs installs offline with
/// <c>dotnet tool install</c>, and the installed <c>mockgen</c> is the whole CLI (version, generate, validate).
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class ToolInstallTests(ToolPackageFixture tool)
{
    [Fact]
    public void Install_FromThePackedFeed_NeedsNoOtherSource()
    {
        Assert.True(tool.Install.ExitCode == 0, tool.Install.ToString());
        Assert.Contains("'mockgen.cli' (version '" + tool.Version + "') was successfully installed", tool.Install.Out, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(tool.Mockgen), tool.Mockgen);
    }

    [Fact]
    public async Task InstallGlobal_FromThePackedFeed_PutsMockgenInDotnetTools()
    {
        // --global installs under the user's home: a home of the test's own, so the machine's ~/.dotnet/tools is untouched.
        var sandbox = tool.CreateSandbox("global");
        var home = Path.Combine(sandbox, "home");
        var environment = new Dictionary<string, string> { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home, ["NUGET_PACKAGES"] = Path.Combine(sandbox, "packages") };

        var install = await ChildProcess.RunAsync("dotnet", ["tool", "install", "--global", "MockGen.Cli", "--version", tool.Version, "--add-source", tool.Feed], sandbox, environment);

        Assert.True(install.ExitCode == 0, install.ToString());
        var version = await ChildProcess.RunAsync(Path.Combine(home, ".dotnet", "tools", Path.GetFileName(tool.Mockgen)), ["--version"], sandbox);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(tool.Version, version.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_IsThePackagesVersion()
    {
        var version = await ChildProcess.RunAsync(tool.Mockgen, ["--version"], tool.CreateSandbox("version"));

        Assert.True(version.ExitCode == 0, version.ToString());
        // The informational version: the package version, then +<commit> when built from git.
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(tool.Version) + @"(\+[0-9a-f]+)?\n$", version.Out);
    }

    [Fact]
    public async Task GenerateThenValidate_WithTheInstalledTool_IsTheSameAsTheInProcessCli()
    {
        var folder = tool.CreateSandbox("generate");
        var dataset = Path.Combine(folder, "payments.ndjson");

        var generate = await ChildProcess.RunAsync(tool.Mockgen, ["generate", ServeFixture.SamplePath, "--variant", "all", "--count", "3", "--seed", "7", "--out", dataset], folder);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        var validate = await ChildProcess.RunAsync(tool.Mockgen, ["validate", ServeFixture.SamplePath, dataset], folder);
        Assert.True(validate.ExitCode == 0, validate.ToString());

        // Same bytes as the CLI the tests link, so the package is this build, not a stale one.
        var inProcess = await CliRun.RunAsync(["generate", ServeFixture.SamplePath, "--variant", "all", "--count", "3", "--seed", "7"]);
        Assert.Equal(inProcess.Out, await File.ReadAllTextAsync(dataset));
        var lines = await File.ReadAllLinesAsync(dataset);
        Assert.Equal(lines.Length, validate.OutLines.Length);

        // The gate can fail: a typical record whose payload no longer matches its target exits 1.
        var typical = Array.FindIndex(lines, l => JsonDocument.Parse(l).RootElement.GetProperty("meta").GetProperty("variant").GetString() == "typical");
        var record = JsonNode.Parse(lines[typical])!;
        record["payload"] = 12345;
        lines[typical] = record.ToJsonString();
        await File.WriteAllLinesAsync(dataset, lines);
        var broken = await ChildProcess.RunAsync(tool.Mockgen, ["validate", ServeFixture.SamplePath, dataset], folder);
        Assert.True(broken.ExitCode == 1, broken.ToString());
    }
}
