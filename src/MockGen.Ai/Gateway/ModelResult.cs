namespace MockGen.Ai.Gateway;

/// <summary>
/// What one model exchange produced, after MockGen's retry loop: the outcome, the answer and its provenance. This is
/// what a cassette stores and replays, so a replayed run sees exactly what the recorded run saw.
/// </summary>
public sealed record ModelResult
{
    /// <summary>How the exchange ended.</summary>
    public required ModelOutcome Outcome { get; init; }

    /// <summary>The HTTP status of the last attempt (0 when none was received).</summary>
    public int Status { get; init; }

    /// <summary>The last attempt's <c>finish_reason</c>, or null.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The answer's content (JSON text for a structured answer), or null.</summary>
    public string? Content { get; init; }

    /// <summary>The refusal text, or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>The model that answered (not the deployment), or null.</summary>
    public string? Model { get; init; }

    /// <summary>The backend configuration that answered (<c>system_fingerprint</c>), or null.</summary>
    public string? SystemFingerprint { get; init; }

    /// <summary>The response id (<c>chatcmpl-…</c>), or null.</summary>
    public string? ResponseId { get; init; }

    /// <summary>The content-filter categories reported as filtered (prompt or output), sorted; empty when none.</summary>
    public IReadOnlyList<string> FilteredCategories { get; init; } = [];

    /// <summary>Tokens billed, summed over attempts.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>HTTP attempts made (0 for a replayed or short-circuited exchange).</summary>
    public int Attempts { get; init; }

    /// <summary>Why the exchange did not complete, for the run summary; null when it completed.</summary>
    public string? Error { get; init; }

    /// <summary>Whether generation may use <see cref="Content"/>.</summary>
    public bool HasContent => Outcome == ModelOutcome.Completed && Content is not null;
}
