using System.Text;
using MockGen.Core.Contracts;
using MockGen.Storage.Diff;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Diff;

public sealed class ContractDifferTests
{
    private static Contract Load(string json, string name = "api.json") => new ContractLoader().Load(name, Encoding.UTF8.GetBytes(json));

    private static string Api(string schemas) =>
        """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{""" + schemas + "}}}";

    [Fact]
    public void Compare_PetsV1ToV2_NewRequiredPropertyAndNarrowedTypeAreBreaking()
    {
        var diff = ContractDiffer.Compare(new ContractLoader().Load("pets.json", TestContracts.PetsV1), new ContractLoader().Load("pets.json", TestContracts.PetsV2));
        Assert.True(diff.HasBreakingChanges);
        Assert.Contains(diff.Changes, c => c is { Severity: ChangeSeverity.Breaking, Rule: "required-property-added", Target: "#/components/schemas/Pet", Path: "/properties/species" });
        Assert.Contains(diff.Changes, c => c is { Severity: ChangeSeverity.Breaking, Rule: "type-narrowed", Target: "#/components/schemas/Owner", Path: "/properties/age" });
        Assert.All(diff.Changes, c => Assert.Equal(ChangeSeverity.Breaking, c.Severity));
    }

    [Fact]
    public void Compare_OptionalAdditionsAndWidenings_AreNonBreaking()
    {
        var old = Load(Api("""
            "Pet":{"type":"object","required":["id"],"properties":{"id":{"type":"integer","maximum":10},"kind":{"enum":["cat","dog"]},"name":{"type":"string","maxLength":5,"pattern":"^[a-z]+$"}}}
            """));
        var @new = Load(Api("""
            "Pet":{"type":"object","properties":{"id":{"type":["integer","null"],"maximum":100},"kind":{"enum":["cat","dog","fish"]},"name":{"type":"string","maxLength":50},"tag":{"type":"string"}}},
            "Tag":{"type":"string"}
            """));
        var diff = ContractDiffer.Compare(old, @new);
        Assert.False(diff.HasBreakingChanges, string.Join("\n", diff.Changes));
        Assert.Equal(
            new[] { "target-added", "required-removed", "type-widened", "maximum-widened", "enum-value-added", "maxLength-widened", "pattern-removed", "property-added" }.Order(StringComparer.Ordinal),
            diff.Changes.Select(c => c.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compare_RemovalsAndNarrowings_AreBreaking_ThroughRefs()
    {
        var old = Load(Api("""
            "Pet":{"type":"object","properties":{"id":{"type":"number","minimum":0},"owner":{"$ref":"#/components/schemas/Owner"},"kind":{"enum":["cat","dog"]},"legacy":{"type":"string"}}},
            "Owner":{"type":"object","properties":{"email":{"type":"string"}}},
            "Gone":{"type":"string"}
            """));
        var @new = Load(Api("""
            "Pet":{"type":"object","properties":{"id":{"type":"integer","minimum":1},"owner":{"$ref":"#/components/schemas/Owner"},"kind":{"enum":["cat"]}}},
            "Owner":{"type":"object","properties":{"email":{"type":"string","format":"email"}}}
            """));
        var diff = ContractDiffer.Compare(old, @new);
        string[] expected = ["target-removed", "type-narrowed", "minimum-narrowed", "enum-value-removed", "property-removed", "format-added"];
        foreach (var rule in expected)
        {
            Assert.Contains(diff.Changes, c => c.Rule == rule && c.Severity == ChangeSeverity.Breaking);
        }

        // The Owner change is reported under Pet (through the $ref) and under Owner itself.
        Assert.Contains(diff.Changes, c => c.Target == "#/components/schemas/Pet" && c.Path == "/properties/owner/properties/email");
        Assert.Contains(diff.Changes, c => c.Target == "#/components/schemas/Owner" && c.Path == "/properties/email");
        Assert.Equal(ChangeSeverity.Breaking, diff.Changes[0].Severity);
    }

    [Fact]
    public void Compare_RecursiveSchemas_Terminate_AndSameContractHasNoChanges()
    {
        var tree = Api("""
            "Node":{"type":"object","properties":{"value":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}
            """);
        var diff = ContractDiffer.Compare(Load(tree), Load(tree));
        Assert.Empty(diff.Changes);

        var yaml = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n        value: {type: string, maxLength: 3}\n        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n";
        var changed = ContractDiffer.Compare(Load(tree), new ContractLoader().Load("api.yaml", Encoding.UTF8.GetBytes(yaml)));
        var change = Assert.Single(changed.Changes);
        Assert.Equal("maxLength-added", change.Rule);
    }
}
