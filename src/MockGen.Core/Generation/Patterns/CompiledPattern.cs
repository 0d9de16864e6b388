using System.Text.RegularExpressions;

namespace MockGen.Core.Generation.Patterns;

/// <summary>A parsed pattern with its ECMA-faithful .NET verifier, or the reason it cannot be used.</summary>
internal sealed class CompiledPattern
{
    // Backtracking is needed only for lookarounds and backreferences; elsewhere the linear-time engine makes
    // verification immune to catastrophic patterns such as (a+)+$.
    private static readonly TimeSpan s_backtrackingTimeout = TimeSpan.FromMilliseconds(250);

    private CompiledPattern(ParsedPattern? parsed, Regex? verifier, PatternAnalysis analysis)
    {
        Parsed = parsed;
        Verifier = verifier;
        Analysis = analysis;
        if (parsed is not null)
        {
            AnchoredAtStart = StartsAnchored(parsed.Root);
            AnchoredAtEnd = EndsAnchored(parsed.Root);
        }
    }

    public ParsedPattern? Parsed { get; }

    public Regex? Verifier { get; }

    public PatternAnalysis Analysis { get; }

    public bool AnchoredAtStart { get; }

    public bool AnchoredAtEnd { get; }

    public static CompiledPattern Compile(string pattern)
    {
        if (!PatternParser.TryParse(pattern, out var parsed, out var reason))
        {
            return new CompiledPattern(null, null, PatternAnalysis.Unsupported(reason!));
        }

        var translated = NetRegexTranslator.Translate(parsed!.Root);
        Regex verifier;
        try
        {
            verifier = parsed.HasBackreferenceOrLookaround
                ? new Regex(translated, RegexOptions.CultureInvariant, s_backtrackingTimeout)
                : new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // The linear engine refuses some very large counted repetitions; the backtracking engine with a
            // timeout is the fallback, and a pattern neither engine accepts is reported, not guessed.
            try
            {
                verifier = new Regex(translated, RegexOptions.CultureInvariant, s_backtrackingTimeout);
            }
            catch (ArgumentException inner)
            {
                return new CompiledPattern(null, null, PatternAnalysis.Unsupported($"cannot build a verifier: {inner.Message}"));
            }
        }

        return new CompiledPattern(parsed, verifier, PatternAnalysis.Supported);
    }

    /// <summary>ECMA-262 search semantics: true when the pattern matches anywhere in <paramref name="value"/>.</summary>
    public bool IsMatch(string value)
    {
        if (Verifier is null)
        {
            return false;
        }

        try
        {
            return Verifier.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool StartsAnchored(PatternNode node) => node switch
    {
        AssertionNode { Kind: AssertionKind.Start } => true,
        SequenceNode sequence => sequence.Items.Count > 0 && StartsAnchored(sequence.Items[0]),
        AlternationNode alternation => alternation.Alternatives.All(StartsAnchored),
        GroupNode group => StartsAnchored(group.Item),
        _ => false,
    };

    private static bool EndsAnchored(PatternNode node) => node switch
    {
        AssertionNode { Kind: AssertionKind.End } => true,
        SequenceNode sequence => sequence.Items.Count > 0 && EndsAnchored(sequence.Items[^1]),
        AlternationNode alternation => alternation.Alternatives.All(EndsAnchored),
        GroupNode group => EndsAnchored(group.Item),
        _ => false,
    };
}
