namespace MockGen.Ai.Gateway;

/// <summary>
/// The port between MockGen and a chat model: one structured-output request in, one result out. Implementations
/// never throw for what the model or the service answered (filtered, truncated, throttled, failed): those are
/// <see cref="ModelResult"/> outcomes, so a run never crashes on an answer. The Azure OpenAI classic endpoint is the
/// first adapter; the v1 endpoint or another provider is another implementation, with nothing in the engine changed.
/// </summary>
public interface IModelGateway
{
    /// <summary>Sends <paramref name="request"/> and returns how it ended.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken = default);
}
