using System.Diagnostics;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

/// <summary>
/// A <c>--store</c> folder typed on the command line beats a <c>MOCKGEN_STORAGE_CONNECTION_STRING</c> left in the shell
/// (as <c>generate --ai-store</c> already did), for <c>serve</c>, <c>prompts</c> and the governance commands; without
/// <c>--store</c> the variable still decides. Child processes, so the variable (here unusable) reaches only them.
/// </summary>
public sealed class StoreOptionPrecedenceTests
{
    private const string Variable = "MOCKGEN_STORAGE_CONNECTION_STRING";
    private const string Unusable = "DefaultEndpointsProtocol=http;AccountName=nobody;AccountKey=not-base64!";

    private static string Mockgen => Path.Combine(AppContext.BaseDirectory, "mockgen.dll");

    [Fact]
    public async Task PromptsAndKeys_ExplicitStore_BeatTheVariable_WithoutItTheVariableDecides()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var prompt = folder.Write("refunds.prompt", "You write refunds.\n---\nScenario {{scenario}} for {{target}}.");
        var pushed = await CliRun.RunAsync(["prompts", "push", prompt, "--tenant", "acme", "--store", store]);
        Assert.True(pushed.ExitCode == 0, pushed.ToString());
        var environment = new Dictionary<string, string> { [Variable] = Unusable };

        var prompts = await Tool.ChildProcess.RunAsync("dotnet", [Mockgen, "prompts", "list", "--tenant", "acme", "--store", store], folder.Path, environment);
        var keys = await Tool.ChildProcess.RunAsync("dotnet", [Mockgen, "keys", "list", "--tenant", "acme", "--store", store], folder.Path, environment);
        var fromVariable = await Tool.ChildProcess.RunAsync("dotnet", [Mockgen, "prompts", "list", "--tenant", "acme"], folder.Path, environment);

        Assert.True(prompts.ExitCode == 0, prompts.ToString());
        Assert.Contains("refunds@" + pushed.Out.Trim().Split('@')[1], prompts.Out, StringComparison.Ordinal);
        Assert.True(keys.ExitCode == 0, keys.ToString());
        Assert.Equal(2, fromVariable.ExitCode);
        Assert.StartsWith("error: " + Variable + ": AccountKey is not valid base64", fromVariable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ExplicitStore_BeatsTheVariable()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "store");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Mockgen, "serve", "--port", "0", "--no-watch", "--store", store })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[Variable] = Unusable;
        using var serve = Process.Start(start)!;
        try
        {
            var error = serve.StandardError.ReadToEndAsync();
            var line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(line is not null, "serve exited: " + (serve.WaitForExit(5000) ? await error : string.Empty));
            Assert.Contains("listening on http://127.0.0.1:", line, StringComparison.Ordinal);
            Assert.Contains("(folder " + Path.GetFullPath(store) + ")", line, StringComparison.Ordinal);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
