namespace MockGen.Cli;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Done: everything succeeded (every record valid, every target produced).</summary>
    public const int Success = 0;

    /// <summary>The job ran, but some of it failed: an invalid record, an unsatisfiable target.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unreadable or malformed contract or dataset, unknown target, invalid option.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>The lines <c>--help</c> prints about exit codes.</summary>
    public const string HelpText = "  0  success\n  1  the job ran but something failed (an invalid record, an unsatisfiable target)\n  2  bad input (unreadable contract or dataset, malformed line, unknown target, invalid option)";
}
