using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Service.Auth;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service.Auth;

/// <summary>
/// Walks serve's real route table (the endpoint data source, so a route added later is covered without touching this
/// test) on a real Kestrel over Azurite, and proves for every tenant route: a principal of the tenant that holds every
/// role except the declared one gets 403, a principal of another tenant holding every role gets 404, no credential
/// gets 401, and each refusal lands in the tenant's audit log.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouteRoleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryTenantRoute_DeclaresARole_AndRefusesWithoutIt403_AndAnotherTenant404()
    {
        var acme = TestStores.Unique("roles");
        var globex = TestStores.Unique("rolesother");
        await using var server = await ServerHarness.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [acme] = acme + "-admin" });
        var keys = server.App.Services.GetRequiredService<ApiKeyStore>();
        var withoutRole = new Dictionary<TenantRole, string>();
        foreach (var role in TenantRoles.Each)
        {
            withoutRole[role] = (await keys.CreateAsync(acme, TenantRole.All & ~role, "all-but-" + TenantRoles.Name(role), null, "test")).Secret;
        }

        var onlyRole = new Dictionary<TenantRole, string>();
        foreach (var role in TenantRoles.Each)
        {
            onlyRole[role] = (await keys.CreateAsync(acme, role, "only-" + TenantRoles.Name(role), null, "test")).Secret;
        }

        var stranger = (await keys.CreateAsync(globex, TenantRole.All, "everything-elsewhere", null, "test")).Secret;

        var routes = ((IEndpointRouteBuilder)server.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.Contains("{tenant}", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Pattern: e.RoutePattern.RawText!, Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)))
            .ToList();
        Assert.True(routes.Count >= 25, "the route table has " + routes.Count + " tenant routes");
        // The table and the endpoints agree both ways: no endpoint without a role, no role for a route that is gone.
        Assert.Equal(ApiRoutes.All.Select(r => r.EndpointName).Order(StringComparer.Ordinal), routes.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal));

        // The dashboard's browser pages are in the same table and behind the same gate, as reader routes.
        Assert.Equal([ApiRoutes.DashboardOverview, ApiRoutes.DashboardRun], routes.Where(r => ApiRoutes.Find(r.Name)!.ServeOnly).Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(ApiRoutes.All.Where(r => r.ServeOnly), r => Assert.Equal(TenantRole.Reader, r.Role));
        var basicRefusals = 0;
        foreach (var (method, pattern, name) in routes)
        {
            var route = ApiRoutes.Find(name)!;
            var required = route.Role;
            var path = Fill(pattern, acme);

            var refused = await SendAsync(server, withoutRole[required], method, path);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{method} {pattern} ({name}) without {required}: {refused.StatusCode}");
            Assert.Equal(route.ServeOnly ? "text/html" : "application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            if (route.ServeOnly)
            {
                // A browser signs in with HTTP Basic (user name = tenant, password = key): the same role check applies.
                using var basic = server.Client(null);
                basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(acme + ":" + withoutRole[required])));
                var page = await basic.GetAsync(path);
                Assert.True(page.StatusCode == HttpStatusCode.Forbidden, $"{pattern} ({name}) signed in without {required}: {page.StatusCode}");
                Assert.Contains("lacks the 'reader' role", await TextAsync(page), StringComparison.Ordinal);
                basicRefusals++;
            }

            var elsewhere = await SendAsync(server, stranger, method, path);
            Assert.True(elsewhere.StatusCode == HttpStatusCode.NotFound, $"{method} {pattern} ({name}) with another tenant's key: {elsewhere.StatusCode}");
            Assert.Contains("tenant '" + acme + "' was not found", await TextAsync(elsewhere), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(server, null, method, path)).StatusCode);

            // The declared role alone is enough to pass the gate (the handler may still say 404 for a missing object).
            var allowed = await SendAsync(server, onlyRole[required], method, path);
            Assert.True(allowed.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{method} {pattern} ({name}) with only {required}: {allowed.StatusCode}");
            Assert.DoesNotContain("tenant '" + acme + "' was not found", await TextAsync(allowed), StringComparison.Ordinal);
        }

        // Every refusal is in acme's audit log: one 403, one 404 and one 401 per route, each naming the role it lacked.
        using var admin = server.Client(acme + "-admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{acme}/audit?limit=10000");
        var entries = audit.EnumerateArray().ToList();
        Assert.Equal(routes.Count + basicRefusals, entries.Count(e => e.GetProperty("outcome").GetString() == "refused:403"));
        foreach (var route in routes.Select(r => ApiRoutes.Find(r.Name)!))
        {
            // Each route's refusals name its action and the role it required, so the log says what was attempted.
            var action = route.AuditAction ?? "read:" + route.EndpointName;
            var forRoute = entries.Where(e => e.GetProperty("action").GetString() == action).ToList();
            Assert.True(forRoute.Any(e => e.GetProperty("outcome").GetString() == "refused:403"), action + ": no 403 audited");
            Assert.All(forRoute, e => Assert.Equal(TenantRoles.Name(route.Role), e.GetProperty("role").GetString()));
        }

        Assert.Equal(routes.Count, entries.Count(e => e.GetProperty("outcome").GetString() == "refused:404"));
        Assert.Equal(routes.Count, entries.Count(e => e.GetProperty("outcome").GetString() == "refused:401"));
        Assert.All(entries.Where(e => e.GetProperty("outcome").GetString() == "refused:404"), e => Assert.EndsWith("@" + globex, e.GetProperty("principal").GetString(), StringComparison.Ordinal));
        Assert.Empty((await server.Pipeline.Audit.VerifyAsync(acme)).Problems);
    }

    [Fact]
    public void ApiRoutes_EveryEntryHasOneRole_AndMutatingRoutesAnAuditAction()
    {
        foreach (var route in ApiRoutes.All)
        {
            Assert.Contains(route.Role, TenantRoles.Each);
        }

        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.EndpointName).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ApiRoutes.All.Where(r => r.Role is TenantRole.Publisher or TenantRole.Approver or TenantRole.Runner), r => Assert.True(r.IsMutating, r.EndpointName));
    }

    /// <summary>Route values that pass the route and id checks, so a refusal can only come from the gate.</summary>
    private static string Fill(string pattern, string tenant) => "/" + pattern.TrimStart('/')
        .Replace("{tenant}", tenant, StringComparison.Ordinal)
        .Replace("{name}", "pets.json", StringComparison.Ordinal)
        .Replace("{version}", "sha256:" + new string('0', 64), StringComparison.Ordinal)
        .Replace("{runId}", "r1", StringComparison.Ordinal)
        .Replace("{payloadId}", "r1~0~typical~0", StringComparison.Ordinal)
        .Replace("{keyId}", "k0000000000000000", StringComparison.Ordinal);

    // The body as text; the dashboard's HTML pages are decoded, so both say "tenant 'x' was not found" the same way.
    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType == "text/html" ? WebUtility.HtmlDecode(body) : body;
    }

    private static async Task<HttpResponseMessage> SendAsync(ServerHarness server, string? key, string method, string path)
    {
        using var client = server.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
