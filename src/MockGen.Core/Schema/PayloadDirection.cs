namespace MockGen.Core.Schema;

/// <summary>
/// Which way a payload travels. Requests never carry <c>readOnly</c> properties and responses never
/// carry <c>writeOnly</c> ones (OpenAPI 3.x, "Fixed Fields" of the Schema Object).
/// </summary>
public enum PayloadDirection
{
    /// <summary>A named schema with no direction: both <c>readOnly</c> and <c>writeOnly</c> properties may appear.</summary>
    None,

    /// <summary>A request body: <c>readOnly</c> properties are excluded.</summary>
    Request,

    /// <summary>A response body: <c>writeOnly</c> properties are excluded.</summary>
    Response,
}
