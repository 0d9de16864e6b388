using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MockGen.Benchmarks.Load;

/// <summary>
/// Issue 12, load: every tenant, with its own key and client, loops until the deadline: upload its contract, start a
/// run, wait for it, pull the dataset (checking that every record is its own), list runs and contracts, and try one
/// of another tenant's runs (which must look missing). Shared by the benchmark (minutes) and the CI test (seconds).
/// </summary>
internal static class LoadDriver
{
    public const string ListRuns = "GET /runs (list)";
    public const string ListContracts = "GET /contracts (list)";
    public const string Pull = "GET /runs/{id}/payloads (pull)";

    private static readonly string[] Typical = ["typical"];

    /// <summary>A small OpenAPI contract with a tenant field, so records say whose they are in the payload too.</summary>
    public static byte[] Contract(string tenant) => Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"load TENANT","version":"1"},"paths":{},"components":{"schemas":{
          "Order":{"type":"object","required":["id","tenant_id","total"],"properties":{"id":{"type":"integer","minimum":1},"tenant_id":{"type":"string"},"total":{"type":"number","minimum":0,"maximum":1000}}},
          "Item":{"type":"object","required":["sku"],"properties":{"sku":{"type":"string","minLength":3,"maxLength":12},"quantity":{"type":"integer","minimum":1}}}}}}
        """.Replace("TENANT", tenant, StringComparison.Ordinal));

    public static async Task<LoadReport> RunAsync(Func<string?, HttpClient> clientFor, IReadOnlyList<(string Tenant, string Key)> tenants, LoadOptions options, CancellationToken cancellationToken = default)
    {
        var report = new LoadReport();
        var deadline = Stopwatch.StartNew();
        var sealedRuns = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Task.WhenAll(tenants.Select((t, i) => Task.Run(
            async () =>
            {
                using var client = clientFor(t.Key);
                var round = 0;
                while (deadline.Elapsed < options.Duration && !cancellationToken.IsCancellationRequested)
                {
                    round++;
                    var runId = string.Create(CultureInfo.InvariantCulture, $"{t.Tenant}-r{round}");
                    await OneRoundAsync(client, t.Tenant, runId, round, options, report, cancellationToken).ConfigureAwait(false);
                    sealedRuns[t.Tenant] = runId;

                    // Another tenant's run, with this tenant's key: it must not exist here (404), never be served.
                    var other = tenants[(i + 1) % tenants.Count].Tenant;
                    if (other != t.Tenant && sealedRuns.TryGetValue(other, out var theirs))
                    {
                        using var response = await client.GetAsync($"/v1/tenants/{other}/runs/{theirs}/payloads", cancellationToken).ConfigureAwait(false);
                        if (response.StatusCode != HttpStatusCode.NotFound)
                        {
                            report.Foreign($"{t.Tenant} read /v1/tenants/{other}/runs/{theirs}/payloads: {(int)response.StatusCode}");
                        }
                    }
                }
            },
            cancellationToken))).ConfigureAwait(false);
        return report;
    }

    private static async Task OneRoundAsync(HttpClient client, string tenant, string runId, int round, LoadOptions options, LoadReport report, CancellationToken cancellationToken)
    {
        if (!await SendAsync(report, "PUT /contracts/{name}", () => client.PutAsync($"/v1/tenants/{tenant}/contracts/load.json", new ByteArrayContent(Contract(tenant)), cancellationToken)).ConfigureAwait(false))
        {
            return;
        }

        var body = new { contract = "load.json", runId, countPerTarget = options.CountPerTarget, shardSize = options.ShardSize, variants = Typical, seed = round.ToString(CultureInfo.InvariantCulture) };
        if (!await SendAsync(report, "POST /runs", () => client.PostAsJsonAsync($"/v1/tenants/{tenant}/runs", body, cancellationToken)).ConfigureAwait(false))
        {
            return;
        }

        // Poll until sealed, listing runs and contracts meanwhile (the list endpoints under load).
        for (var poll = 0; ; poll++)
        {
            await SendAsync(report, ListRuns, () => client.GetAsync($"/v1/tenants/{tenant}/runs", cancellationToken)).ConfigureAwait(false);
            await SendAsync(report, ListContracts, () => client.GetAsync($"/v1/tenants/{tenant}/contracts", cancellationToken)).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            using var status = await client.GetAsync($"/v1/tenants/{tenant}/runs/{runId}", cancellationToken).ConfigureAwait(false);
            report.Latency("GET /runs/{id}", clock.Elapsed);
            if (!status.IsSuccessStatusCode)
            {
                report.Error($"{tenant} GET /runs/{runId}: {(int)status.StatusCode}");
                return;
            }

            using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var state = json.RootElement.GetProperty("run").GetProperty("status").GetString();
            if (state == "Completed")
            {
                break;
            }

            if (state == "Failed" || poll > 3000)
            {
                report.Error($"{tenant} run {runId}: {state} after {poll} polls");
                return;
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        var pull = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/v1/tenants/{tenant}/runs/{runId}/payloads", HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            report.Error($"{tenant} pull {runId}: {(int)response.StatusCode}");
            return;
        }

        long records = 0;
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                records++;
                using var record = JsonDocument.Parse(line);
                var meta = record.RootElement.GetProperty("meta");
                var owner = meta.GetProperty("tenant").GetString();
                var run = meta.GetProperty("testRunId").GetString();
                var inPayload = record.RootElement.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("tenant_id", out var tid) ? tid.GetString() : tenant;
                if (owner != tenant || run != runId || inPayload != tenant)
                {
                    report.Foreign($"{tenant} pulled {runId} and got a record of tenant {owner} (payload tenant_id {inPayload}), run {run}");
                }
            }
        }

        report.Latency(Pull, pull.Elapsed);
        var expected = 2L * options.CountPerTarget;
        if (records != expected)
        {
            report.Error($"{tenant} pull {runId}: {records} records, expected {expected}");
        }

        report.Pulled(records);
    }

    private static async Task<bool> SendAsync(LoadReport report, string endpoint, Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        using var response = await send().ConfigureAwait(false);
        _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        report.Latency(endpoint, clock.Elapsed);
        if (!response.IsSuccessStatusCode)
        {
            report.Error($"{endpoint} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode}");
            return false;
        }

        return true;
    }
}
