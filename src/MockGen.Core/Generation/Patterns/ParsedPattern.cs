namespace MockGen.Core.Generation.Patterns;

/// <summary>The AST of a pattern plus what generation needs to know about its shape.</summary>
/// <param name="Root">The whole disjunction.</param>
/// <param name="CaptureCount">How many capturing groups it has.</param>
internal sealed record ParsedPattern(PatternNode Root, int CaptureCount);
