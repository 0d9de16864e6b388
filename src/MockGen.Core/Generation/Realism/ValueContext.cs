using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Realism;

/// <summary>Everything realism needs to know about one leaf value: where it is and what the schema allows.</summary>
internal sealed record ValueContext
{
    /// <summary>The property's name; null for array items and the root.</summary>
    public string? PropertyName { get; init; }

    /// <summary>The JSON Pointer of the value in the payload.</summary>
    public string InstancePointer { get; init; } = "";

    /// <summary>The JSON Pointer of the object or array that holds the value.</summary>
    public string ParentPointer { get; init; } = "";

    /// <summary>The schema's <c>format</c>, or null.</summary>
    public string? Format { get; init; }

    /// <summary>The schema's <c>pattern</c> (ECMA-262, unanchored), or null.</summary>
    public string? Pattern { get; init; }

    /// <summary>Further patterns the value must also match (from <c>allOf</c> branches), or null.</summary>
    public IReadOnlyList<string>? AdditionalPatterns { get; init; }

    /// <summary><c>minLength</c> in code points.</summary>
    public int MinLength { get; init; }

    /// <summary><c>maxLength</c> in code points, or null.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The inclusive lower bound (<c>minimum</c>), or null.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>The inclusive upper bound (<c>maximum</c>), or null.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>The exclusive lower bound (2020-12 <c>exclusiveMinimum</c> value), or null.</summary>
    public decimal? ExclusiveMinimum { get; init; }

    /// <summary>The exclusive upper bound (2020-12 <c>exclusiveMaximum</c> value), or null.</summary>
    public decimal? ExclusiveMaximum { get; init; }

    /// <summary><c>multipleOf</c>, or null.</summary>
    public decimal? MultipleOf { get; init; }

    /// <summary>True for <c>type: integer</c>.</summary>
    public bool IsInteger { get; init; }

    /// <summary>The parsed <c>x-mockgen</c> hint of the property's schema, or null.</summary>
    public MockGenHint? Hint { get; init; }

    /// <summary>Which way the payload travels.</summary>
    public PayloadDirection Direction { get; init; }

    /// <summary>The record (object instance) the value belongs to, for coherence; null for none.</summary>
    public RecordContext? Record { get; init; }
}
