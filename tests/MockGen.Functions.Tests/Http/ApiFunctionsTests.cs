using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MockGen.Functions.Tests.Support;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Functions.Tests.Http;

/// <summary>The HTTP functions on a real Kestrel (routed by functions.metadata), with runs on the Durable test host over Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiFunctionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Api_UploadStartStreamLookupAndDrift_ThroughTheFunctions()
    {
        var tenant = TestStores.Unique("fnapi");
        await using var app = await FunctionsApp.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [tenant] = tenant + "-key" });
        using var client = app.Client(tenant + "-key");

        var upload = await client.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var version = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        var contracts = await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/contracts");
        Assert.Equal(version, contracts[0].GetProperty("versions")[0].GetProperty("version").GetString());
        Assert.Equal("Ready", contracts[0].GetProperty("versions")[0].GetProperty("status").GetString());

        var start = await client.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", new { contract = "pets.json", countPerTarget = 30, shardSize = 8, variants = new[] { "typical", "minimal" }, seed = "5", runId = "api1" });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal($"/v1/tenants/{tenant}/runs/api1", start.Headers.Location!.OriginalString);
        var status = await WaitSealedAsync(client, tenant, "api1");
        Assert.Equal("Completed", status.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(16, status.GetProperty("manifest").GetProperty("shards").GetArrayLength());

        var all = await client.GetAsync($"/v1/tenants/{tenant}/runs/api1/payloads");
        Assert.Equal("application/x-ndjson", all.Content.Headers.ContentType!.MediaType);
        var lines = (await all.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(120, lines.Length);
        var filtered = (await client.GetStringAsync($"/v1/tenants/{tenant}/runs/api1/payloads?target=%23%2Fcomponents%2Fschemas%2FPet&variant=minimal&from=5&to=12"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, filtered.Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/v1/tenants/{tenant}/runs/api1/payloads?from=x")).StatusCode);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/{tenant}/runs/api1/payloads");
        conditional.Headers.IfNoneMatch.Add(all.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/{tenant}/runs/api1/payloads");
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        var gzipped = await client.SendAsync(gzipRequest);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        await using (var unzip = new GZipStream(await gzipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        {
            using var reader = new StreamReader(unzip);
            Assert.Equal(string.Join('\n', lines) + "\n", await reader.ReadToEndAsync());
        }

        var payload = await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/payloads/api1~0~typical~29");
        Assert.Equal(version, payload.GetProperty("contractVersion").GetString());
        Assert.Equal(29, payload.GetProperty("record").GetProperty("meta").GetProperty("index").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/tenants/{tenant}/payloads/api1~0~typical~30")).StatusCode);

        var v2 = (await (await client.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV2))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        var drift = await client.PostAsJsonAsync($"/v1/tenants/{tenant}/runs/api1/drift", new { version = v2 });
        Assert.Equal(HttpStatusCode.OK, drift.StatusCode);
        var report = await drift.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(60, report.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("targetId").GetString() == "#/components/schemas/Pet").GetProperty("failing").GetInt64());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/runs/api1/drift/{v2}");
        Assert.Equal(report.GetProperty("failing").GetInt64(), stored.GetProperty("failing").GetInt64());

        var bad = await client.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.Malformed));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync($"/v1/tenants/{tenant}/runs", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task Api_TenantIsolation_AnotherTenantsKeyIs404_NoKeyIs401()
    {
        var acme = TestStores.Unique("fnacme");
        var globex = TestStores.Unique("fnglobex");
        await using var app = await FunctionsApp.StartAsync(
            PipelineStore.AzureConnectionString(azurite.ConnectionString),
            new Dictionary<string, string> { [acme] = acme + "-key", [globex] = globex + "-key" });
        using var acmeClient = app.Client(acme + "-key");
        using var globexClient = app.Client(globex + "-key");
        var secret = await globexClient.PutAsync($"/v1/tenants/{globex}/contracts/secret.json", new ByteArrayContent(TestContracts.PetsV1));
        var secretVersion = (await secret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await globexClient.PostAsJsonAsync($"/v1/tenants/{globex}/runs", new { contract = "secret.json", countPerTarget = 3, runId = "g1" })).StatusCode);
        await WaitSealedAsync(globexClient, globex, "g1");

        foreach (var path in new[]
        {
            $"/v1/tenants/{globex}/contracts", $"/v1/tenants/{globex}/contracts/secret.json", $"/v1/tenants/{globex}/runs",
            $"/v1/tenants/{globex}/runs/g1", $"/v1/tenants/{globex}/runs/g1/payloads", $"/v1/tenants/{globex}/payloads/g1~0~typical~0",
            $"/v1/tenants/{globex}/runs/g1/drift/{secretVersion}",
        })
        {
            var response = await acmeClient.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain(secretVersion[7..], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await acmeClient.PostAsJsonAsync($"/v1/tenants/{globex}/runs", new { contract = "secret.json" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acmeClient.PostAsJsonAsync($"/v1/tenants/{globex}/runs/g1/drift", new { version = secretVersion })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acmeClient.PutAsync($"/v1/tenants/{globex}/contracts/x.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);

        // Acme's own routes never reach globex's run, whatever the ids try.
        foreach (var path in new[] { $"/v1/tenants/{acme}/runs/g1", $"/v1/tenants/{acme}/runs/g1/payloads", $"/v1/tenants/{acme}/payloads/g1~0~typical~0", $"/v1/tenants/{acme}/runs/..%2F..%2F{globex}%2Fruns%2Fg1" })
        {
            var response = await acmeClient.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, path + " gave " + response.StatusCode);
        }

        using var anonymous = app.Client(null);
        var unauthorized = await anonymous.GetAsync($"/v1/tenants/{acme}/runs");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client("wrong-key").GetAsync($"/v1/tenants/{acme}/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await globexClient.GetAsync($"/v1/tenants/{globex}/runs/g1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }

    internal static async Task<JsonElement> WaitSealedAsync(HttpClient client, string tenant, string runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var response = await client.GetAsync($"/v1/tenants/{tenant}/runs/{runId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (status.GetProperty("run").GetProperty("isSealed").GetBoolean())
            {
                return status;
            }

            Assert.NotEqual("Failed", status.GetProperty("run").GetProperty("status").GetString());
            Assert.True(DateTime.UtcNow < deadline, "run " + runId + " did not finish in 120 s");
            await Task.Delay(100);
        }
    }
}
