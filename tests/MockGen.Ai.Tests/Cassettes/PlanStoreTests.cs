using System.Text;
using System.Text.Json;
using MockGen.Ai.Cassettes;
using MockGen.Ai.Enrichment;
using MockGen.Ai.Tests.Support;
using MockGen.Core.Generation;

namespace MockGen.Ai.Tests.Cassettes;

/// <summary>
/// Plans stored next to the cassette (<see cref="PlanStore"/>, <see cref="EnrichmentPlanner"/>): record probes and
/// stores, replay reads and probes nothing, and a plan is only a cache (a damaged or foreign blob means probing again).
/// </summary>
public sealed class PlanStoreTests
{
    [Fact]
    public async Task RecordThenReplay_ProbesEachTargetOnce_ReplayReadsTheSamePlans()
    {
        using var store = new TempStore();
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var generator = new DatasetGenerator(EnrichedGeneration.Options());
        var plans = new PlanStore(store.Store.Blobs);

        var recorded = await new EnrichmentPlanner(plans, CassetteMode.Record, "acme").PlanAsync(generator, contract, contract.Targets);
        var replayed = await new EnrichmentPlanner(plans, CassetteMode.Replay, "acme").PlanAsync(generator, contract, contract.Targets);
        var otherTenant = await new EnrichmentPlanner(plans, CassetteMode.Replay, "globex").PlanAsync(generator, contract, contract.Targets);
        var live = await new EnrichmentPlanner(plans, CassetteMode.Live, "acme").PlanAsync(generator, contract, contract.Targets);

        Assert.Equal((contract.Targets.Count, 0), (recorded.Probed, recorded.Stored));
        Assert.Equal((0, contract.Targets.Count), (replayed.Probed, replayed.Stored));
        Assert.Equal(JsonSerializer.Serialize(generator.PlanEnrichment(contract)), JsonSerializer.Serialize(replayed.Plans));
        // A tenant's plans live in its own cassette folder, and live mode neither reads nor writes them.
        Assert.Equal((contract.Targets.Count, 0), (otherTenant.Probed, otherTenant.Stored));
        Assert.Equal((contract.Targets.Count, 0), (live.Probed, live.Stored));
        Assert.Equal(contract.Targets.Count, Directory.GetFiles(Path.Combine(store.Root, CassetteStore.Container, "acme", PlanStore.Folder)).Length);
        Assert.False(Directory.Exists(Path.Combine(store.Root, CassetteStore.Container, "globex")));
    }

    [Fact]
    public async Task Replay_WithADamagedOrForeignPlan_ProbesThatTargetAgain_SamePlan()
    {
        using var store = new TempStore();
        var contract = await EnrichedGeneration.LoadSampleAsync();
        var generator = new DatasetGenerator(EnrichedGeneration.Options());
        var plans = new PlanStore(store.Store.Blobs);
        await new EnrichmentPlanner(plans, CassetteMode.Record, null).PlanAsync(generator, contract, contract.Targets);
        var (first, second) = (contract.Targets[0], contract.Targets[1]);
        var firstPath = PlanStore.PathOf(null, generator.PlanIdentity(contract, first));
        var secondPath = PlanStore.PathOf(null, generator.PlanIdentity(contract, second));
        await store.Store.Blobs.WriteAsync(firstPath, new MemoryStream(Encoding.UTF8.GetBytes("{\"identity\": ")));
        // The second target's blob holds the third target's stored plan: its identity does not match the file's.
        await using (var third = (await store.Store.Blobs.OpenReadAsync(PlanStore.PathOf(null, generator.PlanIdentity(contract, contract.Targets[2]))))!)
        {
            await store.Store.Blobs.WriteAsync(secondPath, third);
        }

        var replayed = await new EnrichmentPlanner(plans, CassetteMode.Replay, null).PlanAsync(generator, contract, contract.Targets);

        Assert.Equal((2, contract.Targets.Count - 2), (replayed.Probed, replayed.Stored));
        Assert.Equal(JsonSerializer.Serialize(generator.PlanEnrichment(contract)), JsonSerializer.Serialize(replayed.Plans));
        Assert.Null(await plans.ReadAsync(null, generator.PlanIdentity(contract, first)));
    }

    [Fact]
    public void PathOf_IsTheTenantsCassetteFolder_HashedIdentity()
    {
        var path = PlanStore.PathOf("acme", "{\"planner\":\"x\"}");

        Assert.Matches("^ai-cassettes/acme/plans/[0-9a-f]{64}\\.json$", path);
        Assert.StartsWith("ai-cassettes/default/plans/", PlanStore.PathOf(null, "{}"), StringComparison.Ordinal);
        Assert.NotEqual(path, PlanStore.PathOf("acme", "{\"planner\":\"y\"}"));
    }
}
