using Spectre.Console;

namespace MockGen.Cli;

/// <summary>
/// The process's streams as commands see them. Tests build one over string writers; the real one wraps
/// the console. Rich output (Spectre tables, progress) is used only where the stream is a terminal.
/// </summary>
internal sealed class CliConsole
{
    private readonly Func<Stream> _openInput;

    public CliConsole(TextWriter output, TextWriter error, Func<Stream> openInput, bool isOutputTerminal = false, bool isErrorTerminal = false)
    {
        Out = output;
        Error = error;
        _openInput = openInput;
        IsOutputTerminal = isOutputTerminal;
        IsErrorTerminal = isErrorTerminal;
    }

    /// <summary>Standard output: results (tables, JSON lines).</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: summaries, progress and error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard output is an interactive terminal (not redirected to a file or pipe).</summary>
    public bool IsOutputTerminal { get; }

    /// <summary>Whether standard error is an interactive terminal.</summary>
    public bool IsErrorTerminal { get; }

    /// <summary>The console of this process.</summary>
    /// <remarks>
    /// Standard output is buffered (Console.Out flushes on every write, which halves validate's throughput);
    /// <see cref="Program.Main"/> flushes it before exiting. Standard error stays unbuffered for prompt messages.
    /// </remarks>
    public static CliConsole FromSystem() =>
        new(
            new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" },
            Console.Error,
            Console.OpenStandardInput,
            !Console.IsOutputRedirected,
            !Console.IsErrorRedirected);

    /// <summary>Opens standard input (for a dataset given as <c>-</c>).</summary>
    public Stream OpenInput() => _openInput();

    /// <summary>A Spectre console over standard output, for tables on a terminal.</summary>
    public IAnsiConsole CreateRichOut() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });

    /// <summary>A Spectre console over standard error, for progress on a terminal.</summary>
    public IAnsiConsole CreateRichError() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
}
