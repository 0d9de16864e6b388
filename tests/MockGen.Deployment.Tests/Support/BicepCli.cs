using System.Diagnostics;

namespace MockGen.Deployment.Tests.Support;

/// <summary>Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (offline: type data is embedded).</summary>
internal static class BicepCli
{
    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Locations.BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Locations.RepoRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Locations.BicepPath);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>One Bicep CLI run.</summary>
internal sealed record BicepRun(int ExitCode, string Out, string Error)
{
    /// <summary>Diagnostic lines (<c>path(line,col) : Warning|Error code: message</c>), whatever their level.</summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. (Out + "\n" + Error).Split('\n').Where(l => l.Contains(" : Warning ", StringComparison.Ordinal) || l.Contains(" : Error ", StringComparison.Ordinal) || l.Contains(" : Info ", StringComparison.Ordinal))];
}
