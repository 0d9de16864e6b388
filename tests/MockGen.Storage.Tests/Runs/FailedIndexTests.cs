using System.Text;
using System.Text.Json;
using MockGen.Storage.Drift;
using MockGen.Storage.Lineage;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Runs;

/// <summary>Issue 9: a shard never throws away its good payloads because one index failed.</summary>
public sealed class FailedIndexTests
{
    // "Rare" has one valid value in a hundred, which the walker meets rarely enough that about a quarter of the
    // indexes exhaust their attempts (seed 7, ci): those fail, the rest are generated.
    private static readonly byte[] Contract = Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"c","version":"1"},"paths":{},
         "components":{"schemas":{"Ok":{"type":"boolean"},"Rare":{"type":"integer","minimum":0,"maximum":99,"not":{"maximum":98}}}}}
        """);

    private static readonly TenantProfile Profile = new() { Variants = ["typical"], CountPerTarget = 40, ShardSize = 10, Seed = "7", Environment = "ci" };

    [Fact]
    public async Task Run_SomeIndexesFail_ShardsKeepTheirPayloadsAndRecordTheFailures()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var version = await h.Registry.RegisterAsync("acme", "c.json", Contract);
        var spec = RunSpec.FromProfile("acme", "c.json", version.Version, Profile);

        var outcome = await h.Runner.RunAsync(spec);

        Assert.Equal(RunStatus.CompletedWithErrors, outcome.Status);
        var lineage = await RunPipelineTests.ToListAsync(new LineageIndex(h.Store.Tables).ListAsync("acme", spec.RunId));
        var rare = lineage.Where(s => s.TargetId.EndsWith("/Rare", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rare.Count);
        Assert.All(rare, s => Assert.Equal(10, s.Lines));
        var failed = rare.Sum(s => s.Failed);
        Assert.InRange(failed, 1, 39);
        Assert.Equal(80 - failed, outcome.Payloads);
        Assert.Contains(outcome.Failures, f => f.Contains("/Rare", StringComparison.Ordinal) && f.Contains("gave up after 20 attempts at #", StringComparison.Ordinal) && f.Contains("(index ", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Failures, f => f.Contains("unsatisfiable", StringComparison.Ordinal));

        // The manifest records each shard's failed indexes.
        using var manifest = JsonDocument.Parse(await RunPipelineTests.ReadAllAsync(h.Store.Blobs, outcome.ManifestPath));
        Assert.Equal(failed, manifest.RootElement.GetProperty("shards").EnumerateArray().Sum(s => s.TryGetProperty("failed", out var n) ? n.GetInt32() : 0));

        // The dataset holds one line per index: payloads, and error records in place of the failed ones.
        var reader = new DatasetReader(h.Activities, new LineageIndex(h.Store.Tables));
        using var output = new MemoryStream();
        var written = await reader.CopyAsync("acme", spec.RunId, new DatasetFilter(rare[0].TargetId), output);
        Assert.Equal(40, written);
        var records = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), records.Select(r => r.GetProperty("meta").GetProperty("index").GetInt64()));
        Assert.Equal(failed, records.Count(r => r.GetProperty("meta").TryGetProperty("error", out _) && !r.TryGetProperty("payload", out _)));
        Assert.All(records.Where(r => r.TryGetProperty("payload", out _)), r => Assert.Equal("99", r.GetProperty("payload").GetRawText()));

        // A payload id of a failed index resolves to its error record; of a good one, to its payload.
        var failedIndex = records.First(r => r.GetProperty("meta").TryGetProperty("error", out _)).GetProperty("meta").GetProperty("index").GetInt64();
        var ordinal = rare[0].TargetOrdinal;
        var found = await reader.FindAsync("acme", PayloadId.TryParse($"{spec.RunId}~{ordinal}~typical~{failedIndex}")!);
        Assert.Contains("\"error\"", found!.Value.Record, StringComparison.Ordinal);

        // Validating the shards (drift) skips error records and judges every payload.
        foreach (var shard in rare)
        {
            var drift = await h.Activities.ValidateShardAsync(new ValidateShardRequest("acme", "c.json", version.Version, new ShardRef(shard.ShardKey, shard.BlobPath, shard.TargetId, shard.Variant, shard.Count, shard.Gzip)));
            Assert.Equal(shard.Count, drift.Payloads);
            Assert.Equal(0, drift.Failing);
        }

        // Resuming reuses every shard and rewrites the identical manifest.
        var again = await h.Runner.RunAsync(spec);
        Assert.Equal(outcome.ManifestSha256, again.ManifestSha256);
        Assert.Equal(RunStatus.CompletedWithErrors, again.Status);
    }

    [Fact]
    public async Task Run_OneComponentDoesNotCompile_TheOthersAreGeneratedAndItsShardsFailNamingIt()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var contract = Encoding.UTF8.GetBytes("""
            {"openapi":"3.1.0","info":{"title":"c","version":"1"},"paths":{},
             "components":{"schemas":{"Ok":{"type":"boolean"},"Broken":{"$ref":"#/components/schemas/Missing"}}}}
            """);

        var version = await h.Registry.RegisterAsync("acme", "c.json", contract);

        Assert.Equal(ContractStatus.Ready, version.Status);
        Assert.Contains(version.Diagnostics, d => d.Contains("#/components/schemas/Missing", StringComparison.Ordinal));
        var outcome = await h.Runner.RunAsync(RunSpec.FromProfile("acme", "c.json", version.Version, Profile));
        Assert.Equal(RunStatus.CompletedWithErrors, outcome.Status);
        Assert.Equal(40, outcome.Payloads);
        Assert.Equal(4, outcome.Failures.Count);
        Assert.All(outcome.Failures, f => Assert.Contains("invalid at #/components/schemas/Broken", f, StringComparison.Ordinal));
    }
}
