namespace MockGen.Core.Generation;

/// <summary>The lower-case names variants carry on the command line and in <c>meta.variant</c>.</summary>
public static class GenerationVariantNames
{
    /// <summary>Every variant, in the order <c>--variant all</c> generates them.</summary>
    public static IReadOnlyList<GenerationVariant> All { get; } =
    [
        GenerationVariant.Typical,
        GenerationVariant.Minimal,
        GenerationVariant.Maximal,
        GenerationVariant.Boundary,
        GenerationVariant.Negative,
    ];

    /// <summary>The stable name of <paramref name="variant"/>, e.g. <c>typical</c>.</summary>
    public static string ToName(this GenerationVariant variant) => variant switch
    {
        GenerationVariant.Typical => "typical",
        GenerationVariant.Minimal => "minimal",
        GenerationVariant.Maximal => "maximal",
        GenerationVariant.Boundary => "boundary",
        GenerationVariant.Negative => "negative",
        GenerationVariant.Coverage => "coverage",
        GenerationVariant.Edge => "edge",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    /// <summary>Parses a variant name (ordinal, case-insensitive); false for an unknown name.</summary>
    /// <remarks><c>edge</c> parses too (a pipeline shard may be an edge shard), though <see cref="All"/> leaves it out.</remarks>
    public static bool TryParse(string name, out GenerationVariant variant)
    {
        foreach (var candidate in (IEnumerable<GenerationVariant>)[.. All, GenerationVariant.Coverage, GenerationVariant.Edge])
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                variant = candidate;
                return true;
            }
        }

        variant = default;
        return false;
    }
}
