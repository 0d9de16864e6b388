namespace MockGen.Core.Enrichment;

/// <summary>A rule of the strict structured-output subset, as <see cref="StrictSubsetChecker"/> reports it.</summary>
public enum StrictSubsetRule
{
    /// <summary>A schema is not a JSON object (boolean schemas are not accepted).</summary>
    NotAnObject,

    /// <summary>The root is not <c>"type": "object"</c>, or is an <c>anyOf</c>.</summary>
    RootNotObject,

    /// <summary>A keyword outside the subset (<c>oneOf</c>, <c>allOf</c>, <c>not</c>, <c>if</c>, <c>const</c>, <c>default</c>, <c>x-*</c>, constraint keywords when not allowed...).</summary>
    UnsupportedKeyword,

    /// <summary>A keyword whose value has the wrong shape (<c>required</c> not an array of strings, an empty <c>anyOf</c>...).</summary>
    InvalidKeywordValue,

    /// <summary>A schema with none of <c>type</c>, <c>anyOf</c>, <c>$ref</c> or <c>enum</c>.</summary>
    MissingType,

    /// <summary>A <c>type</c> name outside string, number, integer, boolean, object, array, null.</summary>
    UnknownType,

    /// <summary>An object schema without <c>"additionalProperties": false</c>.</summary>
    AdditionalPropertiesNotFalse,

    /// <summary>An object schema whose <c>required</c> does not list exactly its properties.</summary>
    RequiredIncomplete,

    /// <summary>An array schema without <c>items</c>.</summary>
    MissingItems,

    /// <summary>A <c>$ref</c> that is neither <c>#</c> nor <c>#/$defs/name</c> of an existing definition.</summary>
    UnresolvedRef,

    /// <summary><c>$defs</c> anywhere but the root.</summary>
    DefsNotAtRoot,

    /// <summary>A <c>format</c> outside the supported list (only when constraint keywords are allowed).</summary>
    UnsupportedFormat,

    /// <summary>More object properties in total than <see cref="StrictSubsetLimits.MaxTotalProperties"/>.</summary>
    TooManyProperties,

    /// <summary>Objects nested deeper than <see cref="StrictSubsetLimits.MaxObjectNesting"/>.</summary>
    TooMuchNesting,

    /// <summary>An <c>enum</c> over <see cref="StrictSubsetLimits.MaxEnumValues"/> values, or a large string enum over its character budget.</summary>
    EnumTooLarge,

    /// <summary>Names and enum values over <see cref="StrictSubsetLimits.MaxTotalCharacters"/> characters.</summary>
    TooManyCharacters,

    /// <summary>The schema document nests deeper than <see cref="StrictSubsetLimits.MaxSchemaDepth"/>; the checker stopped there.</summary>
    SchemaTooDeep,
}
