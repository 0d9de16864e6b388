using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service;

[Collection(AzuriteCollection.Name)]
public sealed class ServeEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Serve_ContractBlobUploadedToAzurite_ProducesDatasetServedOverHttp_EveryRecordValid()
    {
        var tenant = TestStores.Unique("e2e");
        var key = tenant + "-key";
        var blobs = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("contracts");
        await blobs.CreateIfNotExistsAsync();
        await blobs.UploadBlobAsync($"{tenant}/mockgen.profile.json", BinaryData.FromString("""{"variants":["typical","minimal"],"countPerTarget":40,"shardSize":15,"seed":"99","environment":"e2e"}"""));

        await using var server = await ServerHarness.StartAsync(PipelineStore.AzureConnectionString(azurite.ConnectionString), new Dictionary<string, string> { [tenant] = key }, watch: true);
        using var client = server.Client(key);

        await blobs.UploadBlobAsync($"{tenant}/pets.json", BinaryData.FromBytes(TestContracts.PetsV1));
        var run = await WaitForRunsAsync(client, tenant, 1);
        var runId = run[0].GetProperty("spec").GetProperty("runId").GetString()!;
        Assert.Equal("99", run[0].GetProperty("spec").GetProperty("seed").GetString());
        var status = await ApiTests.WaitSealedAsync(client, runId, tenant);
        Assert.Equal(160, status.GetProperty("run").GetProperty("payloads").GetInt64());

        var dataset = await client.GetStringAsync($"/v1/tenants/{tenant}/runs/{runId}/payloads");
        var lines = dataset.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(160, lines.Length);
        var validator = server.Pipeline.Engine.Validators.Compile("pets.json", TestContracts.PetsV1);
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            Assert.Equal(tenant, meta.GetProperty("tenant").GetString());
            Assert.Equal(runId, meta.GetProperty("testRunId").GetString());
            Assert.Empty(validator.Validate(meta.GetProperty("target").GetString()!, record.RootElement.GetProperty("payload")));
        }
    }

    [Fact]
    public async Task Serve_ContractUploadedWhileDown_IsPickedUpAfterRestart_AndNothingRunsTwice()
    {
        var tenant = TestStores.Unique("restart");
        var key = tenant + "-key";
        var keys = new Dictionary<string, string> { [tenant] = key };
        var store = PipelineStore.AzureConnectionString(azurite.ConnectionString);
        var blobs = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("contracts");
        await blobs.CreateIfNotExistsAsync();

        await using (var first = await ServerHarness.StartAsync(store, keys, watch: true))
        {
            using var client = first.Client(key);
            await blobs.UploadBlobAsync($"{tenant}/a.json", BinaryData.FromBytes(TestContracts.PetsV1));
            var runs = await WaitForRunsAsync(client, tenant, 1);
            await ApiTests.WaitSealedAsync(client, runs[0].GetProperty("spec").GetProperty("runId").GetString()!, tenant);
        }

        await blobs.UploadBlobAsync($"{tenant}/b.json", BinaryData.FromBytes(TestContracts.PetsV2));

        await using var second = await ServerHarness.StartAsync(store, keys, watch: true);
        using var again = second.Client(key);
        var after = await WaitForRunsAsync(again, tenant, 2);
        foreach (var run in after)
        {
            await ApiTests.WaitSealedAsync(again, run.GetProperty("spec").GetProperty("runId").GetString()!, tenant);
        }

        await Task.Delay(600); // three more polls: nothing new may start
        var final = await again.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/runs");
        Assert.Equal(2, final.GetArrayLength());
        Assert.Equal(new[] { "a.json", "b.json" }, final.EnumerateArray().Select(r => r.GetProperty("spec").GetProperty("contractName").GetString()).Order(StringComparer.Ordinal));
    }

    private static async Task<List<JsonElement>> WaitForRunsAsync(HttpClient client, string tenant, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/runs");
            if (runs.GetArrayLength() >= count)
            {
                return runs.EnumerateArray().ToList();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{count} run(s) did not appear in 60 s");
            await Task.Delay(100);
        }
    }
}
