using MockGen.Benchmarks.Load;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;
using Xunit.Abstractions;

namespace MockGen.Fuzz.Tests.Load;

/// <summary>
/// Issue 12, the short CI version of the load and soak run (benchmarks/MockGen.Benchmarks, <c>-- load</c>): 20
/// tenants with their own keys upload, start and pull concurrently against a real <c>serve</c> on 127.0.0.1 for a
/// few seconds, then one client streams a 64 MB run. It asserts the invariants only (no error response, no record
/// of another tenant, every pulled run complete, resident set not growing with the bytes streamed), never timings.
/// </summary>
public sealed class LoadSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_TwentyTenantsConcurrently_NoErrorsNoCrossTenantRecords_FlatMemoryWhileStreaming()
    {
        var folder = Directory.CreateTempSubdirectory("mockgen-load-ci-").FullName;
        try
        {
            var tenants = Enumerable.Range(1, 20).Select(i => (Tenant: $"tenant{i:00}", Key: $"ci-key-{i:00}")).ToList();
            var keys = tenants.ToDictionary(t => t.Tenant, t => t.Key, StringComparer.Ordinal);
            keys["soak"] = "ci-soak-key";
            await using var server = await ServerHarness.StartAsync(PipelineStore.LocalFolder(folder), keys);

            var report = await LoadDriver.RunAsync(key => server.Client(key), tenants, new LoadOptions { Duration = TimeSpan.FromSeconds(4), CountPerTarget = 6, ShardSize = 4 });
            output.WriteLine(report.ToString());
            Assert.Empty(report.Errors);
            Assert.Empty(report.CrossTenant);
            Assert.True(report.Runs >= tenants.Count, $"only {report.Runs} runs were pulled: every tenant must finish a round");
            Assert.Contains(LoadDriver.Pull, report.Endpoints);
            Assert.Contains(LoadDriver.ListRuns, report.Endpoints);

            using var soak = server.Client("ci-soak-key");
            soak.Timeout = TimeSpan.FromMinutes(5);
            var memory = await StreamingMemory.RunAsync(soak, "soak", 64L * 1024 * 1024);
            output.WriteLine(memory.ToString());
            Assert.True(memory.Bytes >= 60L * 1024 * 1024, memory.ToString());
            Assert.Equal(64L * 1024 * 1024 / StreamingMemory.PayloadChars, memory.Records);
            // Holding the dataset would grow the resident set by about what was streamed; streaming keeps it flat.
            Assert.True(memory.GrowthBytes < memory.Bytes / 2, memory.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
