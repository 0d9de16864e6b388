namespace MockGen.Core.Generation.Patterns;

/// <summary>Whether <see cref="PatternGenerator"/> can generate strings for a pattern, and if not, why.</summary>
/// <param name="IsSupported">True when the pattern parsed and can be verified.</param>
/// <param name="Reason">Why not, with the offset in the pattern; null when supported.</param>
internal sealed record PatternAnalysis(bool IsSupported, string? Reason)
{
    public static PatternAnalysis Supported { get; } = new(true, null);

    public static PatternAnalysis Unsupported(string reason) => new(false, reason);
}
