using MockGen.Ai.Tests.Support;
using MockGen.Core.Generation;

namespace MockGen.Ai.Tests.Enrichment;

/// <summary>What the sample asks the model about: the free-text fields realism leaves as random letters.</summary>
public sealed class PlanProbeTests
{
    [Fact]
    public async Task PlanEnrichment_Sample_AsksOnePoolPerMapAndFreeField()
    {
        var contract = await EnrichedGeneration.LoadSampleAsync();

        var plans = new DatasetGenerator(EnrichedGeneration.Options()).PlanEnrichment(contract);

        var paths = plans.SelectMany(p => p.Fields.Select(f => f.Path)).Distinct().Order(StringComparer.Ordinal).ToList();
        // A map's random keys never become fields: its values share one pool (/metadata/*).
        Assert.Equal(["/data/*/metadata/*", "/detail", "/metadata/*", "/next_cursor"], paths);
        var detail = plans.First(p => p.TargetName == "Problem").Fields.Single();
        Assert.Equal(["type", "title", "status"], detail.Siblings);
    }
}
