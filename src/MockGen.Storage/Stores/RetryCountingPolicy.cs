using Azure.Core;
using Azure.Core.Pipeline;

namespace MockGen.Storage.Stores;

/// <summary>
/// An Azure SDK pipeline policy placed per retry: it notes why an attempt failed and, when the SDK's retry policy
/// sends the request again, counts that retry into the store's tally and the current run's.
/// </summary>
internal sealed class RetryCountingPolicy(StoreRetries store) : HttpPipelinePolicy
{
    private const string ReasonKey = "mockgen.retry.reason";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception e)
        {
            Note(message, e);
            throw;
        }

        Note(message, null);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Note(message, e);
            throw;
        }

        Note(message, null);
    }

    private void Count(HttpMessage message)
    {
        if (message.ProcessingContext.RetryNumber == 0)
        {
            return;
        }

        var reason = message.TryGetProperty(ReasonKey, out var noted) && noted is string s ? s : "unknown";
        store.Add(reason);
        StoreRetries.Current?.Add(reason);
    }

    private static void Note(HttpMessage message, Exception? exception)
    {
        // The SDK turns a network timeout into a TaskCanceledException that the caller did not ask for.
        var reason = exception switch
        {
            null when message.HasResponse => message.Response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null => "no response",
            OperationCanceledException => "timeout",
            _ => exception.GetType().Name,
        };
        message.SetProperty(ReasonKey, reason);
    }
}
