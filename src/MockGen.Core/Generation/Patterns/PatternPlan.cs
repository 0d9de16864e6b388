using System.Text.RegularExpressions;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// What generation needs for one pattern: its AST (to generate from) and the validator's own compiled pattern
/// (to verify with), so a generated string is accepted exactly when the gate would accept it.
/// </summary>
internal sealed class PatternPlan
{
    // The validator's default (SchemaSetOptions.RegexTimeout); it only bites for backreferences and lookarounds,
    // since the validator runs catastrophic shapes on the linear-time engine.
    private static readonly TimeSpan s_verifyTimeout = TimeSpan.FromSeconds(1);

    private PatternPlan(ParsedPattern? parsed, CompiledPattern? verifier, PatternAnalysis analysis)
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

    public CompiledPattern? Verifier { get; }

    public PatternAnalysis Analysis { get; }

    public bool AnchoredAtStart { get; }

    public bool AnchoredAtEnd { get; }

    public static PatternPlan Create(string pattern)
    {
        // One parse serves both: the verifier's regex is written from this AST, so they cannot disagree.
        if (!CompiledPattern.TryCreate(pattern, s_verifyTimeout, out var verifier, out var error))
        {
            return new PatternPlan(null, null, PatternAnalysis.Unsupported(error!));
        }

        return new PatternPlan(verifier!.Parsed, verifier, PatternAnalysis.Supported);
    }

    /// <summary>ECMA-262 search semantics, as the validator matches: true when the pattern matches anywhere in <paramref name="value"/>.</summary>
    public bool IsMatch(string value)
    {
        if (Verifier is null)
        {
            return false;
        }

        try
        {
            return Verifier.Regex.IsMatch(value);
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
