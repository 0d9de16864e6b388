namespace MockGen.Storage.Runs;

/// <summary>A run as listed by the API: its spec, status and (once sealed) its manifest.</summary>
/// <param name="Spec">The run's spec.</param>
/// <param name="Status">The status.</param>
/// <param name="StartedAt">When it was first started (ISO-8601).</param>
/// <param name="FinishedAt">When it was sealed or failed, or null.</param>
/// <param name="Payloads">Payloads in the dataset (when sealed).</param>
/// <param name="Bytes">Bytes in the dataset (when sealed).</param>
/// <param name="ManifestPath">The manifest blob (when sealed).</param>
/// <param name="ManifestSha256">The manifest hash, the dataset's ETag (when sealed).</param>
/// <param name="Error">The error that stopped it, or null.</param>
public sealed record RunRecord(
    RunSpec Spec,
    RunStatus Status,
    string StartedAt,
    string? FinishedAt,
    long Payloads,
    long Bytes,
    string? ManifestPath,
    string? ManifestSha256,
    string? Error)
{
    /// <summary>True when the dataset is sealed and will never change.</summary>
    public bool IsSealed => Status is RunStatus.Completed or RunStatus.CompletedWithErrors;
}
