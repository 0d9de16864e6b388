using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Coverage;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Tests.Enrichment;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Generation;

/// <summary>
/// The coverage variant aims at uncovered items (Generation/CoverageSelection, Walking/WalkSteering): per category, an
/// inline fixture whose items a random pool rarely hits all at once is covered completely, every payload passes the gate
/// (or fails exactly as labelled), what the summary claims is what the written records measure, and what is left out
/// carries a reason that holds.
/// </summary>
public sealed class CoverageSteeringTests
{
    private static string Colors(int n) => string.Join(", ", Enumerable.Range(0, n).Select(i => "\"c" + i + "\""));

    public static TheoryData<string, string> Fixtures => new()
    {
        {
            "enum, deep and optional",
            $$"""
            { "type": "object", "required": ["a"], "properties": { "a": { "type": "object", "properties": {
              "deep": { "type": "object", "properties": { "color": { "type": "string", "enum": [{{Colors(30)}}] } } } } } } }
            """
        },
        {
            "const in anyOf branches",
            """
            { "type": "object", "properties": { "v": { "anyOf": [
              { "type": "object", "required": ["k"], "properties": { "k": { "const": "one" } } },
              { "type": "object", "required": ["k"], "properties": { "k": { "const": "two" } } },
              { "type": "object", "required": ["n"], "properties": { "n": { "const": 3 } } } ] } } }
            """
        },
        {
            "oneOf branches nested in optional objects",
            """
            { "type": "object", "properties": { "outer": { "type": "object", "properties": { "shape": { "oneOf": [
              { "type": "object", "required": ["r"], "properties": { "r": { "type": "integer", "minimum": 1, "maximum": 9 } }, "additionalProperties": false },
              { "type": "object", "required": ["w", "h"], "properties": { "w": { "type": "integer" }, "h": { "type": "integer" } }, "additionalProperties": false },
              { "type": "object", "required": ["s"], "properties": { "s": { "type": "string", "minLength": 1, "maxLength": 4 } }, "additionalProperties": false },
              { "type": "array", "maxItems": 2, "items": { "type": "boolean" } },
              { "type": "null" } ] } } } } }
            """
        },
        {
            "optional properties three levels deep",
            """
            { "type": "object", "properties": {
              "p1": { "type": "object", "properties": { "q1": { "type": "object", "properties": { "r1": { "type": "string" }, "r2": { "type": "integer" } } }, "q2": { "type": "boolean" } } },
              "p2": { "type": "object", "properties": { "q3": { "type": "object", "properties": { "r3": { "type": "string" }, "r4": { "type": "number" } } } } },
              "p3": { "type": "string" } } }
            """
        },
        {
            "if then else, nested",
            """
            { "type": "object", "required": ["kind"], "properties": { "kind": { "enum": ["a", "b", "c"] }, "x": { "type": "integer" }, "y": { "type": "string" },
              "inner": { "type": "object", "properties": { "flag": { "type": "boolean" } },
                "if": { "required": ["flag"], "properties": { "flag": { "const": true } } }, "then": { "required": ["on"], "properties": { "on": { "type": "string" } } }, "else": { "properties": { "off": { "type": "integer" } } } } },
              "if": { "properties": { "kind": { "const": "a" } } }, "then": { "required": ["x"] }, "else": { "required": ["y"] } }
            """
        },
        {
            "array sizes",
            """
            { "type": "object", "properties": { "box": { "type": "object", "properties": {
              "few": { "type": "array", "minItems": 2, "maxItems": 40, "items": { "type": "integer" } },
              "any": { "type": "array", "maxItems": 3, "items": { "type": "array", "minItems": 1, "maxItems": 6, "items": { "type": "string", "maxLength": 2 } } },
              "tuple": { "type": "array", "prefixItems": [ { "type": "string" }, { "enum": [1, 2] } ], "maxItems": 2 } } } } }
            """
        },
        {
            "number bounds",
            """
            { "type": "object", "properties": { "n": { "type": "object", "properties": {
              "price": { "type": "number", "minimum": 0.5, "maximum": 999.75, "multipleOf": 0.25 },
              "ratio": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1 },
              "count": { "type": "integer", "exclusiveMinimum": -5, "maximum": 1000000 },
              "tiers": { "type": "array", "items": { "type": "integer", "minimum": 10, "maximum": 20 } } } } } }
            """
        },
        {
            "string lengths and formats",
            """
            { "type": "object", "properties": { "s": { "type": "object", "properties": {
              "code": { "type": "string", "minLength": 3, "maxLength": 300 },
              "tag": { "type": "string", "pattern": "^[a-z]+$", "minLength": 2, "maxLength": 9 },
              "when": { "type": "string", "format": "date-time" },
              "day": { "type": "string", "format": "date" },
              "mail": { "type": "string", "format": "email" },
              "id": { "type": "string", "format": "uuid" },
              "link": { "type": "string", "format": "uri" },
              "ip": { "type": "string", "format": "ipv4" } } } } }
            """
        },
        {
            "negatives: each breakable keyword",
            """
            { "type": "object", "required": ["id"], "properties": {
              "id": { "type": "string", "minLength": 2, "maxLength": 8, "pattern": "^[a-z]+$" },
              "opt": { "type": "object", "required": ["n"], "additionalProperties": false, "properties": {
                "n": { "type": "integer", "minimum": 1, "maximum": 9 },
                "m": { "type": "number", "multipleOf": 3 },
                "e": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 5 },
                "list": { "type": "array", "minItems": 1, "maxItems": 3, "items": { "type": "integer" } },
                "set": { "type": "array", "uniqueItems": true, "items": { "type": "integer" } },
                "k": { "const": "fixed" },
                "pick": { "enum": ["x", "y"] } } },
              "bag": { "type": "object", "maxProperties": 2 } } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Coverage_InlineFixture_CoversEveryReachableItemWithGatedPayloads(string name, string schema)
    {
        var contract = GenerationFixtures.Load("fixture.schema.json", schema);
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        var (bytes, summary) = Run(contract, target, new GenerationOptions { Seed = "3", Variants = [GenerationVariant.Coverage] });
        var coverage = summary.Coverage!;
        Assert.True(coverage.Uncovered.Count == 0, name + ": " + string.Join("; ", coverage.Uncovered.Select(i => $"{i.SchemaLocation} {i.Description}: {i.NotCovered}")));
        Assert.Equal(coverage.Total, coverage.Covered);
        AssertGatedAndMeasured(contract, target, bytes, coverage);
    }

    [Fact]
    public void Coverage_EnumOfThirtyBelowOptionalObjects_NeedsExactlyTheSmallestNumberOfValidPayloads()
    {
        var contract = GenerationFixtures.Load("fixture.schema.json", (string)Fixtures.First()[1]);
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        var coverage = Run(contract, target, new GenerationOptions { Seed = "5", Variants = [GenerationVariant.Coverage] }).Summary.Coverage!;

        // 30 payloads for the 30 values (each with deep and color present), one with deep absent and one with deep
        // present but color absent: no payload can cover two of these 32 at once, so 32 is the minimum.
        Assert.Equal(32, coverage.Payloads);
        Assert.Equal(coverage.Total, coverage.Covered);
    }

    [Fact]
    public void Coverage_Discriminator_CoversEveryMappingValueIncludingTwoKeysOfOneSchema()
    {
        const string Api = """
        { "openapi": "3.1.0", "info": { "title": "pets", "version": "1" }, "paths": {},
          "components": { "schemas": {
            "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ],
                     "discriminator": { "propertyName": "kind", "mapping": { "cat": "#/components/schemas/Cat", "kitten": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog" } } },
            "Cat": { "type": "object", "required": ["kind", "lives"], "properties": { "kind": { "type": "string" }, "lives": { "type": "integer", "minimum": 1, "maximum": 9 } } },
            "Dog": { "type": "object", "required": ["kind", "bark"], "properties": { "kind": { "type": "string" }, "bark": { "type": "boolean" } } } } } }
        """;
        var contract = GenerationFixtures.Load("pets.json", Api);
        var target = contract.Targets.First(t => t.Id.EndsWith("/Pet", StringComparison.Ordinal));
        var (bytes, summary) = Run(contract, target, new GenerationOptions { Seed = "1", Variants = [GenerationVariant.Coverage] });
        var coverage = summary.Coverage!;
        var discriminator = coverage.Categories.Single(c => c.Category == CoverageCategory.Discriminator);
        Assert.Equal((3, 3), (discriminator.Covered, discriminator.Total));
        var kinds = Lines(bytes).Select(l => JsonDocument.Parse(l).RootElement).Where(r => !r.GetProperty("meta").TryGetProperty("violation", out _))
            .Select(r => r.GetProperty("payload").GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "cat", "kitten", "dog" }, kinds);
        AssertGatedAndMeasured(contract, target, bytes, coverage);
    }

    [Fact]
    public void Coverage_PaymentsSample_LeavesOutOnlyItemsWhoseReasonHolds()
    {
        var contract = new ContractLoader().Load("payments-api.yaml", File.ReadAllBytes(Path.Combine(StrictFixtures.RepositoryRoot(), "samples", "payments-api.yaml")));
        var options = new GenerationOptions { Seed = "0", Variants = [GenerationVariant.Coverage] };
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(options).Generate(contract, contract.Targets, writer);
            writer.Complete();
        }

        var covered = summaries.Sum(s => s.Coverage!.Covered);
        var total = summaries.Sum(s => s.Coverage!.Total);
        Assert.True(covered >= total - summaries.Count, $"{covered}/{total}");
        foreach (var summary in summaries)
        {
            var target = contract.Targets.Single(t => t.Id == summary.Target);
            HashSet<string>? labels = null;
            foreach (var item in summary.Coverage!.Uncovered)
            {
                // Only metadata's maxProperties is left (its extra names must match additionalProperties and
                // propertyNames, and the negative mutator adds free-form names only where nothing restricts them). The
                // reason is checked against the negative variant itself: it never produces that label in 200 payloads.
                Assert.Equal(CoverageCategory.Violation, item.Category);
                Assert.EndsWith("/metadata/maxProperties", item.SchemaLocation, StringComparison.Ordinal);
                Assert.StartsWith("gave up:", item.NotCovered, StringComparison.Ordinal);
                labels ??= NegativeLabels(contract, target, 200);
                Assert.DoesNotContain(labels, label => item.SchemaLocation.EndsWith(label, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Coverage_PaymentsSample_IsByteIdenticalAcrossRunsAndThreadCounts()
    {
        var contract = new ContractLoader().Load("payments-api.yaml", File.ReadAllBytes(Path.Combine(StrictFixtures.RepositoryRoot(), "samples", "payments-api.yaml")));
        var target = contract.Targets.First(t => t.Id.EndsWith("/Payment", StringComparison.Ordinal));
        var first = Run(contract, target, new GenerationOptions { Seed = "9", Variants = [GenerationVariant.Coverage] }).Bytes;
        var again = Run(contract, target, new GenerationOptions { Seed = "9", Variants = [GenerationVariant.Coverage] }).Bytes;
        var parallel = Run(contract, target, new GenerationOptions { Seed = "9", Variants = [GenerationVariant.Coverage], Parallelism = 3 }).Bytes;
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(again));
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(parallel));
    }

    [Fact]
    public void Coverage_InTheSameRun_LeavesEveryOtherVariantsBytesUnchanged()
    {
        var contract = new ContractLoader().Load("payments-api.yaml", File.ReadAllBytes(Path.Combine(StrictFixtures.RepositoryRoot(), "samples", "payments-api.yaml")));
        GenerationVariant[] others = [GenerationVariant.Typical, GenerationVariant.Boundary, GenerationVariant.Minimal, GenerationVariant.Maximal, GenerationVariant.Negative];
        var alone = Generate(contract, new GenerationOptions { Seed = "6", Count = 5, Variants = others });
        var withCoverage = Generate(contract, new GenerationOptions { Seed = "6", Count = 5, Variants = [.. others, GenerationVariant.Coverage] });
        var kept = Lines(withCoverage).Where(l => !l.Contains("\"variant\":\"coverage\"", StringComparison.Ordinal));
        Assert.Equal(Lines(alone), kept);
    }

    // Pinned once for the steered coverage variant (issue 11: payloads aimed at uncovered items replaced the greedy
    // pick from other variants' payloads); a change here is a deliberate change of the coverage variant's bytes.
    [Fact]
    public void Coverage_Orders_MatchesPinnedHash()
    {
        var contract = GenerationFixtures.LoadOrders();
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        var bytes = Run(contract, target, new GenerationOptions { Seed = "1", Variants = [GenerationVariant.Coverage] }).Bytes;
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.True(hash == PinnedSeed1Coverage, "coverage bytes changed; the new hash is " + hash);
    }

    private const string PinnedSeed1Coverage = "d15dc741e717abb2174e7d06c175fb87e67d1241e8f811a1399e48661cae47cd";

    private static (byte[] Bytes, TargetRunSummary Summary) Run(Contract contract, ContractTarget target, GenerationOptions options)
    {
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(options).Generate(contract, [target], writer);
            writer.Complete();
        }

        return (stream.ToArray(), Assert.Single(summaries));
    }

    private static byte[] Generate(Contract contract, GenerationOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(options).Generate(contract, contract.Targets, writer);
            writer.Complete();
        }

        return stream.ToArray();
    }

    private static string[] Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // Every record passes the validator (negatives: fail exactly as labelled), and re-measuring the written records
    // gives the summary's numbers.
    private static void AssertGatedAndMeasured(Contract contract, ContractTarget target, byte[] bytes, CoverageSummary claimed)
    {
        var measured = TargetCoverage.Create(contract, target);
        foreach (var line in Lines(bytes))
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            var payload = record.RootElement.GetProperty("payload");
            var result = contract.Validate(target, payload);
            if (meta.TryGetProperty("violation", out var violation))
            {
                var keyword = violation.GetProperty("keyword").GetString()!;
                var schemaPath = violation.GetProperty("schemaPath").GetString()!;
                Assert.True(ViolationMatch.IsMatchedBy(result, keyword, violation.GetProperty("instancePath").GetString()!, schemaPath), line);
                measured.ObserveViolation(keyword, schemaPath);
            }
            else
            {
                Assert.True(result.IsValid, line);
                measured.Observe(payload);
            }
        }

        var summary = measured.Summarize();
        Assert.Equal((claimed.Covered, claimed.Total), (summary.Covered, summary.Total));
    }

    // The schema paths (relative to the target) the negative variant labels its payloads with.
    private static HashSet<string> NegativeLabels(Contract contract, ContractTarget target, int count)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var bytes = Run(contract, target, new GenerationOptions { Seed = "4", Count = count, Variants = [GenerationVariant.Negative] }).Bytes;
        foreach (var line in Lines(bytes))
        {
            using var record = JsonDocument.Parse(line);
            if (record.RootElement.GetProperty("meta").TryGetProperty("violation", out var violation))
            {
                var path = violation.GetProperty("schemaPath").GetString()!;
                var at = path.LastIndexOf("/properties/", StringComparison.Ordinal);
                labels.Add(at < 0 ? path : path[at..]);
            }
        }

        return labels;
    }
}
