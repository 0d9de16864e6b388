using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using MockGen.Fuzz.Tests.Support;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;
using Xunit.Abstractions;

namespace MockGen.Fuzz.Tests.Http;

/// <summary>
/// Issue 12, hostile input over HTTP: a real <c>serve</c> on 127.0.0.1 (local-folder store) takes fuzzed methods,
/// path segments, query strings and bodies (mutated contracts, prompt templates and run requests, bytes) on every API route.
/// No answer is a 5xx, every 4xx from the API is ProblemDetails, each request ends within the case bound, and what
/// was stored before (a contract and a sealed run) reads back byte for byte afterwards.
/// </summary>
public sealed class ServeRequestFuzzTests(ITestOutputHelper output)
{
    private const string Tenant = "acme";
    private const string Key = "acme-fuzz-key";

    private static readonly string[] Segments =
    [
        "pets.json", "r1", "missing", "..", "%2e%2e", "%2F", "%00", "%ZZ", "~", "a~0~typical~0", "r1~0~typical~0", "r1~pets.json~%23~typical~0",
        "é", "%F0%9F%98%80", "x%20y", "CON", "a.json%00.txt", "-1", "99999999999999999999", "", "%25", "\\", "'", "\"", "<script>",
        new string('a', 3000),
    ];

    private static readonly string[] QueryKeys = ["from", "to", "target", "variant", "limit", "version", "format", "gzip", "shard", "offset", "x"];

    private static readonly string[] QueryValues =
    [
        "0", "1", "5", "-1", "2147483648", "99999999999999999999", "1e3", "abc", "", "%23", "%23%2Fcomponents%2Fschemas%2FPet", "typical", "minimal",
        "%FF", "%", "%%", "a&b", "true", new string('9', 500),
    ];

    private static readonly Gen<string> Query = Gen.Select(Gen.OneOfConst(QueryKeys), Gen.OneOfConst(QueryValues), (k, v) => k + "=" + v).Array[0, 4]
        .Select(pairs => pairs.Length == 0 ? string.Empty : "?" + string.Join('&', pairs));

    private static readonly Gen<string> Path = Gen.Select(
        Gen.OneOfConst(
            "/v1/tenants/{t}/contracts", "/v1/tenants/{t}/contracts/{s}", "/v1/tenants/{t}/contracts/{s}/versions/{s}/content", "/v1/tenants/{t}/runs",
            "/v1/tenants/{t}/runs/{s}", "/v1/tenants/{t}/runs/{s}/payloads", "/v1/tenants/{t}/runs/{s}/manifest", "/v1/tenants/{t}/runs/{s}/shards/{s}",
            "/v1/tenants/{t}/payloads/{s}", "/v1/tenants/{t}/runs/{s}/drift", "/v1/tenants/{t}/runs/{s}/drift/{s}", "/openapi/v1.json", "/v1/{s}", "/{s}",
            "/v1/tenants/{t}/prompts", "/v1/tenants/{t}/prompts/{s}", "/v1/tenants/{t}/prompts/{s}/versions/{s}"),
        Gen.OneOfConst(Tenant, "globex", "ACME", "%61cme", "..", ""),
        Gen.OneOfConst(Segments).Array[3],
        Query,
        (template, tenant, segments, query) =>
        {
            var path = template.Replace("{t}", tenant, StringComparison.Ordinal);
            foreach (var segment in segments)
            {
                var at = path.IndexOf("{s}", StringComparison.Ordinal);
                if (at >= 0)
                {
                    path = path[..at] + segment + path[(at + 3)..];
                }
            }

            return path + query;
        });

    private static readonly Gen<byte[]> RunBody = Gen.OneOf(
        Mutations.Of(
        [
            """{"contract":"pets.json","countPerTarget":2,"shardSize":1,"variants":["typical","minimal"],"seed":"7"}""",
            """{"contract":"pets.json","version":"missing","runId":"x","countPerTarget":0,"gzip":true,"locale":"fr"}""",
            """{"contract":"../pets.json","environment":"a/b","shardSize":-1,"variants":["nope"],"countPerTarget":10000001}""",
        ]).Select(Encoding.UTF8.GetBytes),
        Gen.Byte.Array[0, 512]);

    private const string Prompt = "You write payments.\n---\nScenario {{scenario}} for {{target}}.";

    private static readonly Gen<byte[]> PromptBody = Gen.OneOf(Mutations.Of([Prompt, "no separator", "---", "a\n---\n{{"]).Select(Encoding.UTF8.GetBytes), Gen.Byte.Array[0, 1024]);

    private static readonly Gen<byte[]> ContractBody = Gen.OneOf(Mutations.Of(ContractSeeds.All).Select(Encoding.UTF8.GetBytes), Gen.Byte.Array[0, 4096]);

    private static readonly Gen<(HttpMethod Method, string Path, byte[]? Body, string? ContentType, bool WithKey)> Request = Gen.Frequency(
        (4, Gen.Select(Path, Gen.Bool, (p, key) => (HttpMethod.Get, p, (byte[]?)null, (string?)null, key))),
        (2, Gen.Select(Gen.OneOfConst(Segments), ContractBody, (name, body) => (HttpMethod.Put, $"/v1/tenants/{Tenant}/contracts/{name}", (byte[]?)body, (string?)"application/octet-stream", true))),
        (1, Gen.Select(Gen.OneOfConst(Segments), PromptBody, (name, body) => (HttpMethod.Put, $"/v1/tenants/{Tenant}/prompts/{name}", (byte[]?)body, (string?)"text/plain", true))),
        (2, Gen.Select(RunBody, Gen.OneOfConst("application/json", "text/plain", "application/json; charset=utf-16", "multipart/form-data"), (body, type) => (HttpMethod.Post, $"/v1/tenants/{Tenant}/runs", (byte[]?)body, (string?)type, true))),
        (1, Gen.Select(Path, RunBody, Gen.OneOfConst(HttpMethod.Post, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Put, HttpMethod.Head, HttpMethod.Options), Gen.Bool, (p, body, method, key) => (method, p, (byte[]?)body, (string?)"application/json", key))));

    [Fact]
    public async Task Serve_FuzzedRequests_No5xx_ProblemDetails_StoredDataIntact()
    {
        var folder = Directory.CreateTempSubdirectory("mockgen-fuzz-serve-").FullName;
        try
        {
            await using var server = await ServerHarness.StartAsync(PipelineStore.LocalFolder(folder), new Dictionary<string, string> { [Tenant] = Key, ["globex"] = "globex-fuzz-key" });
            using var client = server.Client(Key);
            using var anonymous = server.Client(null);
            client.Timeout = anonymous.Timeout = FuzzBudget.CaseTimeout;

            // What is stored before the fuzzing, to read back after it.
            var contract = Encoding.UTF8.GetBytes(ContractSeeds.OpenApi30);
            Assert.True((await client.PutAsync($"/v1/tenants/{Tenant}/contracts/pets.json", new ByteArrayContent(contract))).IsSuccessStatusCode);
            var start = await client.PostAsJsonAsync($"/v1/tenants/{Tenant}/runs", new { contract = "pets.json", countPerTarget = 5, shardSize = 2, runId = "r1", seed = "1" });
            Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
            await WaitSealedAsync(client, "r1");
            var datasetBefore = await client.GetByteArrayAsync($"/v1/tenants/{Tenant}/runs/r1/payloads");
            var contractsBefore = await client.GetStringAsync($"/v1/tenants/{Tenant}/contracts/pets.json");
            var promptVersion = (await (await client.PutAsync($"/v1/tenants/{Tenant}/prompts/scenarios", new StringContent(Prompt))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();

            await FuzzRun.SampleAsync(
                output,
                "http-requests",
                Request,
                async r => await HostileCase.RunAsync($"{r.Method} {r.Path}", async ct =>
                {
                    using var message = new HttpRequestMessage(r.Method, r.Path);
                    if (r.Body is not null)
                    {
                        message.Content = new ByteArrayContent(r.Body);
                        message.Content.Headers.TryAddWithoutValidation("Content-Type", r.ContentType);
                    }

                    using var response = await (r.WithKey ? client : anonymous).SendAsync(message, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    Assert.True((int)response.StatusCode < 500, $"{r.Method} {r.Path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                    if ((int)response.StatusCode >= 400 && r.Path.StartsWith("/v1/tenants/", StringComparison.Ordinal) && response.StatusCode != HttpStatusCode.MethodNotAllowed && body.Length > 0)
                    {
                        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    }
                }),
                r => $"{r.Method} {HostileCase.Describe(r.Path)} key={r.WithKey} body={(r.Body is null ? "none" : HostileCase.Describe(Encoding.UTF8.GetString(r.Body)))}");

            // Nothing already stored is lost or changed.
            Assert.Equal(datasetBefore, await client.GetByteArrayAsync($"/v1/tenants/{Tenant}/runs/r1/payloads"));
            var versions = await client.GetStringAsync($"/v1/tenants/{Tenant}/contracts/pets.json");
            using var before = JsonDocument.Parse(contractsBefore);
            using var after = JsonDocument.Parse(versions);
            var firstVersion = before.RootElement.GetProperty("versions")[0].GetProperty("version").GetString();
            Assert.Contains(after.RootElement.GetProperty("versions").EnumerateArray(), v => v.GetProperty("version").GetString() == firstVersion);
            Assert.Equal(contract, await client.GetByteArrayAsync($"/v1/tenants/{Tenant}/contracts/pets.json/versions/{firstVersion}/content"));
            Assert.Equal(promptVersion, (await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/{Tenant}/prompts/scenarios")).GetProperty("active").GetString());
            Assert.Equal(Prompt, await client.GetStringAsync($"/v1/tenants/{Tenant}/prompts/scenarios/versions/{promptVersion}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitSealedAsync(HttpClient client, string runId)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/{Tenant}/runs/{runId}");
            if (status.GetProperty("run").GetProperty("status").GetString() is "Completed" or "Failed")
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"run {runId} did not seal in 60 s");
    }
}
