using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Patterns;

/// <summary>The AST of a pattern plus what generation and translation need to know about its shape.</summary>
/// <param name="Root">The whole disjunction.</param>
/// <param name="CaptureCount">How many capturing groups it has.</param>
/// <param name="Syntax">The grammar it was read with: Unicode mode, or Annex B when Unicode mode rejects it.</param>
internal sealed record ParsedPattern(PatternNode Root, int CaptureCount, PatternSyntax Syntax = PatternSyntax.Unicode);
