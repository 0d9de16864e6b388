using System.Text;
using System.Text.Json;
using MockGen.Storage.Lineage;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Runs;

/// <summary>A tenant profile's <c>realism</c> (issue 10) reaches every shard of its runs and is recorded in the manifest.</summary>
public sealed class RunRealismTests
{
    private static readonly byte[] People = Encoding.UTF8.GetBytes("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["name", "email"],
         "additionalProperties": false, "properties": {"name": {"type": "string"}, "email": {"type": "string", "format": "email"}}}
        """);

    [Fact]
    public async Task Run_LifelikeProfile_GivesEverydayDomains_DefaultGivesReservedOnes()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var version = await h.Registry.RegisterAsync("acme", "people.json", People);
        var baseline = new TenantProfile { CountPerTarget = 40, ShardSize = 20 };
        var synthetic = RunSpec.FromProfile("acme", "people.json", version.Version, baseline);
        var lifelike = RunSpec.FromProfile("acme", "people.json", version.Version, baseline with { Realism = "lifelike" });

        Assert.NotEqual(synthetic.RunId, lifelike.RunId);
        var syntheticDomains = await DomainsAsync(h, synthetic);
        var lifelikeDomains = await DomainsAsync(h, lifelike);

        Assert.All(syntheticDomains, d => Assert.Matches(@"^example\.(com|org|net)$", d));
        Assert.Contains(lifelikeDomains, d => !d.StartsWith("example.", StringComparison.Ordinal));
    }

    [Fact]
    public void FromProfile_NoRealism_KeepsTheRunIdItHadBeforeRealismExisted()
    {
        // Run ids derive from the spec's fingerprint; a profile that never mentions realism must not move them.
        var spec = RunSpec.FromProfile("acme", "pets.json", "sha256:" + new string('a', 64), new TenantProfile());
        Assert.Equal(spec.RunId, RunSpec.FromProfile("acme", "pets.json", "sha256:" + new string('a', 64), new TenantProfile { Realism = null }).RunId);
        Assert.Equal("r" + ContentHashOf("""["acme","pets.json","sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",["typical"],100,"1","dev",null,1000,false]""")[..24], spec.RunId);
    }

    [Fact]
    public void Parse_UnknownRealism_IsAnInvalidProfileNamingTheField()
    {
        var e = Assert.Throws<MockGenStorageException>(() => TenantProfile.Parse("contracts/acme/mockgen.profile.json", """{"realism": "real"}"""u8));
        Assert.Contains("realism must be \"synthetic\" or \"lifelike\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("contracts/acme/mockgen.profile.json", e.Message, StringComparison.Ordinal);
    }

    private static string ContentHashOf(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<List<string>> DomainsAsync(PipelineHarness h, RunSpec spec)
    {
        var outcome = await h.Runner.RunAsync(spec);
        Assert.Equal(RunStatus.Completed, outcome.Status);
        using var manifest = JsonDocument.Parse(await RunPipelineTests.ReadAllAsync(h.Store.Blobs, outcome.ManifestPath));
        Assert.Equal(spec.Realism, manifest.RootElement.TryGetProperty("realism", out var r) ? r.GetString() : null);
        var domains = new List<string>();
        foreach (var shard in await RunPipelineTests.ToListAsync(new LineageIndex(h.Store.Tables).ListAsync("acme", spec.RunId)))
        {
            foreach (var line in Encoding.UTF8.GetString(await RunPipelineTests.ReadAllAsync(h.Store.Blobs, shard.BlobPath)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var email = JsonDocument.Parse(line).RootElement.GetProperty("payload").GetProperty("email").GetString()!;
                domains.Add(email[(email.LastIndexOf('@') + 1)..]);
            }
        }

        Assert.Equal(40, domains.Count);
        return domains;
    }
}
