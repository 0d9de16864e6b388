using MockGen.Core.Schema;

namespace MockGen.Core.Contracts;

/// <summary>
/// One payload a contract describes: an operation's request or response body (per status code and JSON
/// media type) or a named schema. Generators and the validator address it by <see cref="Id"/>.
/// </summary>
public sealed record ContractTarget
{
    /// <summary>
    /// The JSON Pointer of the target's schema in URI-fragment form, unencoded for reading:
    /// <c>#/components/schemas/Pet</c>, <c>#/paths/~1pets/post/requestBody/content/application~1json/schema</c>.
    /// For a schema in another file of a multi-file contract, the file's path relative to the root file
    /// (or a mapped remote URI) comes first: <c>schemas/pet.yaml#/Pet</c>.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>A name for people: <c>createPet request</c>, <c>GET /pets response 200</c>, <c>Pet</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Which way the payload travels; requests drop <c>readOnly</c> properties, responses <c>writeOnly</c> ones.</summary>
    public required PayloadDirection Direction { get; init; }

    /// <summary>The absolute URI of the schema (document URI plus percent-encoded pointer fragment), as the schema compiler resolves it.</summary>
    public required Uri SchemaUri { get; init; }

    /// <summary>The schema's pointer inside its document, without <c>#</c> (the empty string is the whole document).</summary>
    public required string JsonPointer { get; init; }

    /// <summary>The document that holds the schema.</summary>
    public required SchemaDocument Document { get; init; }

    /// <summary>The dialect the schema is read with (unless it names its own <c>$schema</c>).</summary>
    public Dialect Dialect => Document.DefaultDialect;

    /// <summary>The operation's <c>operationId</c>, when the target belongs to an operation that has one.</summary>
    public string? OperationId { get; init; }

    /// <summary>The HTTP method in upper case (<c>POST</c>), for operation targets.</summary>
    public string? Method { get; init; }

    /// <summary>The path template (<c>/pets/{petId}</c>), for operation targets.</summary>
    public string? Path { get; init; }

    /// <summary>The response status key (<c>200</c>, <c>4XX</c>, <c>default</c>), for response targets.</summary>
    public string? StatusCode { get; init; }

    /// <summary>The media type (<c>application/json</c>), for OpenAPI 3.x body targets; Swagger 2.0 bodies have none per target.</summary>
    public string? MediaType { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
