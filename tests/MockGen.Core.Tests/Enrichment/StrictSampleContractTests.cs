using System.Reflection;
using MockGen.Core.Contracts;
using MockGen.Core.Enrichment;
using Xunit.Abstractions;

namespace MockGen.Core.Tests.Enrichment;

/// <summary>
/// Property-style: every target of every contract the repository ships (samples/, and the contract fixtures the
/// other tests use) transforms into a schema the subset checker accepts, deterministically.
/// </summary>
public sealed class StrictSampleContractTests(ITestOutputHelper output)
{
    public static TheoryData<string> Contracts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(StrictFixtures.RepositoryRoot(), "samples")).Order(StringComparer.Ordinal))
        {
            data.Add("samples/" + Path.GetFileName(file));
        }

        foreach (var (name, _) in FixtureTexts())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Transform_EveryTarget_SatisfiesTheSubsetDeterministically(string name)
    {
        var contract = await LoadAsync(name);
        var transform = new StrictSchemaTransform();
        var checkedTargets = 0;
        foreach (var target in contract.Targets)
        {
            try
            {
                contract.Compile(target);
            }
            catch (ContractException)
            {
                continue; // fixtures with deliberately broken targets: not the transform's business
            }

            var first = transform.Transform(contract, target);
            var second = new StrictSchemaTransform().Transform(contract, target);
            Assert.Equal(first.Json, second.Json);
            Assert.Equal(first.Sha256, second.Sha256);

            var violations = StrictSubsetChecker.Check(first.ToJsonElement());
            Assert.True(violations.Count == 0, $"{name} {target.Id}: {string.Join("; ", violations)}\n{first.Json}");
            Assert.True(first.IsWithinSubset, $"{name} {target.Id}: {string.Join("; ", first.Violations)}");
            Assert.True(StrictSubsetChecker.IsValidFormatName(first.Name), first.Name);
            checkedTargets++;
            if (name.StartsWith("samples/", StringComparison.Ordinal))
            {
                output.WriteLine($"{target.Id} {first.Name} {first.Json}");
            }
        }

        Assert.True(checkedTargets > 0, name + " has no target that compiles");
    }

    private static async Task<Contract> LoadAsync(string name)
    {
        if (name.StartsWith("samples/", StringComparison.Ordinal))
        {
            return await new ContractLoader().LoadAsync(Path.Combine(StrictFixtures.RepositoryRoot(), name));
        }

        var text = FixtureTexts().Single(f => f.Name == name).Text;
        var extension = text.TrimStart().StartsWith('{') ? ".json" : ".yaml";
        return StrictFixtures.Load(text, name + extension);
    }

    // Every contract text the test project keeps as a constant (ContractFixtures, GenerationFixtures...), so
    // fixtures added later are covered without touching this test. Multi-file roots are skipped: their refs
    // need the other files on disk.
    private static IEnumerable<(string Name, string Text)> FixtureTexts() =>
        typeof(StrictSampleContractTests).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Fixtures", StringComparison.Ordinal) && t != typeof(StrictFixtures))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (Name: t.Name + "." + f.Name, Text: (string)f.GetRawConstantValue()!)))
            .Where(f => !f.Name.Contains("MultiFile", StringComparison.Ordinal) && LooksLikeContract(f.Text))
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    private static bool LooksLikeContract(string text)
    {
        try
        {
            var contract = StrictFixtures.Load(text, "probe" + (text.TrimStart().StartsWith('{') ? ".json" : ".yaml"));
            return contract.Targets.Count > 0 && !contract.HasErrors;
        }
        catch (ContractException)
        {
            return false;
        }
    }
}
