namespace MockGen.Core.Coverage;

/// <summary>The kinds of contract constraint a dataset can exercise; each coverage item belongs to one.</summary>
public enum CoverageCategory
{
    /// <summary>One <c>enum</c> value taken.</summary>
    EnumValue,

    /// <summary>A <c>const</c> value taken.</summary>
    Const,

    /// <summary>One <c>oneOf</c>/<c>anyOf</c> branch matched.</summary>
    Branch,

    /// <summary>One discriminator mapping value used.</summary>
    Discriminator,

    /// <summary>An optional property present, or absent.</summary>
    OptionalProperty,

    /// <summary>An <c>if</c> that held (then) or did not (else).</summary>
    Condition,

    /// <summary>An array at its minimum or maximum size.</summary>
    ArraySize,

    /// <summary>A number on one of its bounds (inclusive: the bound; exclusive: within one step of it).</summary>
    NumberBound,

    /// <summary>A string at its <c>minLength</c> or <c>maxLength</c>.</summary>
    StringLength,

    /// <summary>A value of a <c>format</c> produced.</summary>
    Format,

    /// <summary>For negative payloads: one breakable keyword violated alone.</summary>
    Violation,
}
