using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using Azure.AI.OpenAI;
using Azure.Identity;
using OpenAI.Chat;

namespace MockGen.Ai.Gateway;

/// <summary>
/// The Azure OpenAI classic endpoint (<c>/openai/deployments/{d}/chat/completions?api-version=2024-10-21</c>) through
/// Azure.AI.OpenAI 2.1.0, with the SDK's retries off and MockGen's own loop around it (see
/// <see cref="ModelRetryOptions"/>). Answers are read from the raw response body. Thread-safe.
/// </summary>
public sealed class AzureOpenAIGateway : IModelGateway
{
    private static readonly HashSet<int> Retryable = [0, 408, 429, 500, 502, 503, 504];

    private readonly AzureOpenAIClient _client;
    private readonly ModelRetryOptions _retry;
    private readonly TimeProvider _clock;

    /// <summary>Builds the gateway; the options are validated and copied.</summary>
    /// <exception cref="ArgumentException">An option is invalid (all are listed).</exception>
    public AzureOpenAIGateway(AzureOpenAIGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _retry = options.Retry.Copy();
        _clock = options.TimeProvider;
        var clientOptions = new AzureOpenAIClientOptions(AzureOpenAIClientOptions.ServiceVersion.V2024_10_21)
        {
            // MockGen retries itself: every attempt is then counted, its delay taken from the answer, and testable.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = _retry.AttemptTimeout,
        };
        if (options.HttpClient is { } http)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http);
        }

        _client = options.ApiKey is { } key
            ? new AzureOpenAIClient(options.Endpoint!, new ApiKeyCredential(key), clientOptions)
            : new AzureOpenAIClient(options.Endpoint!, options.Credential ?? new DefaultAzureCredential(), clientOptions);
    }

    /// <inheritdoc />
    public async Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chat = _client.GetChatClient(request.Deployment);
        var messages = request.Messages.Select(ToChatMessage).ToList();
        var usage = ModelUsage.None;
        string last = "no attempt";
        var lastStatus = 0;
        for (var attempt = 1; attempt <= _retry.MaxAttempts; attempt++)
        {
            TimeSpan delay;
            try
            {
                // A fresh options object per attempt: the SDK mutates the one it sends (reference §1.2).
                var result = await chat.CompleteChatAsync(messages, Options(request), cancellationToken).ConfigureAwait(false);
                var parsed = CompletionParser.ParseSuccess(result.GetRawResponse().Content.ToString());
                return parsed with { Attempts = attempt, Usage = usage.Add(parsed.Usage) };
            }
            catch (ClientResultException e)
            {
                var raw = e.GetRawResponse();
                var (code, message, filtered) = CompletionParser.ParseError(raw?.Content?.ToString());
                lastStatus = e.Status;
                last = e.Status == 0
                    ? "transport error: " + e.Message
                    : string.Create(CultureInfo.InvariantCulture, $"HTTP {e.Status} ({code ?? "no code"}): {message}");
                if (filtered)
                {
                    return new ModelResult { Outcome = ModelOutcome.ContentFiltered, Status = e.Status, Attempts = attempt, Usage = usage, FilteredCategories = ["prompt"], Error = "the prompt was filtered: " + last };
                }

                if (!Retryable.Contains(e.Status))
                {
                    return new ModelResult { Outcome = ModelOutcome.Failed, Status = e.Status, Attempts = attempt, Usage = usage, Error = last };
                }

                delay = (raw is null ? null : RetryAfter.Read(name => raw.Headers.TryGetValue(name, out var v) ? v : null, _clock.GetUtcNow()))
                    ?? RetryAfter.Backoff(_retry.BaseDelay, attempt);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTimeout(e))
            {
                lastStatus = 408;
                last = string.Create(CultureInfo.InvariantCulture, $"the attempt timed out after {_retry.AttemptTimeout.TotalSeconds:0.###} s");
                delay = RetryAfter.Backoff(_retry.BaseDelay, attempt);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or ArgumentException)
            {
                // A 200 whose body the SDK cannot read (an HTML page, truncated bytes): not retried, recorded.
                return new ModelResult { Outcome = ModelOutcome.Failed, Status = 200, Attempts = attempt, Usage = usage, Error = "unreadable answer: " + e.Message };
            }

            if (attempt < _retry.MaxAttempts)
            {
                await Task.Delay(delay < _retry.MaxDelay ? delay : _retry.MaxDelay, _clock, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ModelResult
        {
            Outcome = ModelOutcome.Failed,
            Status = lastStatus,
            Attempts = _retry.MaxAttempts,
            Usage = usage,
            Error = string.Create(CultureInfo.InvariantCulture, $"gave up after {_retry.MaxAttempts} attempts; last: {last}"),
        };
    }

    // OPENAI001: seed is "for evaluation purposes" in the SDK (Beta in the 2024-10-21 spec too). MockGen sends it as
    // a best effort only; reproducibility comes from cassettes, never from the seed (reference section 4).
#pragma warning disable OPENAI001
    private static ChatCompletionOptions Options(ModelRequest request) => new()
    {
        Temperature = request.Temperature,
        Seed = request.Seed,
        MaxOutputTokenCount = request.MaxOutputTokens,
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(request.SchemaName, BinaryData.FromString(request.Schema), null, request.Strict),
    };
#pragma warning restore OPENAI001

    private static ChatMessage ToChatMessage(ModelMessage message) => message.Role switch
    {
        "system" => new SystemChatMessage(message.Content),
        "assistant" => new AssistantChatMessage(message.Content),
        _ => new UserChatMessage(message.Content),
    };

    private static bool IsTimeout(Exception e) => e switch
    {
        OperationCanceledException => true,
        TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTimeout),
        _ => e.InnerException is { } inner && IsTimeout(inner),
    };
}
