using System.Globalization;
using MockGen.Storage.Stores;
using MockGen.Storage.Tests.Support;

namespace MockGen.Benchmarks.Load;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/MockGen.Benchmarks -- load [--seconds 60] [--tenants 20] [--stream-mb 1024]</c>:
/// the load and soak run of issue 12 against a real <c>serve</c> on 127.0.0.1 (local-folder store in a temp folder).
/// Prints the load report and the streaming memory; exit 1 when a request failed, a record crossed tenants, or the
/// resident set grew by more than a quarter of what was streamed. Latencies are absolute here and noisy on a shared
/// machine: compare them only within one run.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 60);
        var tenants = Option(args, "--tenants", 20);
        var streamMb = Option(args, "--stream-mb", 1024);
        var folder = Directory.CreateTempSubdirectory("mockgen-load-").FullName;
        try
        {
            var keys = Enumerable.Range(1, tenants).Select(i => (Tenant: $"tenant{i:00}", Key: $"key-{i:00}-{i * 7919:x}")).ToList();
            var all = keys.ToDictionary(k => k.Tenant, k => k.Key, StringComparer.Ordinal);
            all["soak"] = "soak-key";
            await using var server = await ServerHarness.StartAsync(PipelineStore.LocalFolder(folder), all);
            Console.WriteLine($"serve on {server.BaseAddress}: {tenants} tenants for {seconds} s");
            var report = await LoadDriver.RunAsync(key => server.Client(key), keys, new LoadOptions { Tenants = tenants, Duration = TimeSpan.FromSeconds(seconds) });
            Console.Write(report);

            using var soak = server.Client("soak-key");
            soak.Timeout = TimeSpan.FromHours(1);
            var memory = await StreamingMemory.RunAsync(soak, "soak", streamMb * 1024L * 1024);
            Console.WriteLine(memory);
            var flat = memory.GrowthBytes < memory.Bytes / 4;
            Console.WriteLine(flat ? "RSS flat: growth under a quarter of the bytes streamed" : "RSS NOT flat");
            return report.Errors.Count == 0 && report.CrossTenant.Count == 0 && flat ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
