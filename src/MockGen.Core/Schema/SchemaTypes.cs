namespace MockGen.Core.Schema;

/// <summary>The JSON types a schema's <c>type</c> keyword allows, as flags.</summary>
[Flags]
internal enum SchemaTypes
{
    /// <summary>No <c>type</c> keyword: every type is allowed.</summary>
    None = 0,

    /// <summary><c>null</c>.</summary>
    Null = 1,

    /// <summary><c>boolean</c>.</summary>
    Boolean = 2,

    /// <summary><c>object</c>.</summary>
    Object = 4,

    /// <summary><c>array</c>.</summary>
    Array = 8,

    /// <summary><c>number</c> (includes integers).</summary>
    Number = 16,

    /// <summary><c>string</c>.</summary>
    String = 32,

    /// <summary><c>integer</c>: a number with no fractional part.</summary>
    Integer = 64,
}
