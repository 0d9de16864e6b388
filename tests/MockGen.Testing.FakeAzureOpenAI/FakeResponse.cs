namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>
/// What the fake answers to one request: a scripted scenario of the reference's table (§6). Build one with the
/// static factories; queue it with <see cref="FakeAzureOpenAIServer.Enqueue(FakeResponse[])"/> or return it
/// from <see cref="FakeAzureOpenAIServer.Responder"/>. Immutable.
/// </summary>
public sealed class FakeResponse
{
    private FakeResponse(FakeScenario scenario, string name)
    {
        Scenario = scenario;
        Name = name;
    }

    internal FakeScenario Scenario { get; }

    /// <summary>The scenario's name as recorded in <see cref="RecordedRequest.Scenario"/>.</summary>
    public string Name { get; }

    internal string? Text { get; private init; }

    internal string? FinishReason { get; private init; }

    internal FakeViolation Violation { get; private init; }

    internal string? Category { get; private init; }

    internal int Status { get; private init; }

    internal int? RetryAfterMs { get; private init; }

    internal int? RetryAfterSeconds { get; private init; }

    internal DateTimeOffset? RetryAfterDate { get; private init; }

    internal string? ContentType { get; private init; }

    internal IReadOnlyDictionary<string, string> Headers { get; private init; } = new Dictionary<string, string>();

    internal TimeSpan Delay { get; private init; }

    internal FakeResponse? Then { get; private init; }

    /// <summary>200 <c>stop</c>: an answer built from the request's <c>json_schema</c> by the seeded generator (same request, same answer).</summary>
    public static FakeResponse Valid() => new(FakeScenario.Valid, "valid");

    /// <summary>200 with this exact content (scripted JSON, or any text).</summary>
    /// <param name="content">The <c>message.content</c>.</param>
    /// <param name="finishReason">The finish reason. Default <c>stop</c>.</param>
    public static FakeResponse Content(string content, string finishReason = "stop") =>
        new(FakeScenario.Content, "content") { Text = content, FinishReason = finishReason };

    /// <summary>200 <c>stop</c> whose content breaks the schema: a wrong type, a missing field or an extra field.</summary>
    public static FakeResponse SchemaViolating(FakeViolation violation = FakeViolation.WrongType) =>
        new(FakeScenario.SchemaViolating, "schema-violating") { Violation = violation };

    /// <summary>200 <c>length</c>: a valid answer cut mid-value (not parseable JSON), as when <c>max_tokens</c> is hit.</summary>
    public static FakeResponse Truncated() => new(FakeScenario.Truncated, "truncated");

    /// <summary>200 <c>content_filter</c>: no content, and the category filtered in <c>choices[0].content_filter_results</c>.</summary>
    /// <param name="category">hate, sexual, violence, self_harm, profanity, protected_material_text... Default <c>violence</c>.</param>
    public static FakeResponse OutputFiltered(string category = "violence") =>
        new(FakeScenario.OutputFiltered, "output-filtered") { Category = category };

    /// <summary>400 <c>content_filter</c> with <c>innererror.code: ResponsibleAIPolicyViolation</c> (the prompt was filtered).</summary>
    /// <param name="category">The category filtered (<c>jailbreak</c> too). Default <c>hate</c>.</param>
    public static FakeResponse PromptFiltered(string category = "hate") =>
        new(FakeScenario.PromptFiltered, "prompt-filtered") { Category = category };

    /// <summary>200 <c>stop</c>, <c>content: null</c>, <c>refusal</c> set (a structured-output refusal).</summary>
    public static FakeResponse Refusal(string refusal = "I'm sorry, I cannot help with that request.") =>
        new(FakeScenario.Refusal, "refusal") { Text = refusal };

    /// <summary>
    /// 429 with the given retry headers (any combination; none sends none): <c>retry-after-ms</c>,
    /// <c>retry-after</c> in seconds, or <c>retry-after</c> as an HTTP-date.
    /// </summary>
    public static FakeResponse Throttled(int? retryAfterMs = 300, int? retryAfterSeconds = 1, DateTimeOffset? retryAfterDate = null) =>
        new(FakeScenario.Throttled, "throttled") { RetryAfterMs = retryAfterMs, RetryAfterSeconds = retryAfterSeconds, RetryAfterDate = retryAfterDate, Status = 429 };

    /// <summary>A server error with Azure's JSON error body: 500, 502, 503, 504 or 408.</summary>
    public static FakeResponse ServerError(int status = 500)
    {
        if (status is not (408 or 500 or 502 or 503 or 504))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A server error is 408, 500, 502, 503 or 504; use Raw for others.");
        }

        return new(FakeScenario.ServerError, "server-error") { Status = status };
    }

    /// <summary>502 with an HTML page instead of JSON (a gateway in the way).</summary>
    public static FakeResponse HtmlBadGateway() => new(FakeScenario.Raw, "html-502")
    {
        Status = 502,
        ContentType = "text/html",
        Text = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
    };

    /// <summary>200 <c>stop</c> whose content is not JSON at all.</summary>
    public static FakeResponse NonJsonContent() => Content("Sure! Here is the payload you asked for: {id: 1, name: 'x'}");

    /// <summary>
    /// 200 <c>stop</c>: a schema-valid answer whose free-text strings carry real-looking PII (emails at real
    /// domains, Luhn-valid card numbers outside test ranges, phone numbers, IBANs of real banks) from <see cref="FakePii"/>.
    /// </summary>
    public static FakeResponse PiiLaden() => new(FakeScenario.PiiLaden, "pii-laden");

    /// <summary>200 <c>stop</c>: same request, different content and <c>system_fingerprint</c> (the backend changed).</summary>
    public static FakeResponse Drift() => new(FakeScenario.Drift, "drift");

    /// <summary>Waits, then answers with <paramref name="then"/>. A client that gives up (timeout, cancellation) ends the wait: nothing is written.</summary>
    public static FakeResponse Slow(TimeSpan delay, FakeResponse? then = null) =>
        new(FakeScenario.Slow, "slow") { Delay = delay, Then = then ?? Valid() };

    /// <summary>Any status, body and headers.</summary>
    public static FakeResponse Raw(int status, string body, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        new(FakeScenario.Raw, "raw") { Status = status, Text = body, ContentType = contentType, Headers = headers ?? new Dictionary<string, string>() };

    /// <summary>The same response <paramref name="count"/> times, for <see cref="FakeAzureOpenAIServer.Enqueue(FakeResponse[])"/>.</summary>
    public FakeResponse[] Times(int count) => [.. Enumerable.Repeat(this, count)];

    /// <inheritdoc />
    public override string ToString() => Name;
}
