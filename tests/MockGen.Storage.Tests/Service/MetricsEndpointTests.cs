using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service;

/// <summary>Issue 11: <c>mockgen serve</c> answers Prometheus text at /metrics from a real Kestrel on loopback.</summary>
[Collection(MeterCountingCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterARun_ServesPrometheusTextWithTheManifestsCountsAndTheRequests()
    {
        var tenant = TestStores.Unique("prom");
        await using var server = await ServerHarness.StartAsync(PipelineStoreFactory.Local(), new Dictionary<string, string> { [tenant] = "prom-secret-key" });
        using var client = server.Client("prom-secret-key");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/v1/tenants/{tenant}/contracts/pets.json", new ByteArrayContent(TestContracts.PetsV1))).StatusCode);
        var start = await client.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", new { contract = "pets.json", countPerTarget = 12, shardSize = 5, variants = new[] { "typical" }, seed = "3" });
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("spec").GetProperty("runId").GetString()!;
        var status = await ApiTests.WaitSealedAsync(client, runId, tenant);
        var payloads = status.GetProperty("manifest").GetProperty("payloads").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/tenants/{tenant}/runs/nope")).StatusCode);

        using var anonymous = server.Client(null);
        var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("# TYPE mockgen_payloads_generated_total counter", text, StringComparison.Ordinal);
        Assert.Equal(payloads, Sum(text, "mockgen_payloads_generated_total", $"mockgen_tenant=\"{tenant}\""));
        Assert.Equal(1, Sum(text, "mockgen_runs_completed_total", $"mockgen_tenant=\"{tenant}\"", "mockgen_run_status=\"Completed\"", "mockgen_store=\"folder\""));
        Assert.Equal(6, Sum(text, "mockgen_shard_duration_seconds_count", $"mockgen_tenant=\"{tenant}\"", "mockgen_variant=\"typical\""));

        // Requests by route template (never the raw path) and status.
        Assert.Equal(1, Sum(text, "mockgen_http_requests_total", "http_route=\"/v1/tenants/{tenant}/runs\"", "http_request_method=\"POST\"", "http_response_status_code=\"202\""));
        Assert.True(Sum(text, "mockgen_http_requests_total", "http_route=\"/v1/tenants/{tenant}/runs/{runId}\"", "http_response_status_code=\"404\"") >= 1);
        Assert.DoesNotContain(runId, text, StringComparison.Ordinal);
    }

    // The sum of a series' samples over the lines that carry every given label (other tests' tenants share the meter).
    private static double Sum(string text, string series, params string[] labels) =>
        text.Split('\n')
            .Where(l => l.StartsWith(series + "{", StringComparison.Ordinal) && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .Sum(l => double.Parse(Regex.Match(l, @"\}\s+(\S+)").Groups[1].Value, CultureInfo.InvariantCulture));
}
