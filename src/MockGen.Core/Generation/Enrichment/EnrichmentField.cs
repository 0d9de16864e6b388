namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// One string leaf of a target that the realism rules have no opinion on (no format, no known name, no enum, no
/// pattern, no hint): the field an enrichment provider may fill with a pool of realistic values. Everything here
/// comes from the contract, never from stored payloads.
/// </summary>
/// <param name="Path">The field's JSON Pointer inside the payload with array indices written <c>*</c> (<c>/lines/*/note</c>).</param>
/// <param name="PropertyName">The property name, or null for an array item or the root.</param>
/// <param name="Title">The schema's <c>title</c>, if any.</param>
/// <param name="Description">The schema's <c>description</c>, if any.</param>
/// <param name="Examples">The schema's string <c>examples</c>/<c>example</c>, in document order.</param>
/// <param name="MinLength">The smallest length in code points the field allows.</param>
/// <param name="MaxLength">The largest length in code points the field allows, or null.</param>
/// <param name="Siblings">The other property names seen in the same object, in first-seen order: context for the prompt.</param>
public sealed record EnrichmentField(
    string Path,
    string? PropertyName,
    string? Title,
    string? Description,
    IReadOnlyList<string> Examples,
    int MinLength,
    int? MaxLength,
    IReadOnlyList<string> Siblings)
{
    /// <summary>Whether <paramref name="value"/> satisfies the field's own length constraints (code points, as the validator counts).</summary>
    public bool Admits(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Strings.CodePoints.Count(value);
        return length >= MinLength && (MaxLength is null || length <= MaxLength);
    }
}
