using System.Net;
using System.Text;
using System.Text.Json;
using MockGen.Cli;
using MockGen.Storage.Tests.Support;

namespace MockGen.Cli.Tests.Commands;

/// <summary><c>mockgen serve</c> over a local folder store that becomes read-only (issue 12): 503 naming the reason, reads go on.</summary>
public sealed partial class ServeCommandTests
{
    private const string PetsContract = """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","properties":{"id":{"type":"integer"}}}}}}""";

    [MountFact]
    public async Task Serve_StoreTurnsReadOnly_UploadIs503NamingTheReason_StoredContractStillServed()
    {
        using var disk = TmpfsMount.Create(sizeKilobytes: 2048);
        var store = Path.Combine(disk.Path, "store");
        var output = new SynchronizedWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serve = Program.RunAsync(
            ["serve", "--port", "0", "--store", store, "--api-key", "acme=cli-test-key", "--no-watch"],
            new CliConsole(output, TextWriter.Synchronized(error), () => Stream.Null),
            stop.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = await WaitForAddressAsync(output, serve) };
            client.DefaultRequestHeaders.Add("X-Api-Key", "cli-test-key");
            var first = await client.PutAsync("/v1/tenants/acme/contracts/pets.json", new StringContent(PetsContract, Encoding.UTF8, "application/json"));
            Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
            var listed = await client.GetStringAsync("/v1/tenants/acme/contracts/pets.json");

            disk.RemountReadOnly();
            try
            {
                var refused = await client.PutAsync("/v1/tenants/acme/contracts/pets.json", new StringContent(PetsContract.Replace("\"1\"", "\"2\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
                var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Contains("the store folder " + store + " refused the write: the file system is read-only; what it held before is unchanged", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.Equal(listed, await client.GetStringAsync("/v1/tenants/acme/contracts/pets.json"));
            }
            finally
            {
                disk.RemountReadWrite();
            }
        }
        finally
        {
            await stop.CancelAsync();
            await serve;
        }
    }
}
