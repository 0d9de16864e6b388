using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Service.Auth;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Service;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service.Governance;

/// <summary>Versions, approval, rollback and reproduction through real serve HTTP requests over Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApprovalFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BreakingVersion_WaitsForAnApprover_ThenBecomesActiveAndRuns_AndRollbackRevalidates()
    {
        var tenant = TestStores.Unique("approve");
        await using var server = await ServerHarness.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [tenant] = tenant + "-admin" });
        var keys = server.App.Services.GetRequiredService<ApiKeyStore>();
        using var publisher = server.Client((await keys.CreateAsync(tenant, TenantRole.Publisher | TenantRole.Reader | TenantRole.Runner, "pub", null, "test")).Secret);
        using var approver = server.Client((await keys.CreateAsync(tenant, TenantRole.Approver | TenantRole.Reader, "appr", null, "test")).Secret);
        using var admin = server.Client(tenant + "-admin");

        // First version: active at once.
        var v1Response = await publisher.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1));
        Assert.Equal(HttpStatusCode.OK, v1Response.StatusCode);
        var v1 = await v1Response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(v1.GetProperty("isActive").GetBoolean());
        Assert.Equal("Initial", v1.GetProperty("approval").GetProperty("change").GetString());
        var v1Version = v1.GetProperty("version").GetString()!;

        // A non-breaking change: active at once.
        var nonBreaking = await (await publisher.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContractsNonBreaking.PetsV1WithNickname))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NonBreaking", nonBreaking.GetProperty("approval").GetProperty("change").GetString());
        Assert.True(nonBreaking.GetProperty("isActive").GetBoolean());
        var v11Version = nonBreaking.GetProperty("version").GetString()!;

        // A breaking change: 202, PendingApproval, the diff's breaking changes listed; the active version does not move.
        var v2Response = await publisher.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV2));
        Assert.Equal(HttpStatusCode.Accepted, v2Response.StatusCode);
        var v2 = await v2Response.Content.ReadFromJsonAsync<JsonElement>();
        var v2Version = v2.GetProperty("version").GetString()!;
        Assert.Equal("PendingApproval", v2.GetProperty("approval").GetProperty("state").GetString());
        Assert.Equal("Breaking", v2.GetProperty("approval").GetProperty("change").GetString());
        Assert.Equal(v11Version, v2.GetProperty("approval").GetProperty("comparedTo").GetString());
        Assert.Contains(v2.GetProperty("approval").GetProperty("breakingChanges").EnumerateArray(), c => c.GetString()!.Contains("species", StringComparison.Ordinal));
        var listed = await publisher.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/contracts/pets.json");
        Assert.Equal(v11Version, listed.GetProperty("active").GetString());

        // Runs use the active version; the pending one is refused until approved; a publisher cannot approve.
        var defaultRun = await (await publisher.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", new { contract = "pets.json", countPerTarget = 4, runId = "before" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(v11Version, defaultRun.GetProperty("spec").GetProperty("contractVersion").GetString());
        await ApiTests.WaitSealedAsync(publisher, "before", tenant);
        Assert.Equal(HttpStatusCode.Conflict, (await publisher.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", new { contract = "pets.json", version = v2Version, countPerTarget = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await publisher.PostAsync($"/v1/tenants/{tenant}/contracts/pets.json/versions/{v2Version}/approve", null)).StatusCode);

        // The approver approves: the version becomes active and its run starts.
        var approval = await approver.PostAsJsonAsync($"/v1/tenants/{tenant}/contracts/pets.json/versions/{v2Version}/approve", new { reason = "consumers migrated" });
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        var approved = await approval.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Approved", approved.GetProperty("decision").GetProperty("state").GetString());
        Assert.StartsWith("key:k", approved.GetProperty("decision").GetProperty("decidedBy").GetString(), StringComparison.Ordinal);
        var runId = approved.GetProperty("run").GetProperty("spec").GetProperty("runId").GetString()!;
        Assert.Equal(v2Version, approved.GetProperty("run").GetProperty("spec").GetProperty("contractVersion").GetString());
        await ApiTests.WaitSealedAsync(publisher, runId, tenant);
        Assert.Equal(v2Version, (await publisher.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/contracts/pets.json")).GetProperty("active").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsync($"/v1/tenants/{tenant}/contracts/pets.json/versions/{v2Version}/approve", null)).StatusCode);

        // Rollback to v1, re-validating the latest dataset (v2's run) against it: Owner.age became a string in v2.
        var datasetBefore = await DatasetBlobsAsync(server, tenant);
        var sealedBefore = await publisher.GetStringAsync($"/v1/tenants/{tenant}/runs/{runId}");
        var rollback = await approver.PostAsJsonAsync($"/v1/tenants/{tenant}/contracts/pets.json/active", new { version = v1Version, revalidate = true });
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        var rolledBack = await rollback.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(v2Version, rolledBack.GetProperty("previous").GetString());
        var drift = rolledBack.GetProperty("drift");
        Assert.Equal(runId, drift.GetProperty("runId").GetString());
        Assert.Equal(v1Version, drift.GetProperty("againstVersion").GetString());

        // The drift run validated v2's stored payloads against v1: exactly the Owners with a (string) age fail.
        var owners = (await publisher.GetStringAsync($"/v1/tenants/{tenant}/runs/{runId}/payloads?target=%23%2Fcomponents%2Fschemas%2FOwner")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var withAge = owners.Count(l => JsonDocument.Parse(l).RootElement.GetProperty("payload").TryGetProperty("age", out _));
        Assert.Equal(withAge, drift.GetProperty("failing").GetInt64());
        Assert.Equal((await ApiTests.WaitSealedAsync(publisher, runId, tenant)).GetProperty("run").GetProperty("payloads").GetInt64(), drift.GetProperty("payloads").GetInt64());

        // Nothing was regenerated: the same dataset blobs with the same ETags, the run record unchanged, no new run.
        Assert.Equal(datasetBefore, await DatasetBlobsAsync(server, tenant));
        Assert.Equal(sealedBefore, await publisher.GetStringAsync($"/v1/tenants/{tenant}/runs/{runId}"));
        Assert.Equal(2, (await publisher.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/runs")).GetArrayLength());
        Assert.Equal(v1Version, (await publisher.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/contracts/pets.json")).GetProperty("active").GetString());

        // Reject: a rejected version can never be activated.
        var v3 = await (await publisher.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContractsNonBreaking.PetsV3))).Content.ReadFromJsonAsync<JsonElement>();
        var v3Version = v3.GetProperty("version").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/v1/tenants/{tenant}/contracts/pets.json/versions/{v3Version}/reject", new { reason = "drops email" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsJsonAsync($"/v1/tenants/{tenant}/contracts/pets.json/active", new { version = v3Version })).StatusCode);

        // Every version stays retrievable, byte for byte.
        Assert.Equal(TestContracts.PetsV2, await publisher.GetByteArrayAsync($"/v1/tenants/{tenant}/contracts/pets.json/versions/{v2Version}"));

        // The audit log tells the story, with principals and versions.
        var audit = (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/audit")).EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "contract.upload" && e.GetProperty("outcome").GetString() == "pending-approval" && e.GetProperty("version").GetString() == v2Version);
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "contract.approve" && e.GetProperty("outcome").GetString() == "ok" && e.GetProperty("detail").GetString()!.Contains("started run " + runId, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "contract.approve" && e.GetProperty("outcome").GetString() == "refused:403");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "contract.activate" && e.GetProperty("version").GetString() == v1Version);
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "contract.reject" && e.GetProperty("detail").GetString() == "drops email");
        Assert.True((await server.Pipeline.Audit.VerifyAsync(tenant)).IsIntact);
    }

    [Fact]
    public async Task TenantPolicy_CanDemandApprovalForEveryChange_AndProfilesAreVersioned()
    {
        var tenant = TestStores.Unique("policy");
        await using var server = await ServerHarness.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [tenant] = tenant + "-admin" });
        using var admin = server.Client(tenant + "-admin");

        var first = await admin.PutAsync($"/v1/tenants/{tenant}/profile", new StringContent("""{"seed":"7","countPerTarget":3,"governance":{"approveAllContractChanges":true,"approveProfileChanges":true}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstVersion = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;

        // Under that policy even the first contract version waits, and so does the next profile.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        var second = await admin.PutAsync($"/v1/tenants/{tenant}/profile", new StringContent("""{"seed":"8"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var secondVersion = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        var profile = await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/profile");
        Assert.Equal(firstVersion, profile.GetProperty("active").GetString());
        Assert.Equal("7", profile.GetProperty("profile").GetProperty("seed").GetString());
        Assert.Equal(2, profile.GetProperty("versions").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/v1/tenants/{tenant}/profile/versions/{secondVersion}/approve", null)).StatusCode);
        Assert.Equal("8", (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/profile")).GetProperty("profile").GetProperty("seed").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/profile/active", new { version = firstVersion })).StatusCode);
        Assert.Equal("7", (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/profile")).GetProperty("profile").GetProperty("seed").GetString());

        // A malformed profile is refused and stores nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"/v1/tenants/{tenant}/profile", new StringContent("""{"countPerTarget":0}""", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/profile")).GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task Reproduce_RegeneratesEveryShard_ByteForByte_AndDetectsAnAlteredManifest()
    {
        var tenant = TestStores.Unique("repro");
        await using var server = await ServerHarness.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [tenant] = tenant + "-admin" });
        using var admin = server.Client(tenant + "-admin");
        await admin.PutAsync($"/v1/tenants/{tenant}/profile", new StringContent("""{"seed":"42","variants":["typical","negative"]}""", Encoding.UTF8, "application/json"));
        await admin.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1));
        var start = await (await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", new { contract = "pets.json", countPerTarget = 25, shardSize = 10, gzip = true, runId = "nightly" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("sha256:", start.GetProperty("spec").GetProperty("profileVersion").GetString(), StringComparison.Ordinal);
        var status = await ApiTests.WaitSealedAsync(admin, "nightly", tenant);

        var response = await admin.PostAsync($"/v1/tenants/{tenant}/runs/nightly/reproduce", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reproduction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(reproduction.GetProperty("reproduced").GetBoolean(), reproduction.ToString());
        Assert.Equal(12, reproduction.GetProperty("shards").GetInt32());
        Assert.Equal(12, reproduction.GetProperty("matching").GetInt32());
        Assert.Equal(reproduction.GetProperty("originalDigest").GetString(), reproduction.GetProperty("reproducedDigest").GetString());
        Assert.Equal(status.GetProperty("run").GetProperty("manifestSha256").GetString(), reproduction.GetProperty("manifestSha256").GetString());
        Assert.Equal("42", reproduction.GetProperty("seed").GetString());

        // Swap one shard's recorded hash in the manifest: the reproduction names that shard and the altered manifest.
        var manifestPath = status.GetProperty("run").GetProperty("manifestPath").GetString()!;
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await ReadAsync(server, manifestPath))!;
        manifest["shards"]![3]!["sha256"] = new string('a', 64);
        await server.Pipeline.Store.Blobs.WriteAsync(manifestPath, new MemoryStream(Encoding.UTF8.GetBytes(manifest.ToJsonString())));
        var tampered = await (await admin.PostAsync($"/v1/tenants/{tenant}/runs/nightly/reproduce", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(tampered.GetProperty("reproduced").GetBoolean());
        Assert.Equal(11, tampered.GetProperty("matching").GetInt32());
        var mismatches = tampered.GetProperty("mismatches").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(mismatches, m => m.Contains("altered", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.StartsWith("shard " + manifest["shards"]![3]!["key"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/v1/tenants/{tenant}/runs/nope/reproduce", null)).StatusCode);
    }

    private static async Task<List<string>> DatasetBlobsAsync(ServerHarness server, string tenant)
    {
        var blobs = new List<string>();
        await foreach (var entry in server.Pipeline.Store.Blobs.ListAsync("datasets/" + tenant + "/"))
        {
            blobs.Add(entry.Path + " " + entry.Length + " " + entry.ETag);
        }

        Assert.NotEmpty(blobs);
        return [.. blobs.Order(StringComparer.Ordinal)];
    }

    private static async Task<byte[]> ReadAsync(ServerHarness server, string path)
    {
        await using var stream = (await server.Pipeline.Store.Blobs.OpenReadAsync(path))!;
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
