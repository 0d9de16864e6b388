namespace MockGen.Ai.Gateway;

/// <summary>
/// Opens after <c>threshold</c> consecutive <see cref="ModelOutcome.Failed"/> exchanges (each already retried) and
/// then answers <see cref="ModelOutcome.CircuitOpen"/> without calling, so a run whose model is down continues
/// deterministically instead of waiting on every target. It sits outside the cassette, so a replayed run opens it
/// at the same request as the recorded one. Per run; thread-safe.
/// </summary>
public sealed class CircuitBreakerGateway : IModelGateway
{
    private readonly IModelGateway _inner;
    private readonly int _threshold;
    private int _consecutiveFailures;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is below 1.</exception>
    public CircuitBreakerGateway(IModelGateway inner, int threshold = 3)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        _inner = inner;
        _threshold = threshold;
    }

    /// <summary>Whether the circuit is open (no more requests are sent this run).</summary>
    public bool IsOpen => Volatile.Read(ref _consecutiveFailures) >= _threshold;

    /// <inheritdoc />
    public async Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken = default)
    {
        if (IsOpen)
        {
            return new ModelResult { Outcome = ModelOutcome.CircuitOpen, Error = "the circuit is open after " + _threshold + " consecutive failed requests; generating deterministically" };
        }

        var result = await _inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ModelOutcome.Failed)
        {
            Interlocked.Increment(ref _consecutiveFailures);
        }
        else
        {
            Interlocked.Exchange(ref _consecutiveFailures, 0);
        }

        return result;
    }
}
