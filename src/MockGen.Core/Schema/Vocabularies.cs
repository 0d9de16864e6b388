namespace MockGen.Core.Schema;

/// <summary>
/// The vocabularies a schema resource is read with (2019-09 and later name them in the metaschema's
/// <c>$vocabulary</c>; earlier drafts and the OpenAPI dialects have a fixed set).
/// </summary>
[Flags]
internal enum Vocabularies
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Core: <c>$ref</c>, <c>$id</c>, <c>$defs</c>, anchors.</summary>
    Core = 1,

    /// <summary>Applicators: properties, items, allOf, if/then/else...</summary>
    Applicator = 2,

    /// <summary>Validation: type, enum, bounds, lengths, required...</summary>
    Validation = 4,

    /// <summary>unevaluatedProperties / unevaluatedItems (2020-12 has them in their own vocabulary).</summary>
    Unevaluated = 8,

    /// <summary>format as an annotation.</summary>
    FormatAnnotation = 16,

    /// <summary>format as an assertion (2020-12 format-assertion vocabulary).</summary>
    FormatAssertion = 32,

    /// <summary>contentMediaType, contentEncoding, contentSchema.</summary>
    Content = 64,

    /// <summary>title, description, default, readOnly, writeOnly, examples.</summary>
    MetaData = 128,

    /// <summary>Every vocabulary of the standard metaschemas.</summary>
    Standard = Core | Applicator | Validation | Unevaluated | FormatAnnotation | Content | MetaData,
}
