using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Functions.Tests.Support;
using MockGen.Service.Auth;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Http;

/// <summary>
/// The Functions app's side of the route-table test: every tenant HTTP function in <c>functions.metadata</c> (so a new
/// function is covered without touching this test), on a real Kestrel over Azurite, passes the shared gate under its
/// own name: without its declared role 403, another tenant's key 404, no key 401, each refusal audited.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionRouteRoleTests(AzuriteFixture azurite)
{
    private static readonly FunctionsMetadata Metadata = FunctionsMetadata.Load();

    [Fact]
    public async Task EveryTenantFunction_RefusesWithoutItsRole403_AnotherTenant404_NoKey401_AllAudited()
    {
        var acme = TestStores.Unique("fnroles");
        var globex = TestStores.Unique("fnrolesother");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [acme] = acme + "-admin" });
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        var withoutRole = new Dictionary<TenantRole, string>();
        foreach (var role in TenantRoles.Each)
        {
            withoutRole[role] = (await keys.CreateAsync(acme, TenantRole.All & ~role, "all-but-" + TenantRoles.Name(role), null, "test")).Secret;
        }

        var stranger = (await keys.CreateAsync(globex, TenantRole.All, "everything-elsewhere", null, "test")).Secret;
        var routes = Metadata.HttpRoutes.Where(r => r.Route.Contains("{tenant}", StringComparison.Ordinal))
            .SelectMany(r => r.Methods.Select(m => (Method: m.ToUpperInvariant(), r.Route, r.Name))).ToList();

        // Every tenant function has a role, and every API route of the table is a function (the dashboard is serve's own).
        Assert.Equal(ApiRoutes.Api.Select(r => r.EndpointName).Order(StringComparer.Ordinal), routes.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal));
        foreach (var (method, route, name) in routes)
        {
            var required = ApiRoutes.Find(name)!.Role;
            var path = Fill(route, acme);

            var refused = await SendAsync(app, withoutRole[required], method, path);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{method} {route} ({name}) without {required}: {refused.StatusCode}");
            var elsewhere = await SendAsync(app, stranger, method, path);
            Assert.True(elsewhere.StatusCode == HttpStatusCode.NotFound, $"{method} {route} ({name}) with another tenant's key: {elsewhere.StatusCode}");
            Assert.Contains("tenant '" + acme + "' was not found", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(app, null, method, path)).StatusCode);
        }

        using var admin = app.Client(acme + "-admin");
        var entries = (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{acme}/audit?limit=10000")).EnumerateArray().ToList();
        foreach (var outcome in new[] { "refused:403", "refused:404", "refused:401" })
        {
            Assert.Equal(routes.Count, entries.Count(e => e.GetProperty("outcome").GetString() == outcome));
        }

        foreach (var route in routes.Select(r => ApiRoutes.Find(r.Name)!))
        {
            var action = route.AuditAction ?? "read:" + route.EndpointName;
            Assert.All(entries.Where(e => e.GetProperty("action").GetString() == action), e => Assert.Equal(TenantRoles.Name(route.Role), e.GetProperty("role").GetString()));
        }

        Assert.Empty((await app.Pipeline.Audit.VerifyAsync(acme)).Problems);
    }

    /// <summary>Route values that pass the route and id checks, so a refusal can only come from the gate.</summary>
    private static string Fill(string route, string tenant) => "/" + route
        .Replace("{tenant}", tenant, StringComparison.Ordinal)
        .Replace("{name}", "pets.json", StringComparison.Ordinal)
        .Replace("{version}", "sha256:" + new string('0', 64), StringComparison.Ordinal)
        .Replace("{runId}", "r1", StringComparison.Ordinal)
        .Replace("{payloadId}", "r1~0~typical~0", StringComparison.Ordinal)
        .Replace("{keyId}", "k0000000000000000", StringComparison.Ordinal)
        .Replace("{shardKey}", "s0", StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> SendAsync(FunctionsApp app, string? key, string method, string path)
    {
        using var client = app.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
