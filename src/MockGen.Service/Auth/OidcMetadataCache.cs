using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MockGen.Service.Auth;

/// <summary>
/// The authority's OpenID Connect metadata and signing keys (discovery document + JWKS), fetched on first use, kept
/// for <see cref="EntraOptions.MetadataRefreshInterval"/>, and fetched again at once when a token names a key id
/// the cached set lacks (a key rollover), at most once per <see cref="EntraOptions.KeyRefreshInterval"/>.
/// </summary>
/// <remarks>
/// Not the library's <c>ConfigurationManager</c>: after its first fetch it refreshes in the background, so the first
/// request signed with a rolled-over key would be refused even though the new key is one fetch away. Here the
/// request that meets the new key waits for that fetch (one at a time), and the rate limit keeps forged key ids
/// from turning every request into a fetch. A failed refresh keeps the keys already known.
/// </remarks>
internal sealed class OidcMetadataCache : IDisposable
{
    private readonly string _address;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly TimeSpan _keyRefreshInterval;
    private readonly ILogger _logger;
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _retryAfter;
    private (DateTimeOffset At, Exception Error)? _lastFailure;

    public OidcMetadataCache(string address, IDocumentRetriever retriever, TimeProvider time, TimeSpan maxAge, TimeSpan keyRefreshInterval, ILogger logger)
    {
        _logger = logger;
        _address = address;
        _retriever = retriever;
        _time = time;
        _maxAge = maxAge;
        _keyRefreshInterval = keyRefreshInterval;
    }

    /// <summary>The cached metadata, fetched first if there is none or it is older than the refresh interval.</summary>
    /// <exception cref="InvalidOperationException">There is no metadata and it cannot be fetched.</exception>
    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        var now = _time.GetUtcNow();
        if (current is not null && (now - _fetchedAt < _maxAge || now < _retryAfter))
        {
            return current;
        }

        return await RefreshAsync(current, minimumAge: TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches again because <paramref name="seen"/> lacked a token's key, unless a fetch happened within the key
    /// refresh interval; returns the metadata to retry with (the same instance when nothing new was fetched).
    /// </summary>
    public Task<OpenIdConnectConfiguration> RefreshForUnknownKeyAsync(OpenIdConnectConfiguration seen, CancellationToken cancellationToken) =>
        RefreshAsync(seen, _keyRefreshInterval, cancellationToken);

    private async Task<OpenIdConnectConfiguration> RefreshAsync(OpenIdConnectConfiguration? seen, TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            // Another request refreshed while this one waited: use its result.
            if (current is not null && !ReferenceEquals(current, seen))
            {
                return current;
            }

            var now = _time.GetUtcNow();
            if (current is not null && (now - _fetchedAt < minimumAge || now < _retryAfter))
            {
                return current;
            }

            // Nothing known yet and the last attempt just failed: answer with that failure instead of queueing every
            // request behind another fetch while the authority is down.
            if (current is null && _lastFailure is { } failure && now - failure.At < FailureBackoff)
            {
                throw new InvalidOperationException($"the OpenID Connect metadata at {_address} could not be read", failure.Error);
            }

            OpenIdConnectConfiguration fetched;
            try
            {
                fetched = await OpenIdConnectConfigurationRetriever.GetAsync(_address, _retriever, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (current is not null && e is not OperationCanceledException)
            {
                // The authority is unreachable: keep validating with the keys already known, and try again after the
                // key refresh interval (not at every request, and not only after another full refresh interval).
                Log.MetadataRefreshFailed(_logger, _address, e);
                _retryAfter = _time.GetUtcNow() + _keyRefreshInterval;
                return current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _lastFailure = (now, e);
                throw new InvalidOperationException($"the OpenID Connect metadata at {_address} could not be read", e);
            }

            _fetchedAt = _time.GetUtcNow();
            Volatile.Write(ref _current, fetched);
            return fetched;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
