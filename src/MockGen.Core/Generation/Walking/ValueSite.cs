using System.Text.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>Where a value sits: its JSON Pointer, property name, nesting, recursion count and dynamic scope.</summary>
internal sealed record ValueSite(
    string Pointer,
    string? PropertyName,
    int Depth,
    int References,
    IReadOnlyList<SchemaResource> Scope,
    object? Record)
{
    /// <summary>True below an anyOf/oneOf/not/if choice, where a broken keyword is reported through the choice too (see <see cref="Mutation.Branched"/>).</summary>
    public bool Branched { get; init; }

    /// <summary>True for the value of a property the schema does not declare (a map entry under additionalProperties or patternProperties).</summary>
    public bool MapEntry { get; init; }

    /// <summary>
    /// The value a proposal (an edge-case payload from a model) has at this pointer, or null: kept when it satisfies
    /// the site's own subschema, else the site is built as usual with its children still guided (see <see cref="WalkState.Proposal"/>).
    /// </summary>
    public JsonElement? Proposed { get; init; }

    /// <summary>The reference targets followed from the root to here; null for none.</summary>
    public ReferenceChain? ReferencePath { get; init; }

    private readonly string? _parentPointer;

    /// <summary>
    /// The pointer of the object or array holding the value: given by the site's creator when it knows it (its own
    /// pointer), else cut from <see cref="Pointer"/>, where a substring per value was a visible share of allocations.
    /// </summary>
    public string ParentPointer
    {
        get
        {
            if (_parentPointer is not null)
            {
                return _parentPointer;
            }

            var slash = Pointer.LastIndexOf('/');
            return slash > 0 ? Pointer[..slash] : string.Empty;
        }

        init => _parentPointer = value;
    }
}
