using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Tests.Generation.Walking;

/// <summary>
/// Issue 9, "Plan constraints instead of testing them afterwards": each repro is generated for every non-negative
/// variant with no gate retry at all, and every payload passes the validator.
/// </summary>
public sealed class PayloadWalkerPlanningTests
{
    private static readonly GenerationVariant[] Variants = [GenerationVariant.Typical, GenerationVariant.Minimal, GenerationVariant.Maximal, GenerationVariant.Boundary];

    private static List<JsonElement> Generate(Contract contract, int count = 25)
    {
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(new GenerationOptions { Count = count, Variants = Variants }).Generate(contract, null, writer);
            writer.Complete();
        }

        Assert.All(summaries, s => Assert.True(s.Failure is null, s.Failure?.Describe()));
        Assert.All(summaries, s => Assert.True(s.Retries == 0, $"{s.Target} {s.Variant}: {s.Retries} gate retries"));
        var payloads = new List<JsonElement>();
        foreach (var line in Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonDocument.Parse(line).RootElement;
            var target = contract.GetTarget(record.GetProperty("meta").GetProperty("target").GetString()!);
            Assert.True(contract.Validate(target, record.GetProperty("payload")).IsValid, line);
            payloads.Add(record.GetProperty("payload"));
        }

        return payloads;
    }

    [Fact]
    public void Generate_NumberWithIntegerFormats_IsAnInteger()
    {
        var contract = GenerationFixtures.Load("num.json", """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{
              "Big":{"type":"number","format":"int64"},"Small":{"type":"number","format":"int32","minimum":1.5,"maximum":3.5}}}}
            """);

        var payloads = Generate(contract);

        Assert.All(payloads, p => Assert.Matches("^-?[0-9]+$", p.GetRawText()));
    }

    [Fact]
    public void Generate_OneOfOfRequiredMembers_PlansExactlyOne()
    {
        var properties = string.Join(",", "abcdef".Select(c => $"\"{c}\":{{\"type\":\"string\"}}"));
        var branches = string.Join(",", "abcdef".Select(c => $"{{\"required\":[\"{c}\"]}}"));
        var contract = GenerationFixtures.Load("one.json", "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + properties + "},\"oneOf\":[" + branches + "]}");

        var payloads = Generate(contract);

        Assert.All(payloads, p => Assert.Single(p.EnumerateObject()));
    }

    [Fact]
    public void Generate_IfThenOnADiscriminatingProperty_IsDecidedFromItsValue()
    {
        var properties = string.Join(",", Enumerable.Range(0, 12).Select(i => $"\"p{i}\":{{\"type\":\"integer\"}}"));
        var kinds = string.Join(",", Enumerable.Range(0, 12).Select(i => $"\"k{i}\""));
        var rules = string.Join(",", Enumerable.Range(0, 12).Select(i => $"{{\"if\":{{\"properties\":{{\"kind\":{{\"const\":\"k{i}\"}}}}}},\"then\":{{\"required\":[\"p{i}\"]}}}}"));
        var contract = GenerationFixtures.Load("ifs.json", "{\"type\":\"object\",\"required\":[\"kind\"],\"properties\":{\"kind\":{\"enum\":[" + kinds + "]}," + properties + "},\"allOf\":[" + rules + "]}");

        var payloads = Generate(contract);

        foreach (var payload in payloads)
        {
            var kind = payload.GetProperty("kind").GetString()!;
            Assert.True(payload.TryGetProperty("p" + kind[1..], out _), payload.GetRawText());
        }

        Assert.True(payloads.Select(p => p.GetProperty("kind").GetString()).Distinct().Count() > 3, "the kind varies");
    }

    [Fact]
    public void Generate_MinPropertiesFromPatternPropertiesOnly_FindsEnoughNames()
    {
        var contract = GenerationFixtures.Load("minp.json", """
            {"type":"object","patternProperties":{"^[a-z]+$":{"type":"integer"}},"additionalProperties":false,"minProperties":2}
            """);

        var payloads = Generate(contract);

        Assert.All(payloads, p => Assert.True(p.EnumerateObject().Count() >= 2, p.GetRawText()));
    }

    [Fact]
    public void Generate_ConflictMetAfterAChoice_IsGivingUpNotUnsatisfiable()
    {
        // Every branch can hold alone, but each clashes with the sibling const: nothing is proven by the schema itself.
        var contract = GenerationFixtures.Load("clash.json", """{"allOf":[{"const":1}],"anyOf":[{"const":2},{"const":3}]}""");
        using var stream = new MemoryStream();
        using var writer = new DatasetWriter(stream, OutputFormat.Ndjson);

        var summary = new DatasetGenerator(new GenerationOptions { Count = 2 }).Generate(contract, null, writer)[0];

        Assert.NotNull(summary.Failure);
        Assert.NotEqual(TargetFailureKinds.Unsatisfiable, summary.Failure.Kind);
        Assert.StartsWith("gave up after 20 attempts at #", summary.Failure.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AllOfOfPatterns_MeetsEveryPattern()
    {
        var contract = GenerationFixtures.Load("pat.json", """
            {"type":"string","minLength":6,"allOf":[{"pattern":"^([a-z][0-9])+$"},{"pattern":"^a"}]}
            """);

        var payloads = Generate(contract);

        Assert.All(payloads, p => Assert.Matches("^a[0-9]([a-z][0-9]){2,}$", p.GetString()!));
    }

    [Fact]
    public void Generate_PasswordLikePatterns_MeetsEveryPattern()
    {
        // The usual "at least one of each class" rules, plus an anchored shape: each rewrite plants one class.
        var contract = GenerationFixtures.Load("pw.json", """
            {"type":"string","allOf":[{"pattern":"^[A-Za-z0-9]{8,16}$"},{"pattern":"[A-Z]"},{"pattern":"[a-z]"},{"pattern":"[0-9]"},{"pattern":"9$"}]}
            """);

        var payloads = Generate(contract);

        Assert.All(payloads, p => Assert.Matches("^(?=.*[A-Z])(?=.*[a-z])[A-Za-z0-9]{7,15}9$", p.GetString()!));
    }

    [Fact]
    public void Generate_DisjointPatterns_GivesUpWithoutClaimingAProof()
    {
        var contract = GenerationFixtures.Load("disjoint.json", """{"type":"string","allOf":[{"pattern":"^[a-z]+$"},{"pattern":"^[0-9]+$"}]}""");
        using var stream = new MemoryStream();
        using var writer = new DatasetWriter(stream, OutputFormat.Ndjson);

        var summary = new DatasetGenerator(new GenerationOptions { Count = 1 }).Generate(contract, null, writer)[0];

        Assert.NotNull(summary.Failure);
        Assert.Equal(TargetFailureKinds.GaveUp, summary.Failure.Kind);
        Assert.StartsWith("gave up after 20 attempts at #/allOf/", summary.Failure.Describe(), StringComparison.Ordinal);
        Assert.Contains("patterns", summary.Failure.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_DecimalMultipleOf_IsAMultipleInBinaryFloatingPointToo()
    {
        var contract = GenerationFixtures.Load("cents.json", """
            {"type":"object","required":["a","b"],"properties":{
              "a":{"type":"number","minimum":0,"maximum":1000,"multipleOf":0.01},
              "b":{"type":"number","exclusiveMinimum":0,"maximum":5,"multipleOf":0.1}}}
            """);

        var payloads = Generate(contract, count: 50);

        foreach (var payload in payloads)
        {
            var a = payload.GetProperty("a").GetDouble() / 0.01;
            var b = payload.GetProperty("b").GetDouble() / 0.1;
            Assert.True(a == Math.Floor(a) && b == Math.Floor(b), payload.GetRawText());
        }
    }

    [Fact]
    public void Generate_Draft7ReferenceSiblings_AreMetWhenTheyFit()
    {
        // draft-07 ignores $ref siblings (the validator does too); ajv applies them, so the walker prefers values meeting both.
        var contract = GenerationFixtures.Load("siblings.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","required":["tags","code","wide"],
             "definitions":{"tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":6},
                            "code":{"type":"string","minLength":2,"maxLength":20}},
             "properties":{"tags":{"$ref":"#/definitions/tags","maxItems":1},
                           "code":{"$ref":"#/definitions/code","maxLength":3},
                           "wide":{"$ref":"#/definitions/tags","maxItems":0}}}
            """);

        // The definitions are targets too; only the root's payloads are objects.
        var payloads = Generate(contract).Where(p => p.ValueKind == JsonValueKind.Object).ToList();

        Assert.Equal(100, payloads.Count);
        Assert.All(payloads, p => Assert.Single(p.GetProperty("tags").EnumerateArray()));
        Assert.All(payloads, p => Assert.InRange(p.GetProperty("code").GetString()!.Length, 2, 3));
        // maxItems 0 conflicts with the target's minItems 1: the draft's reading (the real bounds) wins.
        Assert.All(payloads, p => Assert.NotEmpty(p.GetProperty("wide").EnumerateArray()));
    }
}
