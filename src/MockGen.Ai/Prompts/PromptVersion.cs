namespace MockGen.Ai.Prompts;

/// <summary>One immutable version of a tenant's prompt template, as the registry lists it.</summary>
/// <param name="Tenant">The owning tenant.</param>
/// <param name="Name">The prompt's name (<c>prompts/{tenant}/{name}</c>).</param>
/// <param name="Version">The version, <c>sha256:</c> over the template's text with LF line endings (<see cref="PromptTemplate.Version"/>), so a file and its pushed copy share every cassette key.</param>
/// <param name="PushedAt">When this version was first stored (ISO-8601, from the registry's clock).</param>
/// <param name="Parameters">The <c>{{name}}</c> parameters the template uses, in first-use order.</param>
/// <param name="Size">The size of the normalised text in UTF-8 bytes.</param>
public sealed record PromptVersion(string Tenant, string Name, string Version, string PushedAt, IReadOnlyList<string> Parameters, long Size)
{
    /// <summary>Whether this is the version <c>prompts/{tenant}/{name}</c> holds now: what <c>--prompt {name}</c> resolves to.</summary>
    public bool Active { get; init; }
}
