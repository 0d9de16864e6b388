using System.Text.RegularExpressions;
using MockGen.Deployment.Tests.Support;

namespace MockGen.Deployment.Tests.Infra;

/// <summary>
/// infra/ compiles and lints with zero diagnostics under the pinned Bicep CLI. Warnings (an unknown API version,
/// BCP081; an unknown property, BCP037) leave the exit code at 0, so the output is scanned as well.
/// </summary>
public sealed partial class BicepLintTests
{
    // The two deployment entry points: main.bicep (azd provision) and the subscription the postdeploy hook deploys.
    private static readonly string[] EntryPointFiles = ["main.bicep", "app/blob-event-subscription.bicep"];

    public static TheoryData<string> EntryPoints => new(EntryPointFiles);

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Build_EntryPoint_CompilesWithoutDiagnostics(string file)
    {
        var run = await BicepCli.RunAsync("build", Path.Combine(Locations.Infra, file), "--stdout");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Diagnostics);
        Assert.StartsWith("{", run.Out.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task Lint_EntryPoint_HasNoWarnings(string file)
    {
        var run = await BicepCli.RunAsync("lint", Path.Combine(Locations.Infra, file));

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void EveryModule_IsReachableFromAnEntryPoint_SoTheLintAboveCoversIt()
    {
        // Linting an entry point reports the diagnostics of every module it references (verified with an unused
        // parameter in a module), so one lint per entry point covers a module only if something references it.
        var files = Directory.GetFiles(Locations.Infra, "*.bicep", SearchOption.AllDirectories).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(EntryPointFiles.Select(e => Path.GetFullPath(Path.Combine(Locations.Infra, e))));
        while (pending.TryPop(out var file))
        {
            if (!reached.Add(file))
            {
                continue;
            }

            foreach (Match module in ModuleReference().Matches(File.ReadAllText(file)))
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, module.Groups[1].Value)));
            }
        }

        Assert.Empty(files.Except(reached).Order(StringComparer.Ordinal));
        Assert.True(reached.Count >= 8, "expected main.bicep and its modules under infra/");
    }

    [Fact]
    public async Task Lint_ConfigRaisesRulesToErrors_SoAnUnusedParameterFails()
    {
        // Proves bicepconfig.json at the root is read: a module with an unused parameter must fail, not pass.
        var folder = Path.Combine(Locations.Infra, "obj-lint-probe-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            var probe = Path.Combine(folder, "probe.bicep");
            await File.WriteAllTextAsync(probe, "param unused string\n");
            var run = await BicepCli.RunAsync("lint", probe);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(run.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^module\s+\w+\s+'([^']+\.bicep)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
