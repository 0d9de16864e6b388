using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using MockGen.Service.Auth;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service.Auth;

/// <summary>
/// Entra ID bearer tokens through real <c>mockgen serve</c> HTTP requests, validated against the OIDC metadata and
/// JWKS a real Kestrel serves on loopback (<see cref="TestIdentityProvider"/>); tokens are signed with test RSA keys.
/// </summary>
public sealed class EntraServeTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Keys = new() { ["acme"] = "acme-secret-key", ["globex"] = "globex-secret-key" };
    private static readonly string[] AcmeRole = ["MockGen.Tenant.acme"];
    private static readonly string[] ReaderRole = ["MockGen.Reader"];

    private TestIdentityProvider _idp = null!;
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys, entra: _idp.Options());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_WithTheTenantsAppRole_ReachesTheTenant()
    {
        using var client = _server.Client(_idp.Issue(AcmeRole), bearer: true);

        var response = await client.GetAsync("/v1/tenants/acme/runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Fact]
    public async Task ValidToken_CanStartARunAndReadIt()
    {
        using var client = _server.Client(_idp.Issue(AcmeRole), bearer: true);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/v1/tenants/acme/runs", new { contract = "pets.json", countPerTarget = 2, runId = "entra1" })).StatusCode);
        var status = await ApiTests.WaitSealedAsync(client, "entra1", "acme");
        Assert.True(status.GetProperty("run").GetProperty("payloads").GetInt64() > 0);
    }

    public static TheoryData<string> Refusals => new()
    {
        "wrong-issuer", "wrong-audience", "expired", "not-yet-valid", "bad-signature", "unknown-kid", "alg-none", "hmac-with-public-key", "no-kid", "truncated",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task RefusedToken_Is401ProblemDetails_ThatSaysNothingAboutWhy(string refusal)
    {
        using var client = _server.Client(RefusedToken(refusal), bearer: true);

        var response = await client.GetAsync("/v1/tenants/acme/runs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        // One message for every refusal: the caller learns nothing about which check failed.
        Assert.Equal("the bearer token is not valid", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task NoCredential_WithEntraConfigured_Is401WithABearerChallenge()
    {
        using var client = _server.Client(null);

        var response = await client.GetAsync("/v1/tenants/acme/runs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("an API key (X-Api-Key) or an Entra ID bearer token is required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ValidToken_NotBoundToAnyTenant_Is404()
    {
        using var client = _server.Client(_idp.Issue(roles: ["Reader"]), bearer: true);

        var response = await client.GetAsync("/v1/tenants/acme/runs");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("tenant 'acme' was not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ValidToken_WithAnotherTenantsRole_Is404_LikeAnotherTenantsKey()
    {
        using var token = _server.Client(_idp.Issue(roles: ["MockGen.Tenant.globex"]), bearer: true);
        using var key = _server.Client("globex-secret-key");

        foreach (var path in new[] { "/v1/tenants/acme/runs", "/v1/tenants/acme/contracts" })
        {
            var byToken = await token.GetAsync(path);
            var byKey = await key.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, byToken.StatusCode);
            Assert.Equal(byKey.StatusCode, byToken.StatusCode);
            var keyProblem = await byKey.Content.ReadFromJsonAsync<JsonElement>();
            var tokenProblem = await byToken.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var field in new[] { "status", "title", "detail" })
            {
                Assert.Equal(keyProblem.GetProperty(field).ToString(), tokenProblem.GetProperty(field).ToString());
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/v1/tenants/globex/runs")).StatusCode);
    }

    [Fact]
    public async Task RolePrefixMustMatchExactly_ForTenantBinding()
    {
        // "mockgen.tenant.acme" (case) and "MockGen.Tenant.acme.admin" (not a tenant id) bind nothing.
        using var client = _server.Client(_idp.Issue(roles: ["mockgen.tenant.acme", "MockGen.Tenant.", "XMockGen.Tenant.acme"]), bearer: true);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/tenants/acme/runs")).StatusCode);
    }

    [Fact]
    public async Task ApiKeys_KeepWorking_AsHeaderAndAsBearer_WithEntraConfigured()
    {
        using var header = _server.Client("acme-secret-key");
        using var bearer = _server.Client("acme-secret-key", bearer: true);
        using var wrong = _server.Client("not-a-key", bearer: true);

        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bearer.GetAsync("/v1/tenants/globex/runs")).StatusCode);
        var refused = await wrong.GetAsync("/v1/tenants/acme/runs");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("the API key is not valid", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TokensAreFetchedOnce_NotPerRequest()
    {
        using var client = _server.Client(_idp.Issue(AcmeRole), bearer: true);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        }

        Assert.Equal(1, _idp.MetadataFetches);
        Assert.Equal(1, _idp.KeyFetches);
    }

    [Fact]
    public async Task TenantClaim_BindsTheListedTenants()
    {
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys, entra: _idp.Options(tenantClaim: "mockgen_tenants"));
        using var both = server.Client(_idp.Issue(ReaderRole, claims: new Dictionary<string, object> { ["mockgen_tenants"] = new[] { "acme", "globex" } }), bearer: true);
        using var spaced = server.Client(_idp.Issue(ReaderRole, claims: new Dictionary<string, object> { ["mockgen_tenants"] = "globex initech" }), bearer: true);
        using var noRole = server.Client(_idp.Issue(claims: new Dictionary<string, object> { ["mockgen_tenants"] = "acme" }), bearer: true);
        using var roleOnly = server.Client(_idp.Issue(AcmeRole), bearer: true);

        Assert.Equal(HttpStatusCode.OK, (await both.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await both.GetAsync("/v1/tenants/globex/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await spaced.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await spaced.GetAsync("/v1/tenants/globex/runs")).StatusCode);
        // With a tenant claim configured, app roles no longer bind tenants; they name roles alone (MockGen.Reader).
        Assert.Equal(HttpStatusCode.NotFound, (await roleOnly.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await noRole.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await both.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
    }

    [Fact]
    public async Task PerRoleAppRoles_GrantThatRoleOnThatTenantOnly()
    {
        using var reader = _server.Client(_idp.Issue(["MockGen.Reader.acme", "MockGen.Publisher.globex"]), bearer: true);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/v1/tenants/globex/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.PutAsync("/v1/tenants/globex/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/v1/tenants/initech/runs")).StatusCode);

        // The audit log names the token's subject, never the token.
        using var admin = _server.Client("acme-secret-key");
        var audit = await admin.GetStringAsync("/v1/tenants/acme/audit");
        Assert.Contains("\"principal\":\"entra:", audit, StringComparison.Ordinal);
        Assert.Contains("refused:403", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableAuthority_Is503ForTokens_ButApiKeysStillWork()
    {
        var closed = new EntraOptions { Authority = "http://127.0.0.1:1/nowhere/v2.0", Audience = TestIdentityProvider.Audience, RequireHttpsMetadata = false };
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys, entra: closed);
        using var token = server.Client(_idp.Issue(AcmeRole), bearer: true);
        using var key = server.Client("acme-secret-key");

        var response = await token.GetAsync("/v1/tenants/acme/runs");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync("/v1/tenants/acme/runs")).StatusCode);
    }

    private string RefusedToken(string refusal)
    {
        switch (refusal)
        {
            case "wrong-issuer":
                return _idp.Issue(AcmeRole, issuer: "https://login.microsoftonline.com/another-directory/v2.0");
            case "wrong-audience":
                return _idp.Issue(AcmeRole, audience: "api://some-other-api");
            case "expired":
                // Expired ten minutes ago: beyond the two-minute clock skew.
                return _idp.Issue(AcmeRole, notBeforeOffset: TimeSpan.FromMinutes(-70), lifetime: TimeSpan.FromMinutes(60));
            case "not-yet-valid":
                return _idp.Issue(AcmeRole, notBeforeOffset: TimeSpan.FromMinutes(10));
            case "bad-signature":
                // Signed by a key that is not the authority's, under the authority's key id.
                using (var forger = System.Security.Cryptography.RSA.Create(2048))
                {
                    var kid = _idp.CurrentSigningCredentials().Key.KeyId;
                    return _idp.Issue(AcmeRole, signing: new SigningCredentials(new RsaSecurityKey(forger) { KeyId = kid }, SecurityAlgorithms.RsaSha256));
                }

            case "unknown-kid":
                using (var stranger = System.Security.Cryptography.RSA.Create(2048))
                {
                    return _idp.Issue(AcmeRole, signing: new SigningCredentials(new RsaSecurityKey(stranger) { KeyId = "not-published" }, SecurityAlgorithms.RsaSha256));
                }

            case "alg-none":
                return _idp.IssueUnsigned(AcmeRole);
            case "hmac-with-public-key":
                // The classic confusion: HS256 keyed with the public key, hoping the verifier uses it as a MAC secret.
                var (publicKid, modulus) = _idp.CurrentPublicKey();
                return _idp.Issue(AcmeRole, signing: new SigningCredentials(new SymmetricSecurityKey(modulus) { KeyId = publicKid }, SecurityAlgorithms.HmacSha256));
            case "no-kid":
                var credentials = _idp.CurrentSigningCredentials();
                var rsa = ((RsaSecurityKey)credentials.Key).Rsa;
                return _idp.Issue(AcmeRole, signing: new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256));
            case "truncated":
                var valid = _idp.Issue(AcmeRole);
                return valid[..^10];
            default:
                throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null);
        }
    }
}
