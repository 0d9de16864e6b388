namespace MockGen.Core.Enrichment;

/// <summary>Options of <see cref="StrictSchemaTransform"/>; copied when the transform is built.</summary>
public sealed class StrictSchemaOptions
{
    /// <summary>
    /// The subset and limits the deployment accepts. Default <see cref="StrictSubsetLimits.Azure"/> (constraint
    /// keywords moved into descriptions; at most 100 properties and 5 object levels).
    /// </summary>
    public StrictSubsetLimits Limits { get; set; } = StrictSubsetLimits.Azure;

    /// <summary>The property that wraps a root which is not a plain object. Default <c>value</c>.</summary>
    public string RootProperty { get; set; } = "value";

    /// <summary>
    /// When the schema is over the subset's size limits (<see cref="StrictSubsetLimits.MaxTotalProperties"/>,
    /// <see cref="StrictSubsetLimits.MaxObjectNesting"/>), drop optional properties (deepest objects first, the
    /// last declared first) until it fits; they are simply absent from answers, which the contract allows. Each
    /// drop is a <see cref="StrictSchema.Notes"/> entry. Required properties are never dropped: a schema that
    /// still does not fit keeps its violations. Default <see langword="true"/>.
    /// </summary>
    public bool DropOptionalToFit { get; set; } = true;

    /// <summary>The property that holds the payloads of a list schema (<see cref="StrictSchemaTransform.TransformList"/>). Default <c>payloads</c>.</summary>
    public string ListProperty { get; set; } = "payloads";

    /// <summary>Most <c>anyOf</c> branches emitted in one place (a <c>oneOf</c> with more, or nested choices multiplying out, are cut and noted). Default <c>16</c>.</summary>
    public int MaxBranches { get; set; } = 16;

    /// <summary>Most schema objects one transform emits before it gives up with a violation (a guard against blow-up). Default <c>5000</c>.</summary>
    public int MaxEmittedSchemas { get; set; } = 5_000;

    internal void Validate()
    {
        var problems = new List<string>();
        if (Limits is null)
        {
            problems.Add("Limits must not be null");
        }

        if (!StrictSubsetChecker.IsValidFormatName(RootProperty))
        {
            problems.Add($"RootProperty '{RootProperty}' must be 1-64 characters of [A-Za-z0-9_-]");
        }

        if (!StrictSubsetChecker.IsValidFormatName(ListProperty))
        {
            problems.Add($"ListProperty '{ListProperty}' must be 1-64 characters of [A-Za-z0-9_-]");
        }

        if (MaxBranches < 1)
        {
            problems.Add("MaxBranches must be at least 1");
        }

        if (MaxEmittedSchemas < 1)
        {
            problems.Add("MaxEmittedSchemas must be at least 1");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid StrictSchemaOptions: " + string.Join("; ", problems) + ".");
        }
    }
}
