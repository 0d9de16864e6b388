using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MockGen.Cli.Tests.Pull;

/// <summary>
/// A real <c>mockgen serve</c> (Kestrel on 127.0.0.1, local folder store) with tenant acme, the sample payments contract
/// uploaded through the API and one sealed run of it: what <c>mockgen pull</c> and the pipeline template pull from.
/// </summary>
public sealed partial class ServeFixture : IAsyncLifetime
{
    public const string ApiKey = "pull-test-key";

    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _output = new();
    private Task<int>? _serve;

    public Uri Address { get; private set; } = null!;

    public string RunId { get; private set; } = null!;

    public string ContractVersion { get; private set; } = null!;

    public string Store { get; } = Directory.CreateTempSubdirectory("mockgen-pull-serve-").FullName;

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Store, "contracts", "acme"));
        await File.WriteAllTextAsync(Path.Combine(Store, "contracts", "acme", "mockgen.profile.json"), """{"countPerTarget": 20, "shardSize": 10, "variants": ["typical", "negative"]}""");
        var writer = new LockedWriter(_output);
        _serve = Program.RunAsync(
            ["serve", "--port", "0", "--store", Store, "--api-key", "acme=" + ApiKey, "--poll-interval", "0.2"],
            new CliConsole(writer, writer, () => Stream.Null),
            _stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var match = ListeningOn().Match(writer.Text);
            if (match.Success)
            {
                Address = new Uri(match.Groups[1].Value);
                break;
            }

            if (_serve.IsCompleted || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("serve did not start: " + writer.Text);
            }

            await Task.Delay(50);
        }

        using var client = CreateClient();
        using var upload = await client.PutAsync("/v1/tenants/acme/contracts/payments-api.yaml", new ByteArrayContent(await File.ReadAllBytesAsync(SamplePath)));
        upload.EnsureSuccessStatusCode();
        ContractVersion = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        while (true)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/runs");
            var sealedRun = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("isSealed").GetBoolean());
            if (sealedRun.ValueKind == JsonValueKind.Object)
            {
                RunId = sealedRun.GetProperty("spec").GetProperty("runId").GetString()!;
                return;
            }

            if (DateTime.UtcNow > deadline.AddSeconds(60))
            {
                throw new InvalidOperationException("no sealed run within two minutes: " + writer.Text);
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_serve is not null)
        {
            await _serve;
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningOn();

    private sealed class LockedWriter(StringBuilder text) : TextWriter
    {
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                text.Append(value);
            }
        }
    }
}
