using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Cli;

namespace MockGen.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_LocalFolderStore_ContractDroppedIntoContracts_IsGeneratedAndServed()
    {
        var store = Directory.CreateTempSubdirectory("mockgen-serve-").FullName;
        var output = new SynchronizedWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serve = Program.RunAsync(
            ["serve", "--port", "0", "--store", store, "--api-key", "acme=cli-test-key", "--poll-interval", "0.2"],
            new CliConsole(output, TextWriter.Synchronized(error), () => Stream.Null),
            stop.Token);

        var baseAddress = await WaitForAddressAsync(output, serve);
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", "cli-test-key");

        Directory.CreateDirectory(Path.Combine(store, "contracts", "acme"));
        await File.WriteAllTextAsync(Path.Combine(store, "contracts", "acme", "mockgen.profile.json"), """{"countPerTarget":12,"shardSize":5}""");
        await File.WriteAllTextAsync(
            Path.Combine(store, "contracts", "acme", "pets.json"),
            """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer","minimum":1},"name":{"type":"string","minLength":1}}}}}}""");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? runId = null;
        while (runId is null)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/runs");
            if (runs.GetArrayLength() > 0 && runs[0].GetProperty("isSealed").GetBoolean())
            {
                runId = runs[0].GetProperty("spec").GetProperty("runId").GetString();
            }

            Assert.True(DateTime.UtcNow < deadline, "no sealed run within 60 s: " + error);
            await Task.Delay(100);
        }

        var lines = (await client.GetStringAsync($"/v1/tenants/acme/runs/{runId}/payloads")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.GetProperty("payload").GetProperty("id").GetInt64() >= 1));

        // The pulled dataset passes `mockgen validate` against the uploaded contract.
        var dataset = Path.Combine(store, "pulled.ndjson");
        await File.WriteAllLinesAsync(dataset, lines);
        using var validateOut = new StringWriter();
        using var validateError = new StringWriter();
        var validated = await Program.RunAsync(["validate", Path.Combine(store, "contracts", "acme", "pets.json"), dataset], new CliConsole(validateOut, validateError, () => Stream.Null), CancellationToken.None);
        Assert.True(validated == 0, validateOut + "\n" + validateError);

        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient { BaseAddress = baseAddress }.GetAsync("/v1/tenants/acme/runs")).StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await serve);
    }

    private static async Task<Uri> WaitForAddressAsync(SynchronizedWriter output, Task<int> serve)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var match = ListeningOn().Match(output.ToString());
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            Assert.False(serve.IsCompleted, "serve exited early: " + output);
            Assert.True(DateTime.UtcNow < deadline, "serve did not start in 30 s");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningOn();

    private sealed class SynchronizedWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }

            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }
    }
}
