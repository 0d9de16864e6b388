using System.Text.Json;

namespace MockGen.Testing.FakeAzureOpenAI;

/// <summary>One request the fake received, with what it answered: for assertions on retries, headers and bodies.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(int sequence, DateTimeOffset receivedAt, string method, string path, string query,
        IReadOnlyDictionary<string, string> headers, string body, string? deployment, FakeSurface? surface)
    {
        Sequence = sequence;
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        Deployment = deployment;
        Surface = surface;
    }

    /// <summary>1 for the first request since the server was created (restarts keep counting).</summary>
    public int Sequence { get; }

    /// <summary>When it arrived, on <see cref="FakeAzureOpenAIOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, e.g. <c>/openai/deployments/gpt4o/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>The query string including <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>Every header as received (names lower case; values joined with <c>,</c>), secrets included: assert on them, do not log them.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw body text.</summary>
    public string Body { get; }

    /// <summary>The deployment addressed (path on the classic surface, body <c>model</c> on v1), when known.</summary>
    public string? Deployment { get; }

    /// <summary>The surface, when the route matched.</summary>
    public FakeSurface? Surface { get; }

    /// <summary>The status the fake answered (0 while a slow answer is still pending, or when the client went away).</summary>
    public int ResponseStatus { get; internal set; }

    /// <summary>The scenario that answered (<c>valid</c>, <c>throttled</c>, ... or <c>rejected</c> for a validation error).</summary>
    public string Scenario { get; internal set; } = "rejected";

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonElement? Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Method} {Path}{Query} -> {ResponseStatus} ({Scenario})";
}
