using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MockGen.Service.Auth;
using MockGen.Service.Hosting;

namespace MockGen.Storage.Tests.Support;

/// <summary>
/// A stand-in for Entra ID on a real Kestrel at 127.0.0.1: serves the OpenID Connect discovery document and the JWKS
/// of its current RSA signing keys (which a test can roll over), counts fetches, and signs tokens with those keys.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string Audience = "api://mockgen-tests";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private List<(string Kid, RSA Key)> _published = [];
    private int _metadataFetches;
    private int _keyFetches;

    private TestIdentityProvider(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Authority = new Uri(baseAddress, "/test-directory/v2.0").AbsoluteUri;
    }

    /// <summary>The authority; the discovery document sits at {Authority}/.well-known/openid-configuration.</summary>
    public string Authority { get; }

    /// <summary>The issuer its tokens (and its metadata) name.</summary>
    public string Issuer => Authority;

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    /// <summary>While true, the discovery document answers 503 (an authority outage); fetches are still counted.</summary>
    public bool Down { get; set; }

    public int KeyFetches => Volatile.Read(ref _keyFetches);

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        TestIdentityProvider? self = null;
        app.MapGet("/test-directory/v2.0/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref self!._metadataFetches);
            if (self.Down)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = self.Issuer,
                ["jwks_uri"] = self.Authority + "/discovery/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/test-directory/v2.0/discovery/keys", () =>
        {
            Interlocked.Increment(ref self!._keyFetches);
            return Results.Json(new { keys = self.PublishedKeys().Select(k => Jwk(k.Kid, k.Key)).ToArray() });
        });
        await app.StartAsync();
        self = new TestIdentityProvider(app, MockGenServer.BaseAddress(app));
        self.RollOver();
        return self;
    }

    /// <summary>Entra options for this authority (plain http is allowed only because it is loopback).</summary>
    public EntraOptions Options(string? tenantClaim = null) => new()
    {
        Authority = Authority,
        Audience = Audience,
        TenantClaim = tenantClaim,
        RequireHttpsMetadata = false,
    };

    /// <summary>Publishes a new signing key and retires the previous ones; returns the new key id.</summary>
    public string RollOver()
    {
        var kid = "key-" + Guid.NewGuid().ToString("N")[..8];
        lock (_gate)
        {
            foreach (var (_, old) in _published)
            {
                old.Dispose();
            }

            _published = [(kid, RSA.Create(2048))];
        }

        return kid;
    }

    /// <summary>The current signing key, for tokens the authority would issue.</summary>
    public SigningCredentials CurrentSigningCredentials()
    {
        lock (_gate)
        {
            var (kid, key) = _published[^1];
            return new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
        }
    }

    /// <summary>The current key's public modulus: what an HMAC-confusion attacker would use as the secret.</summary>
    public (string Kid, byte[] PublicModulus) CurrentPublicKey()
    {
        lock (_gate)
        {
            var (kid, key) = _published[^1];
            return (kid, key.ExportParameters(false).Modulus!);
        }
    }

    /// <summary>A token as the authority would issue it, for the given app roles and extra claims, adjustable per test.</summary>
    public string Issue(
        IEnumerable<string>? roles = null,
        IDictionary<string, object>? claims = null,
        string? issuer = null,
        string? audience = null,
        DateTimeOffset? now = null,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? lifetime = null,
        SigningCredentials? signing = null)
    {
        var at = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var notBefore = at + (notBeforeOffset ?? TimeSpan.FromMinutes(-5));
        var all = new Dictionary<string, object>(claims ?? new Dictionary<string, object>(), StringComparer.Ordinal) { ["sub"] = "ci-pipeline" };
        if (roles is not null)
        {
            all["roles"] = roles.ToArray();
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? Audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = notBefore + (lifetime ?? TimeSpan.FromMinutes(65)),
            Claims = all,
            SigningCredentials = signing ?? CurrentSigningCredentials(),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string IssueUnsigned(IEnumerable<string> roles)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var payload = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "ci-pipeline",
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(60).ToUnixTimeSeconds(),
            ["roles"] = roles.ToArray(),
        }));
        return header + "." + payload + ".";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_gate)
        {
            foreach (var (_, key) in _published)
            {
                key.Dispose();
            }
        }
    }

    private List<(string Kid, RSA Key)> PublishedKeys()
    {
        lock (_gate)
        {
            return [.. _published];
        }
    }

    private static Dictionary<string, string> Jwk(string kid, RSA key)
    {
        var parameters = key.ExportParameters(false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
