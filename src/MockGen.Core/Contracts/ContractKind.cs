namespace MockGen.Core.Contracts;

/// <summary>What kind of document a contract's root file is.</summary>
public enum ContractKind
{
    /// <summary>An OpenAPI 2.0 (Swagger) description: <c>swagger: "2.0"</c>; schemas use the Swagger 2.0 dialect.</summary>
    OpenApi20,

    /// <summary>An OpenAPI 3.0.x description; schemas use the OpenAPI 3.0 dialect.</summary>
    OpenApi30,

    /// <summary>An OpenAPI 3.1.x description; schemas are JSON Schema 2020-12 unless <c>jsonSchemaDialect</c> says otherwise.</summary>
    OpenApi31,

    /// <summary>A plain JSON Schema document; its dialect comes from <c>$schema</c> (2020-12 when absent).</summary>
    JsonSchema,
}
