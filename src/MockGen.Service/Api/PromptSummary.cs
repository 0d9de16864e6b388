namespace MockGen.Service.Api;

/// <summary>One prompt template of a tenant with all its versions, oldest first, and the one that is active.</summary>
/// <param name="Name">The prompt name (what <c>--prompt {name}</c> takes).</param>
/// <param name="Active">The active version (what runs resolve the name to), or null when none is.</param>
/// <param name="Versions">Its versions.</param>
public sealed record PromptSummary(string Name, string? Active, IReadOnlyList<PromptVersionState> Versions);
