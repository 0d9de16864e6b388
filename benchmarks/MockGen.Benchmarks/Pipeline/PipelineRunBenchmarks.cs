using System.Globalization;
using BenchmarkDotNet.Attributes;
using MockGen.Storage;
using MockGen.Storage.Engine;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Benchmarks.Pipeline;

/// <summary>
/// From contract upload to all shards written: register the payments sample contract, then run it (23 targets x
/// <see cref="CountPerTarget"/> typical payloads, one shard per target) through the local orchestration runner.
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

    [Params(PipelineStoreKind.LocalFolder, PipelineStoreKind.Azurite)]
    public PipelineStoreKind Store { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "samples", "payments-api.yaml")))
        {
            root = root.Parent;
        }

        _contract = File.ReadAllBytes(Path.Combine(root!.FullName, "samples", "payments-api.yaml"));
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
            $"// {Store}: {_runs} runs, {_payloads / (double)Math.Max(1, _runs):F0} payloads/run, {_bytes / (double)Math.Max(1, _runs) / 1e6:F2} MB/run, {transactions} table transactions = {transactions * 10_000.0 / Math.Max(1, _payloads):F1} per 10,000 payloads"));
        _azurite?.Dispose();
    }
}
