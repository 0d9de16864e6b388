using System.CommandLine;
using System.CommandLine.Invocation;
using MockGen.Core.Contracts;

namespace MockGen.Cli;

/// <summary>
/// Parses and runs a command line: parse errors and user errors (bad contract, bad dataset, bad option)
/// become one "error:" message on standard error and exit code 2, never a stack trace.
/// </summary>
internal static class CliRunner
{
    public static async Task<int> InvokeAsync(Command root, IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            var command = string.Join(' ', Lineage(parseResult.CommandResult.Command));
            await console.Error.WriteLineAsync($"Run '{command} --help' for usage and examples.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            // serve wires its own telemetry (OTLP plus /metrics); every other command exports only when OTLP is configured.
            var name = parseResult.CommandResult.Command.Name;
            using var telemetry = name == "serve" ? null : CliTelemetry.Start(CliTelemetry.ReadOtlp(Environment.GetEnvironmentVariable));
            using var activity = telemetry is null ? null : CliTelemetry.StartCommand(name);
            var exit = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("process.exit.code", exit);
            if (activity is not null && exit != ExitCodes.Success)
            {
                activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "exit " + exit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return exit;
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            await console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Errors the user can fix, reported as a message without stack trace.</summary>
    public static bool IsUserError(Exception exception) =>
        exception is ContractException or CliException or MockGen.Core.Schema.SchemaException or IOException or UnauthorizedAccessException
        or MockGen.Storage.MockGenStorageException;

    private static Stack<string> Lineage(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(c.Name);
        }

        return names;
    }
}
