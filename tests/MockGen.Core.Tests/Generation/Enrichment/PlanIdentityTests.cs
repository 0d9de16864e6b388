using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Enrichment;
using MockGen.Core.Generation.Realism;

namespace MockGen.Core.Tests.Generation.Enrichment;

/// <summary>
/// <see cref="DatasetGenerator.PlanIdentity"/>: a replay uses the plan stored under it instead of probing, so it must
/// change with everything that shapes the probes and with nothing else (or one stored plan would not serve every seed).
/// </summary>
public sealed class PlanIdentityTests
{
    // Options the probes never read: their fixed seed and key replace the run's seed, tenant-less key and count.
    private static readonly string[] NotInThePlan =
        [nameof(GenerationOptions.Seed), nameof(GenerationOptions.Count), nameof(GenerationOptions.FirstIndex), nameof(GenerationOptions.Variants),
         nameof(GenerationOptions.Environment), nameof(GenerationOptions.TestRunId), nameof(GenerationOptions.Parallelism),
         nameof(GenerationOptions.TimeProvider), nameof(GenerationOptions.Enrichment), nameof(GenerationOptions.Scenarios)];

    private static readonly Dictionary<string, Action<GenerationOptions>> InThePlan = new(StringComparer.Ordinal)
    {
        [nameof(GenerationOptions.Locale)] = o => o.Locale = "fr",
        [nameof(GenerationOptions.Tenant)] = o => o.Tenant = "acme",
        [nameof(GenerationOptions.TenantProperties)] = o => o.TenantProperties = ["orgId"],
        [nameof(GenerationOptions.Realism)] = o => o.Realism = RealismLevel.Lifelike,
        [nameof(GenerationOptions.Profile)] = o => o.Profile = RealismProfile.Parse("""{"properties": {"account": {"values": ["ACC-00000001"]}}}""", "profile.json"),
        [nameof(GenerationOptions.AssertFormats)] = o => o.AssertFormats = false,
        [nameof(GenerationOptions.MaxAttempts)] = o => o.MaxAttempts = 3,
    };

    [Fact]
    public void EveryOption_IsEitherInThePlanIdentityOrNamedAsNotShapingThePlan()
    {
        // A new option fails here until someone decides whether it shapes the probes.
        var options = typeof(GenerationOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(options, NotInThePlan.Concat(InThePlan.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PlanIdentity_ChangesWithEachOptionThatShapesTheProbes()
    {
        var contract = GenerationFixtures.LoadOrders();
        var target = contract.Targets[0];
        var baseline = new DatasetGenerator(new GenerationOptions()).PlanIdentity(contract, target);

        foreach (var (name, change) in InThePlan)
        {
            var options = new GenerationOptions();
            change(options);
            Assert.True(new DatasetGenerator(options).PlanIdentity(contract, target) != baseline, name + " does not change the plan identity");
        }

        var other = GenerationFixtures.Load("other.schema.json", """{"type": "object", "properties": {"note": {"type": "string"}}}""");
        Assert.NotEqual(baseline, new DatasetGenerator(new GenerationOptions()).PlanIdentity(other, other.Targets[0]));
        Assert.Contains("\"generator\":\"" + GeneratorVersion.Value + "\"", baseline, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsOutsideTheIdentity_GiveTheSameIdentityAndTheSamePlan()
    {
        var contract = GenerationFixtures.LoadOrders();
        var plain = new DatasetGenerator(new GenerationOptions());
        var run = new DatasetGenerator(new GenerationOptions
        {
            Seed = "run-42", Count = 500, FirstIndex = 7, Variants = [GenerationVariant.Maximal, GenerationVariant.Edge],
            Environment = "staging", TestRunId = "ci-1", Parallelism = 2,
        });

        Assert.Equal(plain.PlanIdentity(contract, contract.Targets[0]), run.PlanIdentity(contract, contract.Targets[0]));
        Assert.Equal(JsonSerializer.Serialize(plain.PlanEnrichment(contract)), JsonSerializer.Serialize(run.PlanEnrichment(contract)));
    }
}
