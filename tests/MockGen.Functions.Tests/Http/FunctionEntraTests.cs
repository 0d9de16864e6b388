using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MockGen.Functions.Tests.Support;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Http;

/// <summary>
/// Entra ID principals on the Functions app (a real Kestrel over Azurite, tokens signed by a loopback authority): the
/// per-role app roles grant exactly that role on that tenant, through the same gate serve uses.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionEntraTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestIdentityProvider _idp = null!;

    public async Task InitializeAsync() => _idp = await TestIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task PerRoleAppRoles_GrantThatRoleOnThatTenant_403WithoutIt_404Elsewhere_Audited()
    {
        var acme = TestStores.Unique("fnentra");
        var globex = TestStores.Unique("fnentraother");
        var initech = TestStores.Unique("fnentranone");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [acme] = acme + "-admin" }, entra: _idp.Options());
        using var token = Bearer(app, _idp.Issue(["MockGen.Reader." + acme, "MockGen.Publisher." + globex]));

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/v1/tenants/{acme}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PutAsync($"/v1/tenants/{acme}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/v1/tenants/{globex}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.PutAsync($"/v1/tenants/{globex}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await token.GetAsync($"/v1/tenants/{initech}/runs")).StatusCode);
        using var forged = Bearer(app, _idp.Issue(["MockGen.Reader." + acme], audience: "api://another-api"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/v1/tenants/{acme}/runs")).StatusCode);

        // The audit log names the token's subject and the role it lacked, never the token.
        using var admin = app.Client(acme + "-admin");
        var entries = (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{acme}/audit")).EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("principal").GetString() == "entra:ci-pipeline" && e.GetProperty("outcome").GetString() == "refused:403" && e.GetProperty("role").GetString() == "publisher");
        Assert.Contains(entries, e => e.GetProperty("outcome").GetString() == "refused:401");
    }

    private static HttpClient Bearer(FunctionsApp app, string token)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
