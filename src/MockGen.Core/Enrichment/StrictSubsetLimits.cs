namespace MockGen.Core.Enrichment;

/// <summary>
/// The strict structured-output subset a deployment accepts: which constraint keywords it takes and how big a
/// schema may be. The defaults are Azure OpenAI's documented subset and limits (Learn,
/// <c>ai-foundry/openai/how-to/structured-outputs.md</c>, Dec 2025), the strictest of the published ones, so a
/// schema that passes here is accepted by Azure and by OpenAI alike.
/// </summary>
public sealed class StrictSubsetLimits
{
    /// <summary>The Azure-documented defaults. Do not mutate: build a new instance to change a limit.</summary>
    public static StrictSubsetLimits Azure { get; } = new();

    /// <summary>
    /// Whether <c>pattern</c>, <c>format</c> (the OpenAI-supported formats), <c>minimum</c>, <c>maximum</c>,
    /// <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>multipleOf</c>, <c>minItems</c> and <c>maxItems</c> are
    /// accepted as keywords. Azure documents them as unsupported and OpenAI as supported: turn this on per
    /// deployment once a live run proves it. Default <see langword="false"/>.
    /// </summary>
    public bool AllowConstraintKeywords { get; init; }

    /// <summary>Object properties in the whole schema (each <c>properties</c> entry once, <c>$defs</c> included). Default <c>100</c> (Azure; OpenAI allows 5000).</summary>
    public int MaxTotalProperties { get; init; } = 100;

    /// <summary>Object schemas nested along one path from the root (the root object is level 1; <c>$ref</c> followed until it loops). Default <c>5</c>.</summary>
    public int MaxObjectNesting { get; init; } = 5;

    /// <summary>Values in one <c>enum</c>. Default <c>1000</c>.</summary>
    public int MaxEnumValues { get; init; } = 1000;

    /// <summary>A string <c>enum</c> with more values than this is held to <see cref="MaxLargeStringEnumCharacters"/>. Default <c>250</c>.</summary>
    public int LargeStringEnumThreshold { get; init; } = 250;

    /// <summary>Total characters of a string enum larger than <see cref="LargeStringEnumThreshold"/>. Default <c>15000</c>.</summary>
    public int MaxLargeStringEnumCharacters { get; init; } = 15_000;

    /// <summary>Total characters of property names, <c>$defs</c> names and string enum values. Default <c>120000</c>.</summary>
    public int MaxTotalCharacters { get; init; } = 120_000;

    /// <summary>
    /// JSON nesting of the schema document beyond which the checker stops descending and reports
    /// <see cref="StrictSubsetRule.SchemaTooDeep"/>: a guard for hostile input, far above any usable schema. Default <c>64</c>.
    /// </summary>
    public int MaxSchemaDepth { get; init; } = 64;
}
