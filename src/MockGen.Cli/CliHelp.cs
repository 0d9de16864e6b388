using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace MockGen.Cli;

/// <summary>
/// Help that teaches: after System.CommandLine's usage, arguments and options, each command can show
/// examples (<see cref="SetExamples"/>), and every command lists the exit codes.
/// </summary>
internal static class CliHelp
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = new();

    /// <summary>Help is wrapped at this width so that its text (and its snapshot tests) do not depend on the terminal.</summary>
    public const int Width = 100;

    /// <summary>Attaches example command lines (with a comment line before each, starting with <c>#</c>) to a command's help.</summary>
    public static void SetExamples(Command command, params string[] lines) => Examples.AddOrUpdate(command, lines);

    /// <summary>Replaces the help option's action on <paramref name="root"/> with one that adds examples and exit codes.</summary>
    public static void Install(Command root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction inner)
            {
                inner.MaxWidth = Width;
                help.Action = new TeachingHelpAction(inner);
            }
        }
    }

    private sealed class TeachingHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
            {
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine(line.Length == 0 ? string.Empty : "  " + line);
                }

                output.WriteLine();
            }

            output.WriteLine("Exit codes:");
            output.WriteLine(ExitCodes.HelpText);
            output.WriteLine();
            return ExitCodes.Success;
        }
    }
}
