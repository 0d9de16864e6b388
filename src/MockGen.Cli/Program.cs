using System.CommandLine;
using System.CommandLine.Help;
using MockGen.Cli.Commands;

namespace MockGen.Cli;

/// <summary>The <c>mockgen</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs <c>mockgen</c> on the process console.</summary>
    public static async Task<int> Main(string[] args)
    {
        var console = CliConsole.FromSystem();
        try
        {
            return await RunAsync(args, console, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await console.Out.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <c>mockgen</c> with the given streams (tests call this in-process).</summary>
    internal static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken) =>
        CliRunner.InvokeAsync(BuildRootCommand(console), args, console, cancellationToken);

    /// <summary>
    /// The command tree. To add a command, write <c>Commands/&lt;Name&gt;Command.cs</c> with
    /// <c>public static Command Create(CliConsole console)</c> (see <see cref="InspectCommand"/>) and add
    /// one line here.
    /// </summary>
    internal static Command BuildRootCommand(CliConsole console)
    {
        // A plain command named "mockgen" rather than RootCommand, whose name is the host executable's
        // ("testhost" under a test runner): help reads the same however mockgen is started.
        var root = new Command("mockgen", "mockgen: schema-valid, reproducible JSON test payloads from API contracts "
            + "(OpenAPI 2.0, 3.0, 3.1 and JSON Schema, in JSON or YAML).");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(InspectCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(GenerateCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(KeysCommand.Create(console));
        root.Subcommands.Add(AuditCommand.Create(console));
        root.Subcommands.Add(VersionsCommand.Create(console));
        root.Subcommands.Add(ReproduceCommand.Create(console));
        root.Subcommands.Add(PullCommand.Create(console));
        root.Subcommands.Add(PromptsCommand.Create(console));
        CliHelp.SetExamples(
            root,
            "# List the payload targets of a contract",
            "mockgen inspect petstore.yaml",
            "# Check a dataset against its contract",
            "mockgen validate petstore.yaml dataset.ndjson",
            "# Generate five payloads per target",
            "mockgen generate petstore.yaml --count 5 --out dataset.ndjson");
        CliHelp.Install(root);
        return root;
    }
}
