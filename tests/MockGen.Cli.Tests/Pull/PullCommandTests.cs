using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Pull;

/// <summary><c>mockgen pull</c> against a real serve (issue 10, consuming datasets from CI).</summary>
[Collection(PullCollection.Name)]
public sealed partial class PullCommandTests(ServeFixture serve)
{
    static PullCommandTests()
    {
        // pull reads its key from the environment, as CI passes it; every test of this collection uses the same key.
        Environment.SetEnvironmentVariable("MOCKGEN_API_KEY", ServeFixture.ApiKey);
    }

    [Fact]
    public async Task Pull_RunIntoFile_IsTheRunsDatasetVerified_AndASecondPullTransfersNothing()
    {
        using var folder = new TempFolder();
        var dataset = Path.Combine(folder.Path, "ds.ndjson");
        var contract = Path.Combine(folder.Path, "api.yaml");

        var first = await Pull(serve.Address, "--run", serve.RunId, "--out", dataset, "--contract-out", contract);

        Assert.True(first.ExitCode == 0, first.ToString());
        using var client = serve.CreateClient();
        var streamed = await client.GetByteArrayAsync($"/v1/tenants/acme/runs/{serve.RunId}/payloads");
        Assert.Equal(Sha(streamed), Sha(await File.ReadAllBytesAsync(dataset)));
        Assert.Equal(await File.ReadAllBytesAsync(ServeFixture.SamplePath), await File.ReadAllBytesAsync(contract));
        Assert.Matches(@"\d+ downloaded \(0 resumed\), 0 already verified", first.Error);

        // What pull wrote is what validate accepts: the CI gate (negative records fail exactly as labelled).
        var validate = await CliRun.RunAsync(["validate", contract, dataset]);
        Assert.True(validate.ExitCode == 0, validate.ToString());

        // Unchanged run: the manifest and the contract answer 304, no shard is asked for, no body byte crosses.
        await using var proxy = new CuttingProxy(serve.Address);
        var second = await Pull(proxy.Address, "--run", serve.RunId, "--out", dataset, "--contract-out", contract);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(second.Error.Contains("0 downloaded (0 resumed)", StringComparison.Ordinal), second.ToString());
        Assert.True(second.Error.Contains("2 requests, 0 body bytes", StringComparison.Ordinal), second.ToString());
        Assert.InRange(proxy.BytesToClient, 1, 2048);
        Assert.Equal(Sha(streamed), Sha(await File.ReadAllBytesAsync(dataset)));
    }

    [Fact]
    public async Task Pull_ConnectionsCutMidDownload_ResumeWithRange_AndGiveTheSameBytes()
    {
        using var folder = new TempFolder();
        var direct = Path.Combine(folder.Path, "direct.ndjson");
        Assert.Equal(0, (await Pull(serve.Address, "--run", serve.RunId, "--out", direct)).ExitCode);
        var manifestBytes = ManifestResponseBytes();

        // The first three connections are cut a few KB into the shards (past the manifest's response).
        await using var proxy = new CuttingProxy(serve.Address, cutAfter: manifestBytes + 3000, cutConnections: 3);
        var cut = Path.Combine(folder.Path, "cut.ndjson");
        var pulled = await Pull(proxy.Address, "--run", serve.RunId, "--out", cut);

        Assert.True(pulled.ExitCode == 0, pulled.ToString());
        Assert.Equal(3, proxy.Cuts);
        Assert.Matches(@"downloaded \([1-9]\d* resumed\)", pulled.Error);
        Assert.Equal(await File.ReadAllBytesAsync(direct), await File.ReadAllBytesAsync(cut));

        // Resumed, not restarted: what crossed the proxy is the dataset once plus headers, not three extra copies.
        Assert.InRange(proxy.BytesToClient, new FileInfo(direct).Length, new FileInfo(direct).Length + manifestBytes + 64 * 1024);
    }

    [Fact]
    public async Task Pull_CutOnEveryAttempt_ExitsOneKeepingWhatArrived_AndTheNextPullResumesIt()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "shards");
        // After the first connection (the manifest and a little), each connection brings 2,000 bytes: not enough for a shard in two attempts.
        await using (var proxy = new CuttingProxy(serve.Address, cutAfter: ManifestResponseBytes() + 3000, cutLaterAfter: 2000))
        {
            var failed = await Pull(proxy.Address, "--run", serve.RunId, "--out", output, "--attempts", "2");
            Assert.True(failed.ExitCode == 1, failed.ToString());
            Assert.True(failed.Error.Contains("gave up after 2 attempts", StringComparison.Ordinal), failed.ToString());
            Assert.True(failed.Error.Contains("run pull again to resume", StringComparison.Ordinal), failed.ToString());
        }

        var parts = Directory.GetFiles(Path.Combine(output, "shards"), "*.part");
        Assert.Single(parts);
        Assert.True(new FileInfo(parts[0]).Length > 0);

        var resumed = await Pull(serve.Address, "--run", serve.RunId, "--out", output);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Matches(@"\(1 resumed\)", resumed.Error);
        Assert.Empty(Directory.GetFiles(Path.Combine(output, "shards"), "*.part"));

        // Every shard on disk hashes to its manifest entry.
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "manifest.json")));
        foreach (var shard in manifest.RootElement.GetProperty("shards").EnumerateArray())
        {
            var file = Path.Combine(output, "shards", shard.GetProperty("key").GetString() + ".ndjson");
            Assert.Equal(shard.GetProperty("sha256").GetString(), Sha(await File.ReadAllBytesAsync(file)));
        }
    }

    [Fact]
    public async Task Pull_LatestRunOfAContract_WithTargetAndVariantFilters()
    {
        using var folder = new TempFolder();
        var dataset = Path.Combine(folder.Path, "customers.ndjson");

        var run = await Pull(serve.Address, "--contract", "payments-api.yaml", "--version", serve.ContractVersion, "--latest",
            "--target", "#/components/schemas/Customer", "--variant", "typical", "--out", dataset);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("pulled run " + serve.RunId, run.Error, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(dataset);
        Assert.Equal(20, lines.Length);
        Assert.All(lines, l =>
        {
            var meta = JsonDocument.Parse(l).RootElement.GetProperty("meta");
            Assert.Equal("#/components/schemas/Customer", meta.GetProperty("target").GetString());
            Assert.Equal("typical", meta.GetProperty("variant").GetString());
        });
    }

    [Theory]
    [InlineData("no-such-run", "not found")]
    [InlineData("../../etc", "not found")]
    public async Task Pull_UnknownRun_IsBadInput(string runId, string message)
    {
        using var folder = new TempFolder();
        var run = await Pull(serve.Address, "--run", runId, "--out", Path.Combine(folder.Path, "x.ndjson"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_BadArguments_ListEveryProblemAndExitTwo()
    {
        var run = await CliRun.RunAsync(["pull", "--server", "ftp://x", "--tenant", "acme", "--out", "x.ndjson", "--contract", "a.yaml", "--attempts", "0"]);

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.Error.Contains("error: --server: 'ftp://x' is not an absolute http(s) URL", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Error.Contains("error: --contract: add --latest", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Error.Contains("error: --attempts: must be at least 1", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task Pull_RunNotFinishedAndAnotherTenant_AreReportedWithoutLeaking()
    {
        using var folder = new TempFolder();
        var other = await CliRun.RunAsync(["pull", "--server", serve.Address.ToString(), "--tenant", "globex", "--run", serve.RunId, "--out", Path.Combine(folder.Path, "x.ndjson")]);

        // A key for acme asking for globex gets the same answer as a missing tenant (404, exit 2), never acme's data.
        Assert.Equal(2, other.ExitCode);
        Assert.False(File.Exists(Path.Combine(folder.Path, "x.ndjson")));
    }

    private static Task<CliRun> Pull(Uri server, params string[] args) =>
        CliRun.RunAsync(["pull", "--server", server.ToString(), "--tenant", "acme", .. args]);

    private long ManifestResponseBytes()
    {
        using var client = serve.CreateClient();
        return client.GetByteArrayAsync($"/v1/tenants/acme/runs/{serve.RunId}/manifest").GetAwaiter().GetResult().Length + 1024;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

[CollectionDefinition(Name)]
public sealed class PullCollection : ICollectionFixture<ServeFixture>
{
    public const string Name = "pull against serve";
}
