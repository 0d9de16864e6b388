namespace MockGen.Core.Schema;

/// <summary>The set of keywords, and their meaning, that a schema is read with.</summary>
public enum Dialect
{
    /// <summary>JSON Schema draft-04 (<c>http://json-schema.org/draft-04/schema#</c>).</summary>
    Draft4,

    /// <summary>JSON Schema draft-06.</summary>
    Draft6,

    /// <summary>JSON Schema draft-07.</summary>
    Draft7,

    /// <summary>JSON Schema 2019-09.</summary>
    Draft201909,

    /// <summary>JSON Schema 2020-12, the default when a document names no <c>$schema</c>; also OpenAPI 3.1.</summary>
    Draft202012,

    /// <summary>
    /// The OpenAPI 3.0 schema object: draft-04-like, plus <c>nullable</c>, boolean exclusive bounds,
    /// <c>discriminator</c>, <c>readOnly</c>/<c>writeOnly</c>, and <c>$ref</c> siblings ignored.
    /// </summary>
    OpenApi30,

    /// <summary>The Swagger 2.0 schema object: a draft-04 subset plus <c>discriminator</c> and <c>readOnly</c>.</summary>
    Swagger20,
}
