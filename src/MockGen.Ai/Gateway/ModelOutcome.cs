namespace MockGen.Ai.Gateway;

/// <summary>How a model exchange ended. Only <see cref="Completed"/> carries usable content.</summary>
public enum ModelOutcome
{
    /// <summary><c>finish_reason: stop</c> with content.</summary>
    Completed,

    /// <summary><c>finish_reason: length</c>: the token limit was hit; the content may be truncated JSON.</summary>
    Truncated,

    /// <summary>Output filtered (<c>finish_reason: content_filter</c>) or prompt filtered (400 <c>content_filter</c>).</summary>
    ContentFiltered,

    /// <summary>The model refused (<c>message.refusal</c> set, no content).</summary>
    Refused,

    /// <summary>A non-retryable error, an unreadable answer, or retries exhausted (429, 408, 5xx, timeouts).</summary>
    Failed,

    /// <summary>Not sent: the circuit is open after repeated failures; generation continues deterministically.</summary>
    CircuitOpen,
}
