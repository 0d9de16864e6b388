using Microsoft.AspNetCore.Http;
using MockGen.Storage;

namespace MockGen.Service.Api;

/// <summary>Every error the API returns, as RFC 9457 problem details, written once here.</summary>
internal static class Problems
{
    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Conflict(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static IResult Unavailable(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");

    public static IResult NotFound(string what, string id) =>
        Results.Problem(detail: $"{what} '{id}' was not found", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult NotSealed(string runId) =>
        Results.Problem(detail: $"run '{runId}' is not finished yet; poll its status", statusCode: StatusCodes.Status409Conflict, title: "Run not finished");

    public static IResult From(MockGen.Storage.Prompts.PromptRegistryException e) => e.IsNotFound
        ? Results.Problem(detail: e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found")
        : BadRequest(e.Message);

    public static IResult From(MockGenStorageException e) => e.Kind switch
    {
        StorageErrorKind.NotFound => Results.Problem(detail: e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        StorageErrorKind.Conflict => Results.Problem(detail: e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        StorageErrorKind.Unavailable => Unavailable(e.Message),
        _ => Results.Problem(detail: e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad request"),
    };
}
