using Microsoft.AspNetCore.Http;

namespace MockGen.Service.Auth;

/// <summary>
/// A 401 for a bearer-token caller: the problem details plus the RFC 6750 §3 challenge (<c>WWW-Authenticate: Bearer</c>,
/// with <c>error="invalid_token"</c> when a token was presented and refused), so OAuth clients know to get a new one.
/// </summary>
internal sealed class BearerChallengeResult(IResult problem, bool tokenRefused) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.Append("WWW-Authenticate", tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problem.ExecuteAsync(httpContext);
    }
}
