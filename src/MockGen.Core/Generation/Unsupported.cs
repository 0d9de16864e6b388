namespace MockGen.Core.Generation;

/// <summary>The schema may be satisfiable but the generator cannot build a payload for it (e.g. an unsupported pattern).</summary>
/// <param name="Reason">What is not supported.</param>
/// <param name="SchemaLocation">The keyword path responsible.</param>
internal sealed record Unsupported(string Reason, string SchemaLocation) : GenerationResult;
