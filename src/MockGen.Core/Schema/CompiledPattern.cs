using System.Text.RegularExpressions;
using MockGen.Core.Generation.Patterns;

namespace MockGen.Core.Schema;

/// <summary>
/// An ECMA-262 pattern translated to .NET and compiled once. Patterns that could backtrack catastrophically
/// (a quantified group holding a quantifier or an alternation, such as <c>^(a+)+$</c>) run on
/// <see cref="RegexOptions.NonBacktracking"/> (linear time); the others run on the compiled backtracking
/// engine, about 18 times faster per match here (98 ns against 1.8 µs for <c>^[A-Z]{3}-[0-9]{5}$</c>), with the
/// match timeout as a backstop. Backreferences and lookarounds always need the backtracking engine.
/// The backtracking engine starts interpreted (cheap to build: a one-shot CLI run compiles nothing) and is
/// replaced by its Reflection.Emit-compiled form once the pattern has matched <see cref="UpgradeAfter"/> times.
/// </summary>
internal sealed class CompiledPattern
{
    internal const int UpgradeAfter = 256;

    private readonly string? _translated;
    private Regex _regex;
    private int _uses;
    private volatile bool _settled;

    private CompiledPattern(string source, ParsedPattern parsed, Regex regex, bool isLinear, string? upgradeTo)
    {
        Source = source;
        Parsed = parsed;
        _regex = regex;
        IsLinear = isLinear;
        _translated = upgradeTo;
        _settled = upgradeTo is null;
    }

    /// <summary>The pattern as written in the schema (ECMA-262).</summary>
    public string Source { get; }

    /// <summary>The AST the regex was written from; the pattern generator walks the same one.</summary>
    public ParsedPattern Parsed { get; }

    /// <summary>Which grammar the pattern was read with: Unicode mode, or Annex B when Unicode mode rejects it.</summary>
    public PatternSyntax Syntax => Parsed.Syntax;

    /// <summary>The compiled .NET regex (for generators such as Fare, use <see cref="Source"/>).</summary>
    public Regex Regex => Volatile.Read(ref _regex);

    /// <summary>Whether matching runs in linear time (no timeout needed).</summary>
    public bool IsLinear { get; }

    /// <summary>Compiles; returns false with a reason for an invalid or untranslatable pattern.</summary>
    public static bool TryCreate(string source, TimeSpan timeout, out CompiledPattern? pattern, out string? error)
    {
        pattern = null;
        if (!PatternParser.TryParse(source, out var parsed, out error))
        {
            return false;
        }

        var translated = EcmaRegexTranslator.Translate(parsed!);
        try
        {
            if (!MayBacktrackCatastrophically(parsed!.Root))
            {
                var interpreted = new Regex(translated, RegexOptions.CultureInvariant, timeout);
                pattern = new CompiledPattern(source, parsed, interpreted, isLinear: false, upgradeTo: translated);
                return true;
            }

            try
            {
                var regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, timeout);
                pattern = new CompiledPattern(source, parsed, regex, isLinear: true, upgradeTo: null);
                return true;
            }
            catch (NotSupportedException)
            {
                // Backreferences, lookarounds and \b (written as lookarounds) need the backtracking engine; the timeout bounds it.
            }

            var backtracking = new Regex(translated, RegexOptions.CultureInvariant, timeout);
            pattern = new CompiledPattern(source, parsed, backtracking, isLinear: false, upgradeTo: null);
            return true;
        }
        catch (ArgumentException ex)
        {
            // The translation is generated from a valid AST, so this is a limit of .NET's regex (a count too large).
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// Whether a quantifier applies to something that itself holds a quantifier or an alternation: the shape
    /// behind exponential backtracking (<c>(a+)+</c>, <c>(a|aa)*</c>, <c>(\w+\s?)*</c>). A character class is
    /// one atom, whatever the translation writes for it.
    /// </summary>
    internal static bool MayBacktrackCatastrophically(PatternNode node) => node switch
    {
        RepeatNode repeat => HoldsChoice(repeat.Item) || MayBacktrackCatastrophically(repeat.Item),
        SequenceNode sequence => sequence.Items.Any(MayBacktrackCatastrophically),
        AlternationNode alternation => alternation.Alternatives.Any(MayBacktrackCatastrophically),
        GroupNode group => MayBacktrackCatastrophically(group.Item),
        AssertionNode { Item: { } body } => MayBacktrackCatastrophically(body),
        _ => false,
    };

    private static bool HoldsChoice(PatternNode node) => node switch
    {
        RepeatNode or AlternationNode => true,
        SequenceNode sequence => sequence.Items.Any(HoldsChoice),
        GroupNode group => HoldsChoice(group.Item),
        _ => false,
    };

    /// <summary>Matches; throws <see cref="RegexMatchTimeoutException"/> when the backtracking engine times out.</summary>
    public bool Matches(ReadOnlySpan<char> input)
    {
        if (!_settled && Interlocked.Increment(ref _uses) == UpgradeAfter)
        {
            var current = Volatile.Read(ref _regex);
            Volatile.Write(ref _regex, new Regex(_translated!, RegexOptions.CultureInvariant | RegexOptions.Compiled, current.MatchTimeout));
            _settled = true;
        }

        return Volatile.Read(ref _regex).IsMatch(input);
    }

    /// <summary>Matches; null when the match timed out.</summary>
    public bool? IsMatch(ReadOnlySpan<char> input)
    {
        try
        {
            return Matches(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Source;
}
