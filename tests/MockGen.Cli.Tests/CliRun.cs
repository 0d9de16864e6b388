using System.Text;
using MockGen.Cli;

namespace MockGen.Cli.Tests;

/// <summary>The outcome of one in-process <c>mockgen</c> run.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>mockgen</c> with these arguments, stdin text (for <c>-</c>), and captured output; redirected, like a pipe.</summary>
    public static async Task<CliRun> RunAsync(string[] args, string stdin = "")
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)));
        var exitCode = await Program.RunAsync(args, console, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
