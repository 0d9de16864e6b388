namespace MockGen.Core.Generation.Schemas;

/// <summary>Which keywords hold subschemas, by shape; everything else (enum, const, examples) is data.</summary>
internal static class SchemaKeywords
{
    public static readonly string[] Single =
    [
        "additionalItems", "additionalProperties", "contains", "contentSchema", "else", "if", "not",
        "propertyNames", "then", "unevaluatedItems", "unevaluatedProperties", "items",
    ];

    public static readonly string[] Arrays = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    public static readonly string[] Maps = ["$defs", "definitions", "dependentSchemas", "patternProperties", "properties", "dependencies"];
}
