namespace MockGen.Storage.Governance;

/// <summary>The kinds of versioned objects a tenant governs; each has immutable <c>sha256:</c> versions and one active version per name.</summary>
public enum VersionKind
{
    /// <summary>An API contract (<c>contracts/{tenant}/{name}</c>).</summary>
    Contract,

    /// <summary>The tenant profile (run defaults, AI settings, governance policy); its one name is <c>profile</c>.</summary>
    Profile,

    /// <summary>A prompt template (<c>prompts/{tenant}/{name}</c>).</summary>
    Prompt,
}
