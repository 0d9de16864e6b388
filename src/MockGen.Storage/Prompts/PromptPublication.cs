using MockGen.Storage.Governance;

namespace MockGen.Storage.Prompts;

/// <summary>What <see cref="PromptPublisher.PublishAsync"/> did with a pushed template.</summary>
/// <param name="Version">The stored version; <see cref="PromptVersion.Active"/> says whether <c>--prompt {name}</c> now resolves to it.</param>
/// <param name="Decision">Its governance record: approved (and active) or waiting for an approver.</param>
/// <param name="Created">Whether the text was stored for the first time.</param>
public sealed record PromptPublication(PromptVersion Version, VersionDecision Decision, bool Created);
