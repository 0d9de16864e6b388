namespace MockGen.Service.Api;

/// <summary>
/// The API's OpenAPI 3.1 document, written by hand and embedded: Microsoft.AspNetCore.OpenApi 10.x needs
/// Microsoft.OpenApi below 3.0 while Core uses 3.x, and 11.x targets net11.0 only. A test checks that it lists
/// exactly the mapped routes.
/// </summary>
internal static class OpenApiDocument
{
    public const string ResourceName = "MockGen.Service.Api.openapi.json";

    public static Stream Open() =>
        typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException(ResourceName + " is not embedded");
}
