using MockGen.Storage.Drift;
using MockGen.Storage.Runs;
using MockGen.Storage.Tests.Support;
using static MockGen.Storage.Tests.Runs.RunPipelineTests;

namespace MockGen.Storage.Tests.Drift;

[Collection(AzuriteCollection.Name)]
public sealed class DriftTests(AzuriteFixture azurite)
{
    public static TheoryData<StoreKind> Kinds => TestStores.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Drift_AgainstBreakingVersion_CountsFailuresPerTargetKeywordAndPath(StoreKind kind)
    {
        var h = new PipelineHarness(TestStores.Create(kind, azurite));
        var tenant = TestStores.Unique("t");
        var v1 = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV1);
        var v2 = await h.Registry.RegisterAsync(tenant, "pets.json", TestContracts.PetsV2);
        var run = await h.Runner.RunAsync(RunSpec.FromProfile(tenant, "pets.json", v1.Version, Profile with { Variants = ["typical", "minimal", "negative"] }));

        var same = await h.Runner.DriftAsync(new DriftSpec(tenant, run.RunId, "pets.json", v1.Version, 4));
        Assert.Equal(100, same.Payloads);
        Assert.Equal(0, same.Failing);

        var report = await h.Runner.DriftAsync(new DriftSpec(tenant, run.RunId, "pets.json", v2.Version, 4));
        Assert.Equal(v1.Version, report.FromVersion);
        Assert.Equal(100, report.Payloads);

        // Every Pet lacks the newly required 'species'; exactly the Owners that carry an (integer) age now fail.
        var ownersWithAge = await CountAsync(h, tenant, run.RunId, "#/components/schemas/Owner", r => r.GetProperty("payload").TryGetProperty("age", out _));
        Assert.InRange(ownersWithAge, 1, 49);
        Assert.Equal(50 + ownersWithAge, report.Failing);
        var owner = report.Targets.Single(t => t.TargetId == "#/components/schemas/Owner");
        Assert.Equal(ownersWithAge, owner.Failing);
        Assert.Equal(new DriftCount("type", ownersWithAge), Assert.Single(owner.Keywords));
        Assert.Equal(new DriftCount("/age", ownersWithAge), Assert.Single(owner.Paths));
        var pet = report.Targets.Single(t => t.TargetId == "#/components/schemas/Pet");
        Assert.Equal(50, pet.Failing);
        Assert.Equal(new DriftCount("required", 50), Assert.Single(pet.Keywords));

        // The report is stored beside the run.
        var stored = await ReadAllAsync(h.Store.Blobs, $"reports/{tenant}/{run.RunId}/drift-{v2.Version[7..]}.json");
        Assert.Contains($"\"failing\":{50 + ownersWithAge}", System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(PipelineHarness h, string tenant, string runId, string target, Func<System.Text.Json.JsonElement, bool> predicate)
    {
        var buffer = new MemoryStream();
        await new DatasetReader(h.Activities, new MockGen.Storage.Lineage.LineageIndex(h.Store.Tables)).CopyAsync(tenant, runId, new DatasetFilter(target), buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Count(r => r.GetProperty("meta").GetProperty("variant").GetString() != "negative" && predicate(r));
    }

    [Fact]
    public async Task Drift_TargetRemoved_CountsEveryPayload()
    {
        var h = new PipelineHarness(PipelineStoreFactory.Local());
        var v1 = await h.Registry.RegisterAsync("acme", "pets.json", TestContracts.PetsV1);
        var v3 = await h.Registry.RegisterAsync("acme", "pets.json", """{"openapi":"3.1.0","info":{"title":"pets","version":"3"},"paths":{},"components":{"schemas":{"Pet":{"required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},"vaccinated":{"type":"boolean"}}}}}}"""u8.ToArray());
        var run = await h.Runner.RunAsync(RunSpec.FromProfile("acme", "pets.json", v1.Version, Profile));
        var report = await h.Runner.DriftAsync(new DriftSpec("acme", run.RunId, "pets.json", v3.Version, 2));
        Assert.Equal(50, report.Failing);
        Assert.Equal("(target removed)", Assert.Single(report.Targets.Single(t => t.TargetId.EndsWith("Owner", StringComparison.Ordinal)).Keywords).Name);
    }
}
