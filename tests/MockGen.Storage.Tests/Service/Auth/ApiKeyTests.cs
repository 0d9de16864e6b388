using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MockGen.Service.Auth;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service.Auth;

/// <summary>API keys through the API on a real Kestrel over Azurite, and the key store's clock rules with a fake clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Keys_CreateListRotateRevoke_ThroughTheApi_SecretShownOnceAndNeverListed()
    {
        var tenant = TestStores.Unique("keys");
        await using var server = await ServerHarness.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [tenant] = tenant + "-admin" });
        using var admin = server.Client(tenant + "-admin");

        var create = await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/keys", new { roles = new[] { "reader" }, name = "ci", expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await create.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("key").GetProperty("id").GetString()!;
        Assert.StartsWith("mgk_", secret, StringComparison.Ordinal);
        Assert.Equal(["reader"], created.GetProperty("key").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The reader key reads, and may not publish.
        using var reader = server.Client(secret);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/v1/tenants/{tenant}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/v1/tenants/{tenant}/keys")).StatusCode);

        // Listing shows metadata only, with the last use recorded; the secret and its hash appear nowhere.
        var listText = await admin.GetStringAsync($"/v1/tenants/{tenant}/keys");
        Assert.DoesNotContain(secret, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeyStore.Hash(secret), listText, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(listText).RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal("ci", listed.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("expiresAt").ValueKind);
        Assert.False(listed.TryGetProperty("hash", out _));

        // Rotate with overlap: both keys work; the new one has the same roles.
        var rotate = await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/keys/{id}/rotate", new { overlapHours = 1 });
        Assert.Equal(HttpStatusCode.Created, rotate.StatusCode);
        var rotated = await rotate.Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotated.GetProperty("secret").GetString()!;
        using var next = server.Client(newSecret);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync($"/v1/tenants/{tenant}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/v1/tenants/{tenant}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await next.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", new { contract = "pets.json" })).StatusCode);

        // Rotation without overlap ends the old key at once; revocation ends the new one.
        var newId = rotated.GetProperty("key").GetProperty("id").GetString()!;
        var again = await (await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/keys/{newId}/rotate", new { overlapHours = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await next.GetAsync($"/v1/tenants/{tenant}/runs")).StatusCode);
        var lastId = again.GetProperty("key").GetProperty("id").GetString()!;
        using var last = server.Client(again.GetProperty("secret").GetString());
        Assert.Equal(HttpStatusCode.OK, (await last.GetAsync($"/v1/tenants/{tenant}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/v1/tenants/{tenant}/keys/{lastId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await last.GetAsync($"/v1/tenants/{tenant}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/v1/tenants/{tenant}/keys/k0000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/keys", new { roles = new[] { "superuser" } })).StatusCode);

        // Each change is audited with the admin's key id, and no secret reaches the log.
        var auditText = await admin.GetStringAsync($"/v1/tenants/{tenant}/audit");
        Assert.DoesNotContain(secret, auditText, StringComparison.Ordinal);
        Assert.DoesNotContain(newSecret, auditText, StringComparison.Ordinal);
        var actions = JsonDocument.Parse(auditText).RootElement.EnumerateArray().Where(e => e.GetProperty("outcome").GetString() == "ok").Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["key.create", "key.rotate", "key.rotate", "key.revoke"], actions);
    }

    [Fact]
    public async Task Keys_ExpireOnTheClock_AndRotationKeepsTheLifetime()
    {
        var tenant = TestStores.Unique("expiry");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var keys = new ApiKeyStore(PipelineStore.AzureConnectionString(azurite.ConnectionString).Tables, time);
        var created = await keys.CreateAsync(tenant, TenantRole.Reader | TenantRole.Runner, "nightly", time.GetUtcNow().AddDays(7), "test");
        Assert.NotNull(await keys.AuthenticateAsync(created.Secret));

        time.Advance(TimeSpan.FromDays(6));
        var rotated = (await keys.RotateAsync(tenant, created.Key.Id, TimeSpan.FromHours(12), "test"))!;
        Assert.Equal(["reader", "runner"], rotated.Key.Roles);
        Assert.Equal("2026-12-14T09:00:00.0000000+00:00", rotated.Key.ExpiresAt);

        time.Advance(TimeSpan.FromHours(11));
        Assert.NotNull(await keys.AuthenticateAsync(created.Secret));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Null(await keys.AuthenticateAsync(created.Secret));
        Assert.NotNull(await keys.AuthenticateAsync(rotated.Secret));

        time.Advance(TimeSpan.FromDays(8));
        Assert.Null(await keys.AuthenticateAsync(rotated.Secret));
        Assert.Throws<ArgumentException>(() => keys.CreateAsync(tenant, TenantRole.None, null, null, "test").GetAwaiter().GetResult());
        await Assert.ThrowsAsync<ArgumentException>(() => keys.CreateAsync(tenant, TenantRole.Reader, null, time.GetUtcNow().AddDays(-1), "test"));
    }

    [Fact]
    public async Task Keys_BootstrapKey_HasEveryRole_AndALegacyHashRowStillWorks()
    {
        var tenant = TestStores.Unique("boot");
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        var keys = new ApiKeyStore(store.Tables);
        var boot = await keys.AddHashAsync(tenant, ApiKeyStore.Hash(tenant + "-boot"));
        Assert.Equal(TenantRoles.Names(TenantRole.All), boot.Roles);
        Assert.Equal(boot.Id, (await keys.AuthenticateAsync(tenant + "-boot"))!.Id);

        // A key bound by an earlier MockGen (lookup row with only the tenant) authenticates as a bootstrap key.
        await store.Tables.UpsertBatchAsync("apikeys", [new TableRow("keys", ApiKeyStore.Hash(tenant + "-old"), new Dictionary<string, object> { ["tenant"] = tenant })]);
        var legacy = await keys.AuthenticateAsync(tenant + "-old");
        Assert.Equal(tenant, legacy!.Tenant);
        Assert.Equal(TenantRoles.Names(TenantRole.All), legacy.Roles);
    }
}
