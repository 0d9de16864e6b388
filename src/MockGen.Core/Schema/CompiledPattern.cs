using System.Text.RegularExpressions;

namespace MockGen.Core.Schema;

/// <summary>
/// An ECMA-262 pattern translated to .NET and compiled once. Uses <see cref="RegexOptions.NonBacktracking"/>
/// (linear time, immune to catastrophic backtracking) when the pattern allows it, and the backtracking
/// engine with a match timeout otherwise (backreferences, lookarounds).
/// </summary>
internal sealed class CompiledPattern
{
    private CompiledPattern(string source, Regex regex, bool isLinear)
    {
        Source = source;
        Regex = regex;
        IsLinear = isLinear;
    }

    /// <summary>The pattern as written in the schema (ECMA-262).</summary>
    public string Source { get; }

    /// <summary>The compiled .NET regex (for generators such as Fare, use <see cref="Source"/>).</summary>
    public Regex Regex { get; }

    /// <summary>Whether matching runs in linear time (no timeout needed).</summary>
    public bool IsLinear { get; }

    /// <summary>Compiles; returns false with a reason for an invalid or untranslatable pattern.</summary>
    public static bool TryCreate(string source, TimeSpan timeout, out CompiledPattern? pattern, out string? error)
    {
        pattern = null;
        if (!EcmaRegexTranslator.TryTranslate(source, out var translated, out error))
        {
            return false;
        }

        try
        {
            var regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, timeout);
            pattern = new CompiledPattern(source, regex, isLinear: true);
            return true;
        }
        catch (NotSupportedException)
        {
            // Backreferences and lookarounds need the backtracking engine; the timeout bounds it.
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }

        try
        {
            var regex = new Regex(translated, RegexOptions.CultureInvariant, timeout);
            pattern = new CompiledPattern(source, regex, isLinear: false);
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Matches; null when the match timed out.</summary>
    public bool? IsMatch(ReadOnlySpan<char> input)
    {
        try
        {
            return Regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Source;
}
