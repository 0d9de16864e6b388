using System.Diagnostics;
using System.Text;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// Runs a real process (dotnet, bash, the installed <c>mockgen</c>) with its own environment: the test process's
/// variables minus credentials (MockGen's and Azure's) and MSBuild's, which the test host sets and a child build must not
/// inherit.
/// </summary>
internal static class ChildProcess
{
    // MockGen's credentials, and what DefaultAzureCredential's environment and workload-identity credentials read.
    private static readonly string[] Removed =
    [
        "MOCKGEN_API_KEY", "MOCKGEN_ACCESS_TOKEN", "MOCKGEN_SERVER", "AZURE_TOKEN_CREDENTIALS", "AZURE_CLIENT_ID", "AZURE_TENANT_ID",
        "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN_FILE",
    ];

    public static async Task<CliRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (Removed.Contains(name, StringComparer.Ordinal) || name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout ?? TimeSpan.FromMinutes(3)}:\n{Tail(await output)}\n{Tail(await error)}");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
