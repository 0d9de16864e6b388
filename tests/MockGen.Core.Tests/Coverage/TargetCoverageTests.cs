using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Coverage;
using MockGen.Core.Tests.Generation;

namespace MockGen.Core.Tests.Coverage;

public sealed class TargetCoverageTests
{
    private const string Shapes = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["kind", "tags"],
      "properties": {
        "kind": { "enum": ["a", "b", 3] , "type": "string" },
        "note": { "type": "string", "minLength": 2, "maxLength": 5 },
        "when": { "type": "string", "format": "date" },
        "tags": { "type": "array", "minItems": 1, "maxItems": 3, "items": { "type": "string" } },
        "size": { "type": "integer", "minimum": 1, "exclusiveMaximum": 10 },
        "pay": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] }
      },
      "if": { "properties": { "kind": { "const": "a" } } },
      "then": { "required": ["note"] }
    }
    """;

    private static TargetCoverage Create(string json, CoverageOptions? options = null)
    {
        var contract = new ContractLoader().Load("shapes.schema.json", Encoding.UTF8.GetBytes(json));
        return TargetCoverage.Create(contract, contract.Targets.First(t => t.JsonPointer.Length == 0), options);
    }

    private static int Observe(TargetCoverage coverage, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return coverage.Observe(document.RootElement);
    }

    private static CategoryCoverage Category(CoverageSummary summary, CoverageCategory category) => summary.Categories.Single(c => c.Category == category);

    [Fact]
    public void Create_SchemaWithEveryKind_ListsItemsPerCategory()
    {
        var summary = Create(Shapes).Summarize();

        Assert.Equal((0, 2, 1), (Category(summary, CoverageCategory.EnumValue).Covered, Category(summary, CoverageCategory.EnumValue).Total, Category(summary, CoverageCategory.EnumValue).NotReachable));
        Assert.Equal(8, Category(summary, CoverageCategory.OptionalProperty).Total); // note, when, size, pay: present and absent
        Assert.Equal(2, Category(summary, CoverageCategory.Branch).Total);
        Assert.Equal(2, Category(summary, CoverageCategory.Condition).Total);
        Assert.Equal(2, Category(summary, CoverageCategory.ArraySize).Total);
        Assert.Equal(2, Category(summary, CoverageCategory.NumberBound).Total);
        Assert.Equal(2, Category(summary, CoverageCategory.StringLength).Total);
        Assert.Equal(1, Category(summary, CoverageCategory.Format).Total);
        Assert.Contains(summary.NotReachable, i => i.SchemaLocation == "#/properties/kind/enum/2" && i.NotReachable!.StartsWith("unsatisfiable", StringComparison.Ordinal));
        Assert.All(summary.Categories, c => Assert.Equal(0, c.Covered));
    }

    [Fact]
    public void Observe_Payloads_CoverOnlyWhatTheyExercise()
    {
        var coverage = Create(Shapes);
        Observe(coverage, """{"kind": "a", "note": "xy", "tags": ["t"], "size": 9, "pay": 4}""");
        var summary = coverage.Summarize();

        Assert.Equal(1, Category(summary, CoverageCategory.EnumValue).Covered);
        Assert.Contains(summary.Uncovered, i => i.SchemaLocation == "#/properties/kind/enum/1");
        Assert.DoesNotContain(summary.Uncovered, i => i.SchemaLocation == "#/properties/pay/oneOf/1");
        Assert.Contains(summary.Uncovered, i => i.SchemaLocation == "#/properties/pay/oneOf/0");
        Assert.Contains(summary.Uncovered, i => i.Description == "if fails (else)");
        Assert.DoesNotContain(summary.Uncovered, i => i.Description == "if holds (then)");
        Assert.Contains(summary.Uncovered, i => i.Description == "size 3 (maxItems)");
        Assert.DoesNotContain(summary.Uncovered, i => i.Description == "size 1 (minItems)");
        Assert.DoesNotContain(summary.Uncovered, i => i.Category == CoverageCategory.NumberBound && i.SchemaLocation == "#/properties/size/exclusiveMaximum"); // 9 is one step below 10
        Assert.Contains(summary.Uncovered, i => i.Category == CoverageCategory.NumberBound && i.SchemaLocation == "#/properties/size/minimum");
        Assert.DoesNotContain(summary.Uncovered, i => i.Description == "length 2 (minLength)");
        Assert.Contains(summary.Uncovered, i => i.Description == "\"note\" absent");
        Assert.Contains(summary.Uncovered, i => i.Description == "\"when\" present");
        Assert.Contains(summary.Uncovered, i => i.Category == CoverageCategory.Format);

        Assert.Equal(0, Observe(coverage, """{"kind": "a", "note": "xy", "tags": ["t"], "size": 9, "pay": 4}"""));
        Assert.True(Observe(coverage, """{"kind": "b", "tags": ["t", "u", "v"], "when": "2024-01-01", "pay": "x", "size": 1}""") > 0);
        var after = coverage.Summarize();
        Assert.Equal(2, Category(after, CoverageCategory.Branch).Covered);
        Assert.Equal(2, Category(after, CoverageCategory.Condition).Covered);
        Assert.Equal(2, Category(after, CoverageCategory.ArraySize).Covered);
        Assert.Equal(2, Category(after, CoverageCategory.NumberBound).Covered);
        Assert.Equal(1, Category(after, CoverageCategory.Format).Covered);
        Assert.Equal(3, after.Payloads);
    }

    [Fact]
    public void ObserveViolation_LabelThroughRef_CoversTheKeywordOfTheReferencedSchema()
    {
        var contract = GenerationFixtures.LoadOrders();
        var coverage = TargetCoverage.Create(contract, contract.Targets.First(t => t.JsonPointer.Length == 0));

        Assert.Equal(1, coverage.ObserveViolation("exclusiveMinimum", "/properties/total/$ref/properties/amount/exclusiveMinimum"));
        Assert.Equal(0, coverage.ObserveViolation("exclusiveMinimum", "/properties/lines/items/properties/unit_price/$ref/properties/amount/exclusiveMinimum"));
        Assert.Equal(0, coverage.ObserveViolation("maximum", "/properties/nowhere/maximum"));
        var summary = coverage.Summarize();
        Assert.Equal(1, Category(summary, CoverageCategory.Violation).Covered);
        Assert.DoesNotContain(summary.Uncovered, i => i.SchemaLocation == "#/$defs/money/properties/amount/exclusiveMinimum" && i.Category == CoverageCategory.Violation);

        // Inside a oneOf branch a broken keyword is labelled as the choice: not reachable as a violation of its own.
        Assert.Contains(summary.NotReachable, i => i.Category == CoverageCategory.Violation && i.SchemaLocation.StartsWith("#/properties/payment/oneOf/0", StringComparison.Ordinal));
        Assert.Contains(summary.Uncovered, i => i.Category == CoverageCategory.Violation && i.SchemaLocation == "#/properties/payment/oneOf");
    }

    [Fact]
    public void Create_RecursiveSchema_VisitsEachNodeOnceAndMeasuresDeepPayloads()
    {
        const string tree = """
        { "$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/node",
          "$defs": { "node": { "type": "object", "properties": {
            "label": { "enum": ["x", "y"] },
            "children": { "type": "array", "maxItems": 2, "items": { "$ref": "#/$defs/node" } } } } } }
        """;
        var coverage = Create(tree);
        Assert.Equal(2, coverage.Items.Count(i => i.Category == CoverageCategory.EnumValue));
        var deep = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            deep.Append("""{"label": "x", "children": [""");
        }

        deep.Append("""{"label": "y"}""");
        for (var i = 0; i < 40; i++)
        {
            deep.Append("]}");
        }

        Observe(coverage, deep.ToString());
        Assert.Equal(2, Category(coverage.Summarize(), CoverageCategory.EnumValue).Covered);
    }

    [Fact]
    public void Create_ContractBeyondTheNodeBound_IsTruncatedNotUnbounded()
    {
        var properties = string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"p{i}\": {{ \"type\": \"object\", \"properties\": {{ \"q\": {{ \"enum\": [{i}] }} }} }}"));
        var schema = $$"""{ "type": "object", "properties": { {{properties}} } }""";
        var full = Create(schema);
        var bounded = Create(schema, new CoverageOptions { MaxSchemaNodes = 100 });
        Assert.False(full.Summarize().Truncated);
        Assert.True(bounded.Summarize().Truncated);
        Assert.Equal(500, full.Items.Count(i => i.Category == CoverageCategory.EnumValue));
        Assert.True(bounded.Items.Count(i => i.Category == CoverageCategory.EnumValue) < 100);
    }
}
