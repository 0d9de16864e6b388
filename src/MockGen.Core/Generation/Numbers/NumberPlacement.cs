namespace MockGen.Core.Generation.Numbers;

/// <summary>Where in its valid range a number is placed.</summary>
internal enum NumberPlacement
{
    /// <summary>A realistic value: near zero or the lower bound, within a window of about a thousand.</summary>
    Typical,

    /// <summary>The smallest valid value (the edge itself, or one step inside an exclusive edge).</summary>
    Low,

    /// <summary>The largest valid value.</summary>
    High,
}
