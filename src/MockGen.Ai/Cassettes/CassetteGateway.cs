using System.Text.Json;
using MockGen.Ai.Gateway;

namespace MockGen.Ai.Cassettes;

/// <summary>
/// Puts a cassette in front of a live gateway: in <see cref="CassetteMode.Replay"/> answers come only from the store;
/// in <see cref="CassetteMode.Record"/> a missing entry (or a recorded failure) is called and stored; in
/// <see cref="CassetteMode.Live"/> nothing is read or stored. A recorded answer is returned as read back from its
/// serialized form, so a record run and its replays see identical results.
/// </summary>
public sealed class CassetteGateway : IModelGateway
{
    /// <summary>The client name recorded in entries.</summary>
    public const string ClientName = "Azure.AI.OpenAI/2.1.0";

    private readonly IModelGateway? _live;
    private readonly CassetteStore _store;
    private readonly string? _tenant;
    private readonly TimeProvider _clock;

    /// <summary>Creates the gateway.</summary>
    /// <param name="live">The live gateway; may be null only in replay mode.</param>
    /// <param name="store">Where entries live.</param>
    /// <param name="tenant">The run's tenant (the cassette folder), or null.</param>
    /// <param name="mode">The mode.</param>
    /// <param name="clock">Stamps <see cref="CassetteEntry.RecordedAt"/>; default the system clock.</param>
    /// <exception cref="ArgumentException">Record or live mode without a live gateway.</exception>
    public CassetteGateway(IModelGateway? live, CassetteStore store, string? tenant, CassetteMode mode, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (live is null && mode != CassetteMode.Replay)
        {
            throw new ArgumentException(mode + " mode needs a live gateway (an endpoint and a deployment)", nameof(live));
        }

        _live = live;
        _store = store;
        _tenant = tenant;
        Mode = mode;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The mode.</summary>
    public CassetteMode Mode { get; }

    /// <inheritdoc />
    /// <exception cref="CassetteMissingException">Replay mode and no entry is recorded for the request.</exception>
    /// <exception cref="InvalidDataException">A stored entry is corrupt.</exception>
    public async Task<ModelResult> CompleteAsync(ModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Mode == CassetteMode.Live)
        {
            return await _live!.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var key = CassetteKey.Compute(request);
        var recorded = await _store.ReadAsync(_tenant, key, cancellationToken).ConfigureAwait(false);
        if (Mode == CassetteMode.Replay)
        {
            return recorded is null
                ? throw CassetteMissingException.For(CassetteStore.PathOf(_tenant, key), key, request.PromptId, request.Deployment)
                : recorded.Result with { Attempts = 0 };
        }

        // Record: reuse a definitive answer; a recorded failure (throttling, an outage) is worth another try.
        if (recorded is not null && recorded.Result.Outcome != ModelOutcome.Failed)
        {
            return recorded.Result with { Attempts = 0 };
        }

        var result = await _live!.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        using var record = JsonDocument.Parse(CassetteKey.CanonicalRecord(request));
        var entry = new CassetteEntry(key, record.RootElement.Clone(), result with { Attempts = 0 }, _clock.GetUtcNow(), ClientName);
        await _store.WriteAsync(_tenant, entry, cancellationToken).ConfigureAwait(false);
        var readBack = await _store.ReadAsync(_tenant, key, cancellationToken).ConfigureAwait(false);
        return readBack!.Result with { Attempts = result.Attempts };
    }
}
