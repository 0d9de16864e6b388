using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using MockGen.Storage;

namespace MockGen.Service.Auth;

/// <summary>
/// Validates Entra ID (any OpenID Connect authority's) access tokens for the tenant check: issuer, audience,
/// signature with the authority's published keys, lifetime within a small clock skew, and an algorithm allow-list
/// (RSA and ECDSA only: no <c>none</c>, and no HMAC, whose "key" would be the public key), then reads the tenants the
/// token is bound to from app roles or a configured claim. Immutable and thread-safe; build one per options and reuse it.
/// </summary>
public sealed class EntraTokenValidator : IDisposable
{
    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly char[] TenantSeparators = [' ', ','];

    private readonly EntraOptions _options;
    private readonly IReadOnlyList<string> _audiences;
    private readonly IReadOnlyList<string> _issuers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly OidcMetadataCache _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Builds the validator; nothing is fetched until the first token arrives.</summary>
    /// <param name="options">The authority, audience and tenant binding; validated and copied.</param>
    /// <param name="timeProvider">The clock for token lifetimes and metadata age. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Where refusals are logged (their reasons never reach the caller). Default: none.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public EntraTokenValidator(EntraOptions options, TimeProvider? timeProvider = null, ILogger<EntraTokenValidator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        _audiences = _options.Audiences;
        _issuers = _options.Issuers;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var retriever = new HttpDocumentRetriever(_http) { RequireHttps = _options.RequireHttpsMetadata };
        _metadata = new OidcMetadataCache(_options.ResolvedMetadataAddress, retriever, _time, _options.MetadataRefreshInterval, _options.KeyRefreshInterval, _logger);
    }

    /// <summary>True when the value has the compact JWS/JWE shape, so it is checked as a token and not as an API key.</summary>
    internal bool LooksLikeToken(string value) => _handler.CanReadToken(value);

    /// <summary>Validates the token; never throws for a bad token (the reason is logged, not returned).</summary>
    internal async Task<EntraTokenResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = await _metadata.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            Log.MetadataUnavailable(_logger, _options.ResolvedMetadataAddress, e);
            return EntraTokenResult.Unavailable;
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(metadata)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key id the cached set lacks: the authority may have rolled its keys since the last fetch.
            Log.UnknownSigningKey(_logger);
            var refreshed = await _metadata.RefreshForUnknownKeyAsync(metadata, cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(refreshed, metadata))
            {
                result = await _handler.ValidateTokenAsync(token, Parameters(refreshed)).ConfigureAwait(false);
            }
        }

        if (!result.IsValid)
        {
            Log.TokenRefused(_logger, result.Exception);
            return EntraTokenResult.Refused;
        }

        var identity = result.ClaimsIdentity;
        var subject = identity.FindFirst("oid")?.Value ?? identity.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value ?? identity.FindFirst("sub")?.Value ?? "unknown";
        return EntraTokenResult.Valid(subject, GrantsOf(identity));
    }

    /// <summary>Releases the metadata HTTP client.</summary>
    public void Dispose()
    {
        _metadata.Dispose();
        _http.Dispose();
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration metadata) => new()
    {
        ValidIssuers = _issuers.Count > 0 ? _issuers : [metadata.Issuer],
        ValidAudiences = _audiences,
        IssuerSigningKeys = metadata.SigningKeys,
        ValidAlgorithms = AllowedAlgorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireAudience = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        // Only the key the token names (kid): a token without one, or naming an unknown one, is refused.
        TryAllIssuerSigningKeys = false,
        ClockSkew = _options.ClockSkew,
        // The library's own lifetime check reads the wall clock; this one reads the injected clock, same rules.
        LifetimeValidator = ValidateLifetime,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && (notBefore is not { } nbf || (nbf <= exp && nbf <= now + parameters.ClockSkew))
            && exp >= now - parameters.ClockSkew;
    }

    /// <summary>
    /// The roles a token grants per tenant. Without a tenant claim, app roles (<see cref="EntraOptions.RoleClaim"/>)
    /// name both: <c>MockGen.Reader.acme</c> (one role on one tenant) or the legacy <c>MockGen.Tenant.acme</c> (every
    /// role). With a tenant claim, it lists the tenants and the app roles name roles alone (<c>MockGen.Reader</c>),
    /// granted on each listed tenant; a token with tenants but no role reaches them with none (403 everywhere).
    /// </summary>
    private Dictionary<string, TenantRole> GrantsOf(ClaimsIdentity identity)
    {
        var grants = new Dictionary<string, TenantRole>(StringComparer.Ordinal);
        var roleValues = identity.FindAll(_options.RoleClaim).Select(c => c.Value).ToList();
        if (_options.TenantClaim is { } claim)
        {
            var roles = TenantRole.None;
            foreach (var value in roleValues)
            {
                if (value.StartsWith(_options.RolePrefix, StringComparison.Ordinal) && TenantRoles.TryParse(value[_options.RolePrefix.Length..], out var role))
                {
                    roles |= role;
                }
            }

            // A JSON array arrives as one claim per element; a string may list several.
            foreach (var value in identity.FindAll(claim).SelectMany(c => c.Value.Split(TenantSeparators, StringSplitOptions.RemoveEmptyEntries)))
            {
                Grant(value, roles);
            }
        }
        else
        {
            foreach (var value in roleValues)
            {
                if (value.StartsWith(_options.TenantRolePrefix, StringComparison.Ordinal))
                {
                    Grant(value[_options.TenantRolePrefix.Length..], TenantRole.All);
                }
                else if (value.StartsWith(_options.RolePrefix, StringComparison.Ordinal) && value[_options.RolePrefix.Length..] is var rest
                    && rest.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && TenantRoles.TryParse(rest[..dot], out var role))
                {
                    Grant(rest[(dot + 1)..], role);
                }
            }
        }

        return grants;

        void Grant(string tenant, TenantRole roles)
        {
            if (Identifiers.IsTenant(tenant))
            {
                grants[tenant] = grants.GetValueOrDefault(tenant) | roles;
            }
        }
    }
}
