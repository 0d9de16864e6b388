using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Tests.Generation;

/// <summary>
/// Shapes real schemas contain that MockGen refused or got wrong (issue 9, "Accept what real schemas contain"):
/// each contract must load, generate, and have every payload accepted by its own validator.
/// </summary>
public sealed class RealWorldSchemaTests
{
    private static List<JsonElement> Generate(Contract contract, string? target = null, int count = 20)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            var targets = target is null ? [contract.Targets.First(t => t.JsonPointer.Length == 0)] : new[] { contract.GetTarget(target) };
            new DatasetGenerator(new GenerationOptions { Seed = "real", Count = count }).Generate(contract, targets, writer);
            writer.Complete();
        }

        var payloads = new List<JsonElement>();
        foreach (var line in System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            Assert.False(meta.TryGetProperty("error", out var error), error.ToString());
            var payload = record.RootElement.GetProperty("payload").Clone();
            var result = contract.Validate(contract.GetTarget(meta.GetProperty("target").GetString()!), payload);
            Assert.True(result.IsValid, $"{payload.GetRawText()}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            payloads.Add(payload);
        }

        Assert.Equal(count, payloads.Count);
        return payloads;
    }

    [Theory]
    [InlineData("^[a-z\\\\_]+$")]
    [InlineData("^[^\\\\s-]+$")]
    [InlineData("^\\\\A[a-z]{2}\\\\Z$")]
    [InlineData("^[\\\\w-.]+$")]
    [InlineData("^[😀-😂]+$")]
    public void Generate_PatternFromTheIssue_GivesValidPayloads(string pattern)
    {
        var contract = GenerationFixtures.Load("b.json", $$"""{"type":"string","pattern":"{{pattern}}"}""");
        Assert.All(Generate(contract), p => Assert.Equal(JsonValueKind.String, p.ValueKind));
    }

    [Theory]
    [InlineData("url")]
    [InlineData("phone")]
    [InlineData("color")]
    [InlineData("byte")]
    [InlineData("binary")]
    [InlineData("password")]
    [InlineData("int64")]
    [InlineData("host-name")]
    public void Generate_NonStandardStringFormat_GivesConformingValues(string format)
    {
        // Property names that steer realism elsewhere ("name", "id"): the format must still win.
        var contract = GenerationFixtures.Load("f.json", """
            {"type":"object","required":["name","id"],"properties":{"name":{"type":"string","format":"FORMAT"},"id":{"type":"string","format":"FORMAT"}}}
            """.Replace("FORMAT", format, StringComparison.Ordinal));
        foreach (var payload in Generate(contract))
        {
            foreach (var property in payload.EnumerateObject())
            {
                var value = property.Value.GetString()!;
                Assert.True(Formats.FormatOracle.IsValid(format, value), $"{format}: '{value}'");
            }
        }
    }

    [Theory]
    [InlineData("int32", int.MinValue, int.MaxValue)]
    [InlineData("int64", long.MinValue, long.MaxValue)]
    public void Generate_NumberWithIntegerFormat_GivesIntegers(string format, long minimum, long maximum)
    {
        var contract = GenerationFixtures.Load("api.json", """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},
             "components":{"schemas":{"Count":{"type":"number","format":"FORMAT"},
                                      "Fee":{"type":"number","format":"FORMAT","minimum":0.5,"maximum":3.5}}}}
            """.Replace("FORMAT", format, StringComparison.Ordinal));
        foreach (var name in new[] { "Count", "Fee" })
        {
            foreach (var payload in Generate(contract, name))
            {
                Assert.True(payload.TryGetInt64(out var value), payload.GetRawText());
                Assert.InRange(value, minimum, maximum);
                Assert.DoesNotContain('.', payload.GetRawText());
            }
        }
    }

    [Fact]
    public void Generate_LegacyTupleItemsWithoutSchemaKeyword_ReadsDraft07()
    {
        var contract = GenerationFixtures.Load("tuple.json", """{"type":"array","items":[{"type":"integer"},{"type":"string"}],"minItems":2}""");
        Assert.Equal(MockGen.Core.Schema.Dialect.Draft7, contract.Dialect);
        Assert.Contains(contract.Diagnostics, d => d.Severity == ContractDiagnosticSeverity.Warning && d.JsonPointer == "#/items");
        Assert.All(Generate(contract), payload =>
        {
            Assert.True(payload.GetArrayLength() >= 2, payload.GetRawText());
            Assert.Equal(JsonValueKind.Number, payload[0].ValueKind);
            Assert.Equal(JsonValueKind.String, payload[1].ValueKind);
        });
    }

    [Theory]
    [InlineData("http://json-schema.org/schema#")]
    [InlineData("https://json-schema.org/draft-07/schema")]
    [InlineData("http://json-schema.org/draft/2020-12/schema")]
    public void Generate_AnySchemaUriSpelling_GivesPayloads(string uri)
    {
        var contract = GenerationFixtures.Load("n.json", "{\"$schema\":\"" + uri + "\",\"type\":\"integer\",\"minimum\":1}");
        Assert.All(Generate(contract), payload => Assert.True(payload.GetInt64() >= 1));
    }

    [Theory]
    [InlineData("0.01", "0", "1000")]
    [InlineData("0.1", "0", "50")]
    [InlineData("0.05", "0.5", "3")]
    [InlineData("0.01", "0.07", "0.07")]
    public void Generate_DecimalMultipleOf_PrefersValuesWhoseBinary64QuotientIsIntegral(string multipleOf, string minimum, string maximum)
    {
        // ajv and most JavaScript tools check multipleOf as Number.isInteger(value / multipleOf) in binary64.
        var schema = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"number\",\"multipleOf\":M,\"minimum\":LO,\"maximum\":HI}"
            .Replace("M", multipleOf, StringComparison.Ordinal).Replace("LO", minimum, StringComparison.Ordinal).Replace("HI", maximum, StringComparison.Ordinal);
        var step = double.Parse(multipleOf, System.Globalization.CultureInfo.InvariantCulture);
        var exactOnly = minimum == maximum && (0.07 / 0.01) % 1 != 0;
        foreach (var payload in Generate(GenerationFixtures.Load("m.json", schema), count: 60))
        {
            var quotient = payload.GetDouble() / step;
            // 0.07 is the only value of the last range: valid as the specification reads it, so it stays.
            Assert.True(exactOnly || quotient == Math.Floor(quotient), $"{payload.GetRawText()} / {multipleOf} = {quotient:R} in binary64");
        }
    }
}
