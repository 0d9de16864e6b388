using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service;

public sealed class ApiTests
{
    private static readonly Dictionary<string, string> Keys = new() { ["acme"] = "acme-secret-key", ["globex"] = "globex-secret-key" };

    [Fact]
    public async Task Api_UploadRunStreamAndLookup_RoundTrip()
    {
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys);
        using var acme = server.Client("acme-secret-key");

        var upload = await acme.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var version = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;

        var contracts = await acme.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/contracts");
        Assert.Equal("pets.json", contracts[0].GetProperty("name").GetString());
        Assert.Equal(version, contracts[0].GetProperty("versions")[0].GetProperty("version").GetString());

        var start = await acme.PostAsJsonAsync("/v1/tenants/acme/runs", new { contract = "pets.json", countPerTarget = 30, shardSize = 8, variants = new[] { "typical", "minimal" }, seed = "5" });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("spec").GetProperty("runId").GetString()!;
        Assert.Equal($"/v1/tenants/acme/runs/{runId}", start.Headers.Location!.OriginalString);

        var status = await WaitSealedAsync(acme, runId);
        Assert.Equal("Completed", status.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(16, status.GetProperty("manifest").GetProperty("shards").GetArrayLength());

        var runs = await acme.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/runs");
        Assert.Equal(runId, runs[0].GetProperty("spec").GetProperty("runId").GetString());

        var all = await acme.GetAsync($"/v1/tenants/acme/runs/{runId}/payloads");
        Assert.Equal("application/x-ndjson", all.Content.Headers.ContentType!.MediaType);
        var lines = (await all.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(120, lines.Length);

        var filtered = (await acme.GetStringAsync($"/v1/tenants/acme/runs/{runId}/payloads?target=%23%2Fcomponents%2Fschemas%2FPet&variant=minimal&from=5&to=12"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, filtered.Length);
        Assert.All(filtered, l => Assert.Equal("minimal", JsonDocument.Parse(l).RootElement.GetProperty("meta").GetProperty("variant").GetString()));

        // ETag: a finished run never changes, so a conditional GET is answered without a body.
        var etag = all.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/acme/runs/{runId}/payloads");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await acme.SendAsync(conditional)).StatusCode);

        // gzip when asked.
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/acme/runs/{runId}/payloads");
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        var gzipped = await acme.SendAsync(gzipRequest);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        Assert.NotEqual(etag, gzipped.Headers.ETag);
        await using (var unzip = new GZipStream(await gzipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        {
            using var reader = new StreamReader(unzip);
            Assert.Equal(string.Join('\n', lines) + "\n", await reader.ReadToEndAsync());
        }

        var payload = await acme.GetFromJsonAsync<JsonElement>($"/v1/tenants/acme/payloads/{runId}~0~typical~29");
        Assert.Equal(version, payload.GetProperty("contractVersion").GetString());
        Assert.Equal("5", payload.GetProperty("seed").GetString());
        Assert.Equal(29, payload.GetProperty("record").GetProperty("meta").GetProperty("index").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/v1/tenants/acme/payloads/{runId}~0~typical~30")).StatusCode);
    }

    [Fact]
    public async Task Api_TenantIsolation_KeyForOneTenantNeverReachesAnother()
    {
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys);
        using var acme = server.Client("acme-secret-key");
        using var globex = server.Client("globex-secret-key", bearer: true);
        var secret = await globex.PutAsync("/v1/tenants/globex/contracts/secret.json", new ByteArrayContent(TestContracts.PetsV1));
        Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        var secretVersion = (await secret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        var start = await globex.PostAsJsonAsync("/v1/tenants/globex/runs", new { contract = "secret.json", countPerTarget = 3, runId = "g1" });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        await WaitSealedAsync(globex, "g1", "globex");

        // Acme's key on globex routes: every read, list and start looks like a missing tenant.
        foreach (var path in new[]
        {
            "/v1/tenants/globex/contracts", "/v1/tenants/globex/contracts/secret.json", "/v1/tenants/globex/runs",
            "/v1/tenants/globex/runs/g1", "/v1/tenants/globex/runs/g1/payloads", "/v1/tenants/globex/payloads/g1~0~typical~0",
        })
        {
            var response = await acme.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await acme.PostAsJsonAsync("/v1/tenants/globex/runs", new { contract = "secret.json" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.PutAsync("/v1/tenants/globex/contracts/x.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);

        // Acme's own routes never show globex's data, whatever the ids try.
        foreach (var path in new[]
        {
            "/v1/tenants/acme/runs/g1", "/v1/tenants/acme/runs/g1/payloads", "/v1/tenants/acme/payloads/g1~0~typical~0",
            "/v1/tenants/acme/runs/..%2F..%2Fglobex%2Fruns%2Fg1", "/v1/tenants/acme/runs/%2E%2E/payloads",
            "/v1/tenants/acme/contracts/..%2Fglobex%2Fsecret.json", "/v1/tenants/acme/contracts/%2e%2e",
            "/v1/tenants/acme/payloads/..%2Fglobex~0~typical~0", "/v1/tenants/acme/runs/g1/drift/sha256:..%2F..%2F",
            "/v1/tenants/acme%2F..%2Fglobex/runs", "/v1/tenants/..%2Fglobex/runs",
        })
        {
            var response = await acme.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, path + " gave " + response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(secretVersion[7..], body, StringComparison.Ordinal);
            Assert.DoesNotContain("components/schemas", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client(null).GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client("wrong-key").GetAsync("/v1/tenants/acme/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await globex.GetAsync("/v1/tenants/globex/runs/g1")).StatusCode);
    }

    [Fact]
    public async Task Api_MalformedUpload_Is422WithDiagnostics_AndEarlierVersionStillServes()
    {
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys);
        using var acme = server.Client("acme-secret-key");
        await acme.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1));
        var bad = await acme.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.Malformed));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("pets.json", problem.GetProperty("diagnostics")[0].GetString(), StringComparison.Ordinal);

        var versions = await acme.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/contracts/pets.json");
        Assert.Equal(new[] { "Ready", "Failed" }, versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()));

        // The latest upload failed: it never became active, so a run without a version uses the good (active) one;
        // naming the failed version is a conflict.
        var good = versions.GetProperty("versions")[0].GetProperty("version").GetString();
        var failed = versions.GetProperty("versions")[1].GetProperty("version").GetString();
        Assert.Equal(good, versions.GetProperty("active").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await acme.PostAsJsonAsync("/v1/tenants/acme/runs", new { contract = "pets.json", version = failed })).StatusCode);
        var byDefault = await (await acme.PostAsJsonAsync("/v1/tenants/acme/runs", new { contract = "pets.json", countPerTarget = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(good, byDefault.GetProperty("spec").GetProperty("contractVersion").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await acme.PostAsJsonAsync("/v1/tenants/acme/runs", new { contract = "pets.json", version = good, countPerTarget = 2 })).StatusCode);
    }

    [Fact]
    public async Task Api_Drift_ReportsWhatANewVersionBreaks()
    {
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys);
        using var acme = server.Client("acme-secret-key");
        await acme.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1));
        await acme.PostAsJsonAsync("/v1/tenants/acme/runs", new { contract = "pets.json", countPerTarget = 10, runId = "base" });
        await WaitSealedAsync(acme, "base");
        var v2 = (await (await acme.PutAsync("/v1/tenants/acme/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV2))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();

        var drift = await acme.PostAsJsonAsync("/v1/tenants/acme/runs/base/drift", new { version = v2 });
        Assert.Equal(HttpStatusCode.OK, drift.StatusCode);
        var report = await drift.Content.ReadFromJsonAsync<JsonElement>();

        // Every Pet lacks the newly required 'species'; the Owners that carry an (integer) age now fail on type.
        var owners = (await acme.GetStringAsync("/v1/tenants/acme/runs/base/payloads?target=%23%2Fcomponents%2Fschemas%2FOwner")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var withAge = owners.Count(l => JsonDocument.Parse(l).RootElement.GetProperty("payload").TryGetProperty("age", out _));
        Assert.Equal(10 + withAge, report.GetProperty("failing").GetInt64());

        var stored = await acme.GetFromJsonAsync<JsonElement>($"/v1/tenants/acme/runs/base/drift/{v2}");
        Assert.Equal(10 + withAge, stored.GetProperty("failing").GetInt64());
    }

    [Fact]
    public async Task Api_OpenApiDocument_ListsExactlyTheMappedRoutes()
    {
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), Keys);
        using var anonymous = server.Client(null);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name != "parameters").Select(o => o.Name.ToUpperInvariant() + " " + p.Name))
            .Order(StringComparer.Ordinal).ToList();

        // The dashboard's browser pages are excluded from the API description on purpose; every other route is documented.
        var mapped = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => m + " " + "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mapped, documented);

        // Every operation id in the document names a mapped endpoint.
        var names = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToHashSet();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                Assert.Contains(operation.Value.GetProperty("operationId").GetString(), names);
            }
        }
    }

    internal static async Task<JsonElement> WaitSealedAsync(HttpClient client, string runId, string tenant = "acme")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync($"/v1/tenants/{tenant}/runs/{runId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (status.GetProperty("run").GetProperty("isSealed").GetBoolean())
                {
                    return status;
                }

                Assert.NotEqual("Failed", status.GetProperty("run").GetProperty("status").GetString());
            }

            Assert.True(DateTime.UtcNow < deadline, "run " + runId + " did not finish in 60 s");
            await Task.Delay(50);
        }
    }
}
