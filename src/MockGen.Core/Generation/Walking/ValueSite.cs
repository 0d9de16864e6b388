using MockGen.Core.Generation.Schemas;

namespace MockGen.Core.Generation.Walking;

/// <summary>Where a value sits: its JSON Pointer, property name, nesting, references followed and dynamic scope.</summary>
internal sealed record ValueSite(
    string Pointer,
    string? PropertyName,
    int Depth,
    int References,
    IReadOnlyList<SchemaCursor> Scope,
    object? Record)
{
    /// <summary>True below an anyOf/oneOf/not/if choice, where a broken keyword is reported through the choice too.</summary>
    public bool Branched { get; init; }

    /// <summary>The reference targets followed from the root to here.</summary>
    public IReadOnlyList<SchemaCursor> ReferencePath { get; init; } = [];

    public string ParentPointer
    {
        get
        {
            var slash = Pointer.LastIndexOf('/');
            return slash > 0 ? Pointer[..slash] : string.Empty;
        }
    }
}
