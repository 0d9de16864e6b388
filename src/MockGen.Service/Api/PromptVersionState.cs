using MockGen.Storage.Governance;
using MockGen.Storage.Prompts;

namespace MockGen.Service.Api;

/// <summary>A prompt template version as the API shows it: what the registry stored, plus its approval record and whether it is active.</summary>
/// <param name="Tenant">The owning tenant.</param>
/// <param name="Name">The prompt name.</param>
/// <param name="Version">The version, <c>sha256:…</c> over the text with LF line endings.</param>
/// <param name="PushedAt">When this version was first stored.</param>
/// <param name="Parameters">The <c>{{name}}</c> parameters the template uses.</param>
/// <param name="Size">The size of the normalized text in UTF-8 bytes.</param>
/// <param name="IsActive">Whether it is the active version.</param>
/// <param name="Approval">Its approval record (state, who published and decided, the reason), or null when none was recorded.</param>
public sealed record PromptVersionState(
    string Tenant,
    string Name,
    string Version,
    string PushedAt,
    IReadOnlyList<string> Parameters,
    long Size,
    bool IsActive,
    VersionDecision? Approval)
{
    internal static PromptVersionState Of(PromptVersion v, VersionDecision? decision) =>
        new(v.Tenant, v.Name, v.Version, v.PushedAt, v.Parameters, v.Size, v.Active, decision);
}
