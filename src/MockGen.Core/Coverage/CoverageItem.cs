namespace MockGen.Core.Coverage;

/// <summary>One thing a dataset may or may not exercise, e.g. the value <c>"refunded"</c> of an <c>enum</c>.</summary>
/// <param name="Category">What kind of item it is.</param>
/// <param name="SchemaLocation">JSON Pointer of the constraint in the contract (<c>#/components/schemas/Payment/properties/status/enum/2</c>); prefixed with the file name outside the target's own file.</param>
/// <param name="InstancePath">Where in a payload the constraint applies, <c>*</c> for any array index or map key (<c>/refunds/*/status</c>); the first path found when a schema is reused.</param>
/// <param name="Description">What exercising it means (<c>"refunded"</c>, <c>present</c>, <c>size 0 (minItems)</c>).</param>
public sealed record CoverageItem(CoverageCategory Category, string SchemaLocation, string InstancePath, string Description)
{
    /// <summary>
    /// Why no payload can exercise it (<c>unsatisfiable: …</c>, <c>unreachable: …</c>), or null when it is reachable.
    /// Unreachable items are reported on their own and do not count towards the total.
    /// </summary>
    public string? NotReachable { get; init; }

    /// <summary>
    /// For a reachable item the <c>coverage</c> variant left uncovered: why it stopped trying (<c>gave up: …</c> when
    /// the payloads steered to it did not exercise it, <c>cap reached: …</c> when a bound of the variant stopped it).
    /// Null otherwise, and always null in a report measured from a dataset.
    /// </summary>
    public string? NotCovered { get; init; }
}
