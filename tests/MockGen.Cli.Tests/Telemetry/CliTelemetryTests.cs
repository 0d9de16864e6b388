using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MockGen.Cli.Tests.Telemetry;

/// <summary>
/// Issue 11: real <c>mockgen</c> processes export over OTLP/HTTP to a loopback receiver when the standard variables
/// say so, <c>serve --log-format json</c> writes JSON lines that carry the run's trace id, and a malformed variable is
/// bad input. Each test sets the variables on its child process only.
/// </summary>
public sealed class CliTelemetryTests
{
    private const string Contract = """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer","minimum":1},"name":{"type":"string","minLength":1,"maxLength":20}}}}}}""";

    [Fact]
    public async Task Generate_OtlpEndpointSet_ExportsTheCommandsTraceAndMetrics()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var output = Path.Combine(Directory.CreateTempSubdirectory("mockgen-otlp-").FullName, "out.ndjson");

        var (exit, _, stderr) = await RunAsync(Otlp(receiver), "generate", Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"), "--count", "3", "--out", output);

        Assert.True(exit == 0, stderr);
        // The providers flush on exit: everything has arrived by the time the process is gone.
        // Spans leave in batches (a child may go before its parent), so each is looked for on its own.
        Assert.True(receiver.Received("/v1/traces", Utf8("mockgen.cli"), Utf8("mockgen-cli")));
        Assert.True(receiver.Received("/v1/traces", Utf8("mockgen.generate")));
        Assert.True(receiver.Received("/v1/metrics", Utf8("mockgen.payloads.generated"), Utf8("mockgen.payloads.bytes")));
        Assert.Equal(File.ReadAllLines(output).Length, File.ReadAllLines(output).Count(l => l.Contains("\"payload\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Generate_NoOtlpVariables_ExportsNothingAndWritesTheSameBytes()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var folder = Directory.CreateTempSubdirectory("mockgen-otlp-").FullName;
        var sample = Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

        var (plain, _, _) = await RunAsync([], "generate", sample, "--count", "3", "--variant", "all", "--out", Path.Combine(folder, "plain.ndjson"));
        var (traced, _, _) = await RunAsync(Otlp(receiver), "generate", sample, "--count", "3", "--variant", "all", "--out", Path.Combine(folder, "traced.ndjson"));

        Assert.Equal(0, plain);
        Assert.Equal(0, traced);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, "plain.ndjson")), await File.ReadAllBytesAsync(Path.Combine(folder, "traced.ndjson")));
        // Only the traced run exported: one command span (the plain run had no listener at all).
        Assert.Single(receiver.Requests, r => r.Path == "/v1/traces" && r.Body.AsSpan().IndexOf(Utf8("mockgen.cli")) >= 0);
    }

    [Fact]
    public async Task Generate_MalformedOtlpEndpoint_IsBadInputNamingTheVariable()
    {
        var (exit, _, stderr) = await RunAsync(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "collector:4317" }, "inspect", Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"));

        Assert.Equal(2, exit);
        Assert.Equal("error: OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' is not an absolute http(s) URI\n", stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_JsonLogsAndOtlp_TheRunsTraceIdIsInManifestLogAndExport()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var store = Directory.CreateTempSubdirectory("mockgen-serve-otlp-").FullName;
        Directory.CreateDirectory(Path.Combine(store, "contracts", "acme"));
        await File.WriteAllTextAsync(Path.Combine(store, "contracts", "acme", "mockgen.profile.json"), """{"countPerTarget":20,"shardSize":10,"seed":"3"}""");
        await File.WriteAllTextAsync(Path.Combine(store, "contracts", "acme", "pets.json"), Contract);
        var stdout = new ConcurrentLines();
        var stderr = new ConcurrentLines();
        using var serve = Start(Otlp(receiver), stdout, stderr, "serve", "--port", "0", "--store", store, "--api-key", "acme=otlp-test-key", "--poll-interval", "0.2", "--log-format", "json");
        try
        {
            // With JSON logs the banner is on stderr: stdout is JSON lines only.
            var banner = await stderr.WaitAsync(l => l.Contains("listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            var address = banner[(banner.IndexOf("http://", StringComparison.Ordinal))..].Split(' ')[0];
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Add("X-Api-Key", "otlp-test-key");

            var traceId = await SealedTraceIdAsync(client);
            Assert.Matches("^[0-9a-f]{32}$", traceId);

            // The export reaches the collector: the run's span with its trace id (16 raw bytes), and the metrics.
            Assert.True(await receiver.WaitAsync("/v1/traces", TimeSpan.FromSeconds(30), Utf8("mockgen.run"), Convert.FromHexString(traceId)), "no span of trace " + traceId);
            Assert.True(await receiver.WaitAsync("/v1/metrics", TimeSpan.FromSeconds(30), Utf8("mockgen.payloads.generated"), Utf8("mockgen-serve")), "no metrics");

            // Every stdout line is one JSON object; the sealed-run line carries the run's trace id as a scope.
            var sealedLine = await stdout.WaitAsync(l => l.Contains("\"EventId\":2", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            Assert.All(stdout.Snapshot(), l => JsonDocument.Parse(l).Dispose());
            using var log = JsonDocument.Parse(sealedLine);
            Assert.Equal("MockGen.Service.Hosting.RunCoordinator", log.RootElement.GetProperty("Category").GetString());
            Assert.Contains(log.RootElement.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("TraceId", out var t) && t.GetString() == traceId);
            Assert.Equal("acme", log.RootElement.GetProperty("State").GetProperty("Tenant").GetString());
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    private static async Task<string> SealedTraceIdAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, "no sealed run within 90 s");
            var runs = await client.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/runs");
            if (runs.GetArrayLength() > 0 && runs[0].GetProperty("isSealed").GetBoolean())
            {
                var status = await client.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/runs/" + runs[0].GetProperty("spec").GetProperty("runId").GetString());
                return status.GetProperty("manifest").GetProperty("traceId").GetString()!;
            }

            await Task.Delay(100);
        }
    }

    private static Dictionary<string, string> Otlp(OtlpReceiver receiver) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.AbsoluteUri,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<(int Exit, string Out, string Error)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var stdout = new ConcurrentLines();
        var stderr = new ConcurrentLines();
        using var process = Start(environment, stdout, stderr, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        return (process.ExitCode, string.Join("\n", stdout.Snapshot()), string.Concat(stderr.Snapshot().Select(l => l + "\n")));
    }

    private static Process Start(Dictionary<string, string> environment, ConcurrentLines stdout, ConcurrentLines stderr, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mockgen.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only this child sees the variables; an OTEL_* of the machine running the tests must not leak in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private sealed class ConcurrentLines
    {
        private readonly List<string> _lines = [];

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(line);
            }
        }

        public List<string> Snapshot()
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }

        public async Task<string> WaitAsync(Func<string, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                if (Snapshot().FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                Assert.True(DateTime.UtcNow < deadline, "expected line did not appear; got:\n" + string.Join("\n", Snapshot()));
                await Task.Delay(50);
            }
        }
    }
}
