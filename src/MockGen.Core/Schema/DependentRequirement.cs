namespace MockGen.Core.Schema;

/// <summary>One entry of <c>dependentRequired</c> (or an array-valued draft-04..07 <c>dependencies</c> entry).</summary>
/// <param name="Property">When this property is present...</param>
/// <param name="Required">...these must be present too, in document order.</param>
internal sealed record DependentRequirement(string Property, IReadOnlyList<string> Required);
