namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// Why a pattern cannot be parsed or honoured. Internal control flow of <see cref="PatternParser"/>: it never
/// leaves <c>PatternParser.TryParse</c>, which turns it into a <see cref="PatternAnalysis"/>.
/// </summary>
internal sealed class PatternParseException : Exception
{
    private PatternParseException(string message)
        : base(message)
    {
    }

    public static PatternParseException At(int offset, string problem) => new($"at offset {offset}: {problem}");

    public static PatternParseException TooDeep(int offset, int limit) => new($"at offset {offset}: groups nest deeper than {limit}");

    public static PatternParseException TooLong(int length, int limit) => new($"pattern is {length} code points long; the limit is {limit}");
}
