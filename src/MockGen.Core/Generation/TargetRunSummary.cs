namespace MockGen.Core.Generation;

/// <summary>What one target and variant of a run produced.</summary>
/// <param name="Contract">The contract's name.</param>
/// <param name="Target">The target id.</param>
/// <param name="TargetName">The target's friendly name.</param>
/// <param name="Variant">The variant.</param>
/// <param name="Generated">Payloads written.</param>
/// <param name="Retries">Gate rejections that were regenerated from a derived seed.</param>
/// <param name="Bytes">Payload bytes written (without meta).</param>
/// <param name="Elapsed">Time spent, for payloads per second.</param>
/// <param name="Failure">Why the target stopped early, or null when every payload was produced.</param>
public sealed record TargetRunSummary(
    string Contract,
    string Target,
    string TargetName,
    GenerationVariant Variant,
    long Generated,
    long Retries,
    long Bytes,
    TimeSpan Elapsed,
    TargetFailure? Failure)
{
    /// <summary>Payloads per second, or 0 when no time was measured.</summary>
    public double PayloadsPerSecond => Elapsed > TimeSpan.Zero ? Generated / Elapsed.TotalSeconds : 0;
}
