namespace MockGen.Core.Coverage;

/// <summary>Bounds on a coverage model, so a huge or hostile contract costs a bounded amount. Copied when a model is built.</summary>
public sealed class CoverageOptions
{
    /// <summary>Schema nodes visited per target; the model is marked truncated beyond. Default 20,000.</summary>
    public int MaxSchemaNodes { get; set; } = 20_000;

    /// <summary>Items per target; the model is marked truncated beyond. Default 50,000.</summary>
    public int MaxItems { get; set; } = 50_000;

    /// <summary>Nesting (instance levels plus applicators) followed while measuring one payload. Default 256.</summary>
    public int MaxDepth { get; set; } = 256;

    /// <summary>Whether <c>format</c> is asserted when deciding which branch a value matched. Default true, as the gate.</summary>
    public bool AssertFormats { get; set; } = true;
}
