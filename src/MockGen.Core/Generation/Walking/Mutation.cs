using MockGen.Core.Generation.Numbers;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// A place where a negative payload can break one constraint: the value at <see cref="InstancePointer"/>,
/// the keyword it would violate and that keyword's schema location.
/// </summary>
internal sealed record Mutation(
    MutationKind Kind,
    string InstancePointer,
    string Keyword,
    string SchemaLocation,
    ValueTypes AllowedTypes,
    ExactDecimal? Number = null,
    int Length = 0,
    string? Name = null)
{
    /// <summary>
    /// True below an anyOf/oneOf/not/if choice: breaking it usually fails the choice as a whole, so the
    /// candidate is labelled with the enclosing oneOf/anyOf when that is the one failure the validator reports.
    /// </summary>
    public bool Branched { get; init; }
}
