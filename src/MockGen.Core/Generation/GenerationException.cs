namespace MockGen.Core.Generation;

/// <summary>A generation run cannot start: invalid options or a target the validator cannot compile.</summary>
public sealed class GenerationException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public GenerationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public GenerationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public GenerationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static GenerationException InvalidOptions(IEnumerable<string> problems) =>
        new("Invalid generation options: " + string.Join("; ", problems));

    internal static GenerationException TargetNotCompilable(string contract, string target, Exception cause) =>
        new(contract + " " + target + ": the target's schema cannot be compiled: " + cause.Message, cause);
}
