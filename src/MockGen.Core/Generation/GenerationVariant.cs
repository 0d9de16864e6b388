namespace MockGen.Core.Generation;

/// <summary>The shape of the payloads to generate for a target.</summary>
public enum GenerationVariant
{
    /// <summary>Realistic payloads; optional properties present at a realistic rate.</summary>
    Typical,

    /// <summary>Only what the schema requires.</summary>
    Minimal,

    /// <summary>Every optional property, sizes near their upper bounds within a size budget.</summary>
    Maximal,

    /// <summary>Values and sizes on the edges of their constraints, exclusive edges included.</summary>
    Boundary,

    /// <summary>Valid except for exactly one violated constraint, labelled in <c>meta.violation</c>.</summary>
    Negative,

    /// <summary>
    /// The smallest set (greedy, deterministic) of the other variants' payloads that covers every reachable coverage
    /// item of the target (<see cref="Coverage.TargetCoverage"/>), then stops: <see cref="GenerationOptions.Count"/>
    /// does not apply. Not part of <c>all</c>, so <c>all</c> datasets keep their bytes.
    /// </summary>
    Coverage,

    /// <summary>
    /// Valid but tricky payloads proposed by a model (long unicode names, boundary dates, unusual but legal
    /// combinations), repaired by the engine and gated like every payload; indexes beyond the proposals are shaped
    /// like <see cref="Boundary"/>. Only generated when a host supplies proposals (<c>--ai edge</c>), so it is not in
    /// <see cref="GenerationVariantNames.All"/>.
    /// </summary>
    Edge,
}
