using System.Globalization;
using BenchmarkDotNet.Attributes;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Benchmarks.Pipeline;

/// <summary>
/// From contract upload to all shards written: register a contract, then run it (every target x
/// <see cref="CountPerTarget"/> typical payloads, one shard per target) through the local orchestration runner.
/// <c>Payments</c> is the repository's sample (23 targets, generation-bound); <c>Flat</c> is a small contract of
/// flat records, where the pipeline's own storage cost shows.
/// Time is per run; payloads and bytes per run and Table transactions are printed at cleanup (payloads/s = payloads
/// per run / mean). Targets the generator cannot satisfy yet (patterns, until pattern generation lands) write nothing.
/// </summary>
[MemoryDiagnoser]
public class PipelineRunBenchmarks
{
    private const int CountPerTarget = 200;

    private AzuriteProcess? _azurite;
    private MockGenPipeline _pipeline = null!;
    private byte[] _contract = null!;
    private int _invocation;
    private long _bytes;
    private long _payloads;
    private long _transactionsBefore;
    private long _runs;

    private const string Flat = """
        {"openapi":"3.1.0","info":{"title":"flat","version":"1"},"paths":{},"components":{"schemas":{
          "Order":{"type":"object","required":["id","total","paid"],"properties":{"id":{"type":"integer","minimum":1},"total":{"type":"number","minimum":0,"maximum":10000},"paid":{"type":"boolean"},"note":{"type":"string","maxLength":40}}},
          "Item":{"type":"object","required":["sku","quantity"],"properties":{"sku":{"type":"string","minLength":3,"maxLength":12},"quantity":{"type":"integer","minimum":1,"maximum":99}}},
          "Status":{"type":"string","enum":["open","paid","shipped","cancelled"]}}}}
        """;

    [Params(PipelineStoreKind.LocalFolder, PipelineStoreKind.Azurite)]
    public PipelineStoreKind Store { get; set; }

    [Params("Payments", "Flat")]
    public string Contract { get; set; } = "Flat";

    [GlobalSetup]
    public void Setup()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "samples", "payments-api.yaml")))
        {
            root = root.Parent;
        }

        _contract = Contract == "Flat" ? System.Text.Encoding.UTF8.GetBytes(Flat) : File.ReadAllBytes(Path.Combine(root!.FullName, "samples", "payments-api.yaml"));
        PipelineStore store;
        if (Store == PipelineStoreKind.Azurite)
        {
            _azurite = AzuriteProcess.Start();
            store = PipelineStore.AzureConnectionString(_azurite.ConnectionString);
        }
        else
        {
            store = PipelineStore.LocalFolder(Directory.CreateTempSubdirectory("mockgen-bench-store-").FullName);
        }

        _pipeline = new MockGenPipeline(store, CoreEngine.Create(TimeProvider.System), TimeProvider.System);
        _transactionsBefore = store.Tables.TransactionCount;
    }

    [Benchmark]
    public async Task<long> UploadToAllShardsWritten()
    {
        // A fresh tenant per invocation: every run generates and writes everything (nothing is reused).
        var tenant = "bench" + Interlocked.Increment(ref _invocation).ToString(CultureInfo.InvariantCulture);
        await _pipeline.Store.Blobs.WriteAsync($"contracts/{tenant}/payments-api.yaml", new MemoryStream(_contract));
        var version = await _pipeline.Registry.RegisterAsync(tenant, "payments-api.yaml", _contract);
        var profile = new TenantProfile { CountPerTarget = CountPerTarget, ShardSize = CountPerTarget, Seed = "1" };
        var outcome = await _pipeline.Runner.RunAsync(RunSpec.FromProfile(tenant, "payments-api.yaml", version.Version, profile, maxParallelShards: 2));
        _bytes += outcome.Bytes;
        _payloads += outcome.Payloads;
        _runs++;
        return outcome.Payloads;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var transactions = _pipeline.Store.Tables.TransactionCount - _transactionsBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {Store} {Contract}: {_runs} runs, {_payloads / (double)Math.Max(1, _runs):F0} payloads/run, {_bytes / (double)Math.Max(1, _runs) / 1e6:F2} MB/run, {transactions} table transactions = {transactions * 10_000.0 / Math.Max(1, _payloads):F1} per 10,000 payloads"));
        _azurite?.Dispose();
    }
}
