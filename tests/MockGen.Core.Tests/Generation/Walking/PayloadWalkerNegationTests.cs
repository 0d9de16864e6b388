using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Tests.Generation.Walking;

/// <summary>
/// Issue 9, "Plan constraints instead of testing them afterwards": <c>not</c> is planned for its common forms, so
/// every repro is generated for every non-negative variant with no gate retry and every payload is valid.
/// </summary>
public sealed class PayloadWalkerNegationTests
{
    private static readonly GenerationVariant[] Variants = [GenerationVariant.Typical, GenerationVariant.Minimal, GenerationVariant.Maximal, GenerationVariant.Boundary];

    private static List<JsonElement> Generate(string schema, int count = 40)
    {
        var contract = GenerationFixtures.Load("not.json", schema);
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

        Assert.Equal(count * Variants.Length, payloads.Count);
        return payloads;
    }

    [Fact]
    public void Generate_NotPattern_AvoidsThePattern()
    {
        var payloads = Generate("""{"type":"string","minLength":8,"maxLength":12,"not":{"pattern":"[a-z]"}}""");

        Assert.All(payloads, p => Assert.DoesNotMatch("[a-z]", p.GetString()!));
        Assert.All(payloads, p => Assert.InRange(p.GetString()!.Length, 8, 12));
    }

    [Fact]
    public void Generate_NotPatternOnALongString_StaysFast()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var payloads = Generate("""{"type":"string","minLength":5000,"maxLength":6000,"not":{"pattern":"[a-z]"}}""", count: 5);

        Assert.All(payloads, p => Assert.DoesNotMatch("[a-z]", p.GetString()!));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), watch.Elapsed.ToString());
    }

    [Fact]
    public void Generate_NotPatternWithAPositivePattern_MeetsBoth()
    {
        var payloads = Generate("""{"type":"string","pattern":"^[a-z0-9]{6,10}$","not":{"pattern":"[0-9]"}}""");

        Assert.All(payloads, p => Assert.Matches("^[a-z]{6,10}$", p.GetString()!));
    }

    [Fact]
    public void Generate_NotRequired_LeavesAMemberOut()
    {
        var payloads = Generate("""
            {"type":"object","required":["a"],"additionalProperties":false,
             "properties":{"a":{"type":"integer"},"b":{"type":"integer"},"c":{"type":"integer"}},
             "not":{"required":["a","b"]}}
            """);

        Assert.All(payloads, p => Assert.False(p.TryGetProperty("b", out _), p.GetRawText()));
    }

    [Fact]
    public void Generate_NotAnyOfRequired_LeavesEveryMemberOut()
    {
        var payloads = Generate("""
            {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"},"c":{"type":"integer"}},
             "not":{"anyOf":[{"required":["a"]},{"required":["b"]}]}}
            """);

        Assert.All(payloads, p => Assert.False(p.TryGetProperty("a", out _) || p.TryGetProperty("b", out _), p.GetRawText()));
        Assert.Contains(payloads, p => p.TryGetProperty("c", out _));
    }

    [Fact]
    public void Generate_NotConstOnABoolean_IsTheOtherValue()
    {
        var payloads = Generate("""{"type":"boolean","not":{"const":true}}""");

        Assert.All(payloads, p => Assert.Equal(JsonValueKind.False, p.ValueKind));
    }

    [Fact]
    public void Generate_NotEnumInASmallRange_PicksTheRest()
    {
        var payloads = Generate("""{"type":"integer","minimum":1,"maximum":4,"not":{"enum":[1,2,4]}}""");

        Assert.All(payloads, p => Assert.Equal(3, p.GetInt32()));
    }

    [Fact]
    public void Generate_NotEnumOfStrings_ExcludesThem()
    {
        var payloads = Generate("""{"type":"string","maxLength":1,"pattern":"^[ab]$","not":{"enum":["a"]}}""");

        Assert.All(payloads, p => Assert.Equal("b", p.GetString()));
    }

    [Fact]
    public void Generate_NotType_RemovesTheType()
    {
        var payloads = Generate("""{"type":["string","integer","null"],"not":{"type":["string","null"]}}""");

        Assert.All(payloads, p => Assert.Equal(JsonValueKind.Number, p.ValueKind));
    }

    [Fact]
    public void Generate_NumberNotInteger_IsFractional()
    {
        var payloads = Generate("""{"type":"number","minimum":0,"maximum":3,"not":{"type":"integer"}}""");

        Assert.All(payloads, p => Assert.False(decimal.IsInteger(p.GetDecimal()), p.GetRawText()));
    }

    [Fact]
    public void Generate_NotMultipleOf_PicksANonMultiple()
    {
        var payloads = Generate("""{"type":"integer","minimum":0,"maximum":10,"not":{"multipleOf":2}}""");

        Assert.All(payloads, p => Assert.Equal(1, p.GetInt32() % 2));
    }

    [Fact]
    public void Generate_NotPropertyNames_AddsANameOutsideIt()
    {
        var payloads = Generate("""{"type":"object","not":{"propertyNames":{"pattern":"^[a-z]+$"}}}""");

        Assert.All(payloads, p => Assert.Contains(p.EnumerateObject(), m => !System.Text.RegularExpressions.Regex.IsMatch(m.Name, "^[a-z]+$")));
    }

    [Fact]
    public void Generate_NotPropertyNamesWithDeclaredProperties_UsesAnAllowedName()
    {
        var payloads = Generate("""
            {"type":"object","additionalProperties":false,"properties":{"ok":{"type":"integer"},"Bad1":{"type":"integer"}},
             "not":{"propertyNames":{"pattern":"^[a-z]+$"}}}
            """);

        Assert.All(payloads, p => Assert.True(p.TryGetProperty("Bad1", out _), p.GetRawText()));
    }

    [Fact]
    public void Generate_Negative_NotPattern_BreaksTheNegation()
    {
        var contract = GenerationFixtures.Load("not.json", """{"type":"string","minLength":8,"maxLength":12,"not":{"pattern":"[a-z]"}}""");
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "3", Count = 10, Variants = [GenerationVariant.Negative] }).Generate(contract, null, writer);
            writer.Complete();
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        foreach (var line in lines)
        {
            var record = JsonDocument.Parse(line).RootElement;
            var target = contract.GetTarget(record.GetProperty("meta").GetProperty("target").GetString()!);
            Assert.False(contract.Validate(target, record.GetProperty("payload")).IsValid, line);
        }
    }
}
