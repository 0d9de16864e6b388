using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Service.Auth;
using MockGen.Storage.Prompts;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service.Governance;

/// <summary>
/// Prompt templates through real serve HTTP requests (issue 10), on both stores (a real Azurite and the local folder):
/// publish, approve, reject and roll back with the roles the route table declares, every step audited, and a text
/// written straight to <c>prompts/{tenant}/{name}</c> only a proposal that resolution ignores until it is approved.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PromptApprovalFlowTests(AzuriteFixture azurite)
{
    private const string V1 = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";
    private const string V2 = "You write payments for {{currency}}.\n---\nScenario {{scenario}} for {{target}}.";
    private const string V3 = "You write refunds.\n---\nScenario {{scenario}} for {{target}}.";

    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Publish_ChangeWaits_ApproveActivates_RejectNever_RollbackToOlder_AllAudited(StoreKind kind)
    {
        var tenant = TestStores.Unique("papi");
        await using var server = await ServerHarness.StartAsync(TestStores.Create(kind, azurite), new Dictionary<string, string> { [tenant] = tenant + "-admin" });
        var keys = server.App.Services.GetRequiredService<ApiKeyStore>();
        using var publisher = server.Client((await keys.CreateAsync(tenant, TenantRole.Publisher | TenantRole.Reader, "pub", null, "test")).Secret);
        using var approver = server.Client((await keys.CreateAsync(tenant, TenantRole.Approver | TenantRole.Reader, "appr", null, "test")).Secret);
        using var admin = server.Client(tenant + "-admin");
        var prompts = $"/v1/tenants/{tenant}/prompts";

        // The first version of a name is active at once.
        var first = await publisher.PutAsync(prompts + "/scenarios", Text(V1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var v1 = await first.Content.ReadFromJsonAsync<JsonElement>();
        var v1Version = v1.GetProperty("version").GetString()!;
        Assert.Equal(PromptText.Parse("x", V1).Version, v1Version);
        Assert.True(v1.GetProperty("isActive").GetBoolean());
        Assert.Equal("Initial", v1.GetProperty("approval").GetProperty("change").GetString());

        // A change waits (approval is on by default for prompts): 202, and the name still resolves to v1.
        var second = await publisher.PutAsync(prompts + "/scenarios", Text(V2.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var v2 = await second.Content.ReadFromJsonAsync<JsonElement>();
        var v2Version = v2.GetProperty("version").GetString()!;
        Assert.Equal(PromptText.Parse("x", V2).Version, v2Version);
        Assert.Equal("PendingApproval", v2.GetProperty("approval").GetProperty("state").GetString());
        Assert.Equal(v1Version, v2.GetProperty("approval").GetProperty("comparedTo").GetString());
        Assert.False(v2.GetProperty("isActive").GetBoolean());
        Assert.Equal(V1, (await server.Pipeline.Prompts.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal(V2, await publisher.GetStringAsync($"{prompts}/scenarios/versions/{v2Version}"));

        // A publisher cannot approve; an approver can, and the name then resolves to v2.
        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.PostAsync($"{prompts}/scenarios/versions/{v2Version}/approve", null)).StatusCode);
        var approval = await approver.PostAsJsonAsync($"{prompts}/scenarios/versions/{v2Version}/approve", new { reason = "reviewed" });
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        var approved = (await approval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision");
        Assert.Equal("Approved", approved.GetProperty("state").GetString());
        Assert.StartsWith("key:k", approved.GetProperty("decidedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(V2, (await server.Pipeline.Prompts.GetAsync(tenant, "scenarios")).Text);
        Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsync($"{prompts}/scenarios/versions/{v2Version}/approve", null)).StatusCode);

        // A rejected change never becomes active, not even by activation.
        var v3Version = (await (await publisher.PutAsync(prompts + "/scenarios", Text(V3))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"{prompts}/scenarios/versions/{v3Version}/reject", new { reason = "off topic" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsJsonAsync($"{prompts}/scenarios/active", new { version = v3Version })).StatusCode);
        Assert.Equal(V2, (await server.Pipeline.Prompts.GetAsync(tenant, "scenarios")).Text);

        // Rollback: an older approved version becomes active again.
        var rollback = await approver.PostAsJsonAsync($"{prompts}/scenarios/active", new { version = v1Version });
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(v2Version, (await rollback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("previous").GetString());
        Assert.Equal(V1, (await server.Pipeline.Prompts.GetAsync(tenant, "scenarios")).Text);
        var listed = await publisher.GetFromJsonAsync<JsonElement>(prompts + "/scenarios");
        Assert.Equal(v1Version, listed.GetProperty("active").GetString());
        Assert.Equal(["Approved", "Approved", "Rejected"], listed.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("approval").GetProperty("state").GetString()));
        Assert.Equal(["scenarios"], (await publisher.GetFromJsonAsync<JsonElement>(prompts)).EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        // The audit log tells the story, with principals, versions and the refusal.
        var audit = (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/audit")).EnumerateArray().ToList();
        bool Has(string action, string outcome, string version) => audit.Any(e => e.GetProperty("action").GetString() == action && e.GetProperty("outcome").GetString() == outcome && e.GetProperty("version").GetString() == version);
        Assert.True(Has("prompt.upload", "ok", v1Version));
        Assert.True(Has("prompt.upload", "pending-approval", v2Version));
        Assert.True(Has("prompt.approve", "ok", v2Version));
        Assert.True(Has("prompt.reject", "ok", v3Version));
        Assert.True(Has("prompt.activate", "failed:409", v3Version));
        Assert.True(Has("prompt.activate", "ok", v1Version));
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "prompt.approve" && e.GetProperty("outcome").GetString() == "refused:403");
        Assert.All(audit.Where(e => e.GetProperty("action").GetString()!.StartsWith("prompt.", StringComparison.Ordinal) && e.GetProperty("outcome").GetString() != "refused:403"),
            e => Assert.Equal("prompt:scenarios", e.GetProperty("resource").GetString()));
        Assert.True((await server.Pipeline.Audit.VerifyAsync(tenant)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RawBlobWrite_IsOnlyAProposal_TheApiShowsItPending_AndRunsKeepTheApprovedText(StoreKind kind)
    {
        var tenant = TestStores.Unique("praw");
        await using var server = await ServerHarness.StartAsync(TestStores.Create(kind, azurite), new Dictionary<string, string> { [tenant] = tenant + "-admin" });
        using var admin = server.Client(tenant + "-admin");
        var prompts = $"/v1/tenants/{tenant}/prompts";
        var v1Version = (await (await admin.PutAsync(prompts + "/scenarios", Text(V1))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;

        // Whoever can write the store writes a new text where the active copy sits.
        await server.Pipeline.Store.Blobs.WriteAsync($"prompts/{tenant}/scenarios", new MemoryStream(Encoding.UTF8.GetBytes(V2)));

        var listed = await admin.GetFromJsonAsync<JsonElement>(prompts + "/scenarios");
        Assert.Equal(v1Version, listed.GetProperty("active").GetString());
        var raw = listed.GetProperty("versions")[1];
        Assert.Equal("PendingApproval", raw.GetProperty("approval").GetProperty("state").GetString());
        Assert.Equal("blob-upload", raw.GetProperty("approval").GetProperty("publishedBy").GetString());
        Assert.Equal(V1, (await server.Pipeline.Prompts.GetAsync(tenant, "scenarios")).Text);

        // Rejected, it leaves the slot: the blob holds the active text again, and nothing was lost (it stays retrievable).
        var rawVersion = raw.GetProperty("version").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{prompts}/scenarios/versions/{rawVersion}/reject", null)).StatusCode);
        using (var reader = new StreamReader((await server.Pipeline.Store.Blobs.OpenReadAsync($"prompts/{tenant}/scenarios"))!))
        {
            Assert.Equal(V1, await reader.ReadToEndAsync());
        }

        Assert.Equal(V2, await admin.GetStringAsync($"{prompts}/scenarios/versions/{rawVersion}"));
        var audit = (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/audit")).EnumerateArray().ToList();
        Assert.Single(audit, e => e.GetProperty("principal").GetString() == "blob-upload" && e.GetProperty("action").GetString() == "prompt.upload" && e.GetProperty("outcome").GetString() == "pending-approval");
    }

    [Fact]
    public async Task Upload_BadInput_Is400NamingTheRule_StoresNothing_AndIsAudited_ABomIsNotText()
    {
        var tenant = TestStores.Unique("pbad");
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), new Dictionary<string, string> { [tenant] = tenant + "-admin" });
        using var admin = server.Client(tenant + "-admin");
        var prompts = $"/v1/tenants/{tenant}/prompts";

        var noSeparator = await admin.PutAsync(prompts + "/scenarios", Text("no separator line"));
        var notUtf8 = await admin.PutAsync(prompts + "/scenarios", new ByteArrayContent([0x61, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x62]));
        var badName = await admin.PutAsync(prompts + "/..%2Fx", Text(V1));
        var unknown = await admin.PostAsync($"{prompts}/scenarios/versions/sha256:{new string('0', 64)}/approve", null);

        Assert.Equal(HttpStatusCode.BadRequest, noSeparator.StatusCode);
        Assert.Contains("request body: not a prompt template: a prompt template needs a line '---' between the system part and the user part", await noSeparator.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        Assert.Contains("byte 1 is not", await notUtf8.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(prompts + "/scenarios")).StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(prompts)).GetArrayLength());
        var audit = (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/audit")).EnumerateArray().ToList();

        // The same file with a byte order mark is the same version `mockgen prompts push` stores.
        var withBom = await admin.PutAsync(prompts + "/scenarios", new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(V1)]));
        Assert.Equal(HttpStatusCode.OK, withBom.StatusCode);
        Assert.Equal(PromptText.Parse("x", V1).Version, (await withBom.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString());
        Assert.Equal(3, audit.Count(e => e.GetProperty("action").GetString() == "prompt.upload" && e.GetProperty("outcome").GetString() == "failed:400"));
    }

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");
}
