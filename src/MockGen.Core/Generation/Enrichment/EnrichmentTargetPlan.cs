namespace MockGen.Core.Generation.Enrichment;

/// <summary>The fields of one target an enrichment provider may fill, in a stable order (first reached by the walker).</summary>
/// <param name="TargetId">The target id (its JSON Pointer).</param>
/// <param name="TargetName">The target's friendly name.</param>
/// <param name="Title">The target schema's <c>title</c>, if any.</param>
/// <param name="Description">The target schema's <c>description</c>, if any.</param>
/// <param name="Fields">The fields, ordered by first appearance; empty when realism covers every string.</param>
public sealed record EnrichmentTargetPlan(
    string TargetId,
    string TargetName,
    string? Title,
    string? Description,
    IReadOnlyList<EnrichmentField> Fields);
