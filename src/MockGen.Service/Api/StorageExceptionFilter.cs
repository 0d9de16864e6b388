using Microsoft.AspNetCore.Http;
using MockGen.Storage;

namespace MockGen.Service.Api;

/// <summary>Translates the pipeline's bad-input exceptions into problem details at the edge (logged nowhere else).</summary>
internal sealed class StorageExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (MockGenStorageException e)
        {
            return Problems.From(e);
        }
    }
}
