namespace MockGen.Core.Coverage;

/// <summary>The stable lower-case names of <see cref="CoverageCategory"/> in reports (<c>enum</c>, <c>optional</c>).</summary>
public static class CoverageCategoryNames
{
    /// <summary>The report name of <paramref name="category"/>.</summary>
    public static string ToName(CoverageCategory category) => category switch
    {
        CoverageCategory.EnumValue => "enum",
        CoverageCategory.Const => "const",
        CoverageCategory.Branch => "branch",
        CoverageCategory.Discriminator => "discriminator",
        CoverageCategory.OptionalProperty => "optional",
        CoverageCategory.Condition => "if",
        CoverageCategory.ArraySize => "arraySize",
        CoverageCategory.NumberBound => "numberBound",
        CoverageCategory.StringLength => "stringLength",
        CoverageCategory.Format => "format",
        CoverageCategory.Violation => "violation",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
