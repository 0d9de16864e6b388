namespace MockGen.Cli.Tests;

/// <summary>
/// <c>--help</c> is part of the product: its text is snapshotted in <c>Expectations/help-*.txt</c>.
/// After changing a description or adding a command, regenerate with
/// <c>dotnet src/MockGen.Cli/bin/Debug/net10.0/mockgen.dll [command] --help | sed 's/[ \t]*$//'</c> and review the diff.
/// </summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("root", new string[] { "--help" })]
    [InlineData("inspect", new[] { "inspect", "--help" })]
    [InlineData("validate", new[] { "validate", "--help" })]
    [InlineData("generate", new[] { "generate", "--help" })]
    [InlineData("validate", new[] { "validate", "-h" })]
    [InlineData("serve", new[] { "serve", "--help" })]
    [InlineData("report", new[] { "report", "--help" })]
    [InlineData("prompts", new[] { "prompts", "--help" })]
    [InlineData("prompts-list", new[] { "prompts", "list", "--help" })]
    [InlineData("prompts-show", new[] { "prompts", "show", "--help" })]
    [InlineData("prompts-push", new[] { "prompts", "push", "--help" })]
    [InlineData("prompts-approve", new[] { "prompts", "approve", "--help" })]
    public async Task Help_MatchesSnapshot(string snapshot, string[] args)
    {
        var run = await CliRun.RunAsync(args);

        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Expectations", $"help-{snapshot}.txt"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Normalize(expected), Normalize(run.Out));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task NoCommand_ExitsTwoAndPointsToHelp()
    {
        var run = await CliRun.RunAsync([]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Run 'mockgen --help' for usage and examples.", run.Error, StringComparison.Ordinal);
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd())).TrimEnd() + "\n";
}
