namespace MockGen.Core.Generation.Walking;

/// <summary>The JSON types a value may take; <see cref="Number"/> admits integers too.</summary>
[Flags]
internal enum ValueTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Integer = 16,
    Number = 32 | Integer,
    String = 64,
    All = Null | Boolean | Object | Array | Number | String,
}
