using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Generation;

/// <summary>Negatives for targets that are a oneOf/anyOf at their root: the choice itself is the one violation.</summary>
public sealed class NegativeChoiceTests
{
    private const string RootOneOf = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "oneOf": [
            {"type": "object", "required": ["kind", "card"], "additionalProperties": false,
             "properties": {"kind": {"const": "card"}, "card": {"type": "string", "pattern": "^[0-9]{16}$"}}},
            {"type": "object", "required": ["kind", "iban"], "additionalProperties": false,
             "properties": {"kind": {"const": "bank"}, "iban": {"type": "string", "minLength": 15, "maxLength": 34}}}
          ]
        }
        """;

    private const string RootAnyOf = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "anyOf": [
            {"type": "string", "minLength": 2, "maxLength": 8},
            {"type": "integer", "minimum": 0, "maximum": 99}
          ]
        }
        """;

    // Only a number breaks it, by matching both branches; nothing can break a constraint inside a branch.
    private const string RootOneOfOverlapping = """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "oneOf": [{"type": "number"}, {}]}
        """;

    [Theory]
    [InlineData(RootOneOf, "oneOf")]
    [InlineData(RootAnyOf, "anyOf")]
    [InlineData(RootOneOfOverlapping, "oneOf")]
    public void Generate_Negative_RootChoice_FailsExactlyAsLabelled(string schema, string keyword)
    {
        var contract = GenerationFixtures.Load("choice.schema.json", schema);
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        var set = SchemaSet.Create(contract.Documents, new SchemaSetOptions { Resolver = contract.Resolver });
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "5", Count = 20, Variants = [GenerationVariant.Negative] }).Generate(contract, [target], writer);
            writer.Complete();
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Length);
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            var violation = record.RootElement.GetProperty("meta").GetProperty("violation");
            Assert.Equal(keyword, violation.GetProperty("keyword").GetString());
            Assert.Equal(string.Empty, violation.GetProperty("instancePath").GetString());
            Assert.Equal("/" + keyword, violation.GetProperty("schemaPath").GetString());

            // Checked here without the generator's rule: the choice fails, and every other error lies inside one of its branches.
            var result = set.Validate(target.SchemaUri, record.RootElement.GetProperty("payload"));
            Assert.False(result.IsValid, line);
            Assert.Single(result.Errors, e => e.Keyword == keyword && e.KeywordLocation == "/" + keyword && e.InstanceLocation.Length == 0);
            Assert.All(
                result.Errors.Where(e => e.KeywordLocation != "/" + keyword),
                e => Assert.StartsWith("/" + keyword + "/", e.KeywordLocation, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Generate_Negative_OverlappingOneOf_MatchesTwoBranches()
    {
        var contract = GenerationFixtures.Load("overlap.schema.json", RootOneOfOverlapping);
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "2", Count = 5, Variants = [GenerationVariant.Negative] }).Generate(contract, [target], writer);
            writer.Complete();
        }

        foreach (var line in Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Number, record.RootElement.GetProperty("payload").ValueKind);
        }
    }
}
