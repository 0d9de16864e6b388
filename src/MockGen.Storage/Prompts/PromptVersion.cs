namespace MockGen.Storage.Prompts;

/// <summary>One immutable version of a tenant's prompt template, as the registry lists it.</summary>
/// <param name="Tenant">The owning tenant.</param>
/// <param name="Name">The prompt's name (<c>prompts/{tenant}/{name}</c>).</param>
/// <param name="Version">The version, <c>sha256:</c> over the template's text with LF line endings (<see cref="PromptText.Version"/>), so a file and its pushed copy share every cassette key.</param>
/// <param name="PushedAt">When this version was first stored (ISO-8601, from the registry's clock).</param>
/// <param name="Parameters">The <c>{{name}}</c> parameters the template uses, in first-use order.</param>
/// <param name="Size">The size of the normalised text in UTF-8 bytes.</param>
public sealed record PromptVersion(string Tenant, string Name, string Version, string PushedAt, IReadOnlyList<string> Parameters, long Size)
{
    /// <summary>Whether this is the active version (the governance pointer): what <c>--prompt {name}</c> and the API's <c>{name}</c> resolve to.</summary>
    public bool Active { get; init; }
}
