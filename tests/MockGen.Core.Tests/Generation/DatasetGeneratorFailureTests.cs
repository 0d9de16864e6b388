using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Tests.Generation;

/// <summary>
/// Issue 9, "Never lose a target": optional parts that cannot be built are left out, a failing index never stops
/// its target, and only a proven conflict is called unsatisfiable. Every payload is judged by the validator.
/// </summary>
public sealed class DatasetGeneratorFailureTests
{
    private static (IReadOnlyList<TargetRunSummary> Summaries, List<JsonElement> Records) Run(Contract contract, GenerationOptions options)
    {
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(options).Generate(contract, [contract.Targets.First(t => t.JsonPointer.Length == 0)], writer);
            writer.Complete();
        }

        var records = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var record in records.Where(r => r.TryGetProperty("payload", out _) && !r.GetProperty("meta").TryGetProperty("violation", out _)))
        {
            var target = contract.GetTarget(record.GetProperty("meta").GetProperty("target").GetString()!);
            Assert.True(contract.Validate(target, record.GetProperty("payload")).IsValid, record.GetRawText());
        }

        return (summaries, records);
    }

    private static GenerationOptions AllVariants(int count) => new() { Count = count, Variants = GenerationVariantNames.All };

    [Fact]
    public void Generate_Issue9_RequiredArrayOfImpossibleItems_IsEmpty()
    {
        var contract = GenerationFixtures.Load("list.json", """
            {"type":"object","properties":{"list":{"type":"array","items":{"type":"string","enum":[1,2]}}},"required":["list"]}
            """);

        var (summaries, records) = Run(contract, AllVariants(5));

        Assert.All(summaries, s => Assert.Null(s.Failure));
        foreach (var record in records.Where(r => !r.GetProperty("meta").TryGetProperty("violation", out _)))
        {
            Assert.Equal("""{"list":[]}""", record.GetProperty("payload").GetRawText());
        }
    }

    [Fact]
    public void Generate_Issue9_TwelveImpossibleOptionalProperties_AreLeftOut()
    {
        var properties = string.Join(",", Enumerable.Range(0, 12).Select(i => $"\"o{i}\":{{\"type\":\"object\",\"enum\":[\"on\",\"off\"]}}"));
        var contract = GenerationFixtures.Load(
            "flags.json",
            "{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{" + properties + ",\"id\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1}}}");

        var (summaries, records) = Run(contract, AllVariants(5));

        Assert.All(summaries, s => Assert.Null(s.Failure));
        Assert.All(summaries, s => Assert.Equal(0, s.Retries));
        foreach (var record in records.Where(r => !r.GetProperty("meta").TryGetProperty("violation", out _)))
        {
            Assert.Equal("""{"id":1}""", record.GetProperty("payload").GetRawText());
        }
    }

    [Fact]
    public void Generate_Issue9_AnyOfBranchRequiringAForbiddenProperty_IsNeverChosen()
    {
        var contract = GenerationFixtures.Load("closed.json", """
            {"type":"object","additionalProperties":false,"anyOf":[{"required":["x"]},{"required":["y"]},{"minProperties":0}]}
            """);

        var (summaries, records) = Run(contract, new GenerationOptions { Count = 30, Variants = [GenerationVariant.Typical, GenerationVariant.Maximal, GenerationVariant.Minimal] });

        // The two requiring branches can never hold: choosing them would cost a gate retry, which must not happen.
        Assert.All(summaries, s => Assert.Null(s.Failure));
        Assert.All(summaries, s => Assert.Equal(0, s.Retries));
        Assert.All(records, r => Assert.Equal("{}", r.GetProperty("payload").GetRawText()));
    }

    [Fact]
    public void Generate_MapWhoseEntriesCannotBeBuilt_IsEmpty()
    {
        var contract = GenerationFixtures.Load("map.json", """
            {"type":"object","additionalProperties":{"type":"integer","enum":["a"]}}
            """);

        var (summaries, records) = Run(contract, new GenerationOptions { Count = 20, Variants = [GenerationVariant.Typical, GenerationVariant.Maximal] });

        Assert.All(summaries, s => Assert.Null(s.Failure));
        Assert.All(records, r => Assert.Equal("{}", r.GetProperty("payload").GetRawText()));
    }

    [Fact]
    public void Generate_RequiredImpossibleProperty_IsUnsatisfiableWithItsReasonAndNoPayload()
    {
        var contract = GenerationFixtures.Load("never.json", """
            {"type":"object","required":["mode"],"properties":{"mode":{"type":"object","enum":["on","off"]}}}
            """);

        var (summaries, records) = Run(contract, new GenerationOptions { Count = 1000 });

        var summary = Assert.Single(summaries);
        Assert.Equal(0, summary.Generated);
        Assert.NotNull(summary.Failure);
        Assert.Equal(TargetFailureKinds.Unsatisfiable, summary.Failure.Kind);
        Assert.Contains("/properties/mode", summary.Failure.SchemaLocation, StringComparison.Ordinal);
        Assert.Contains("required property 'mode'", summary.Failure.Reason, StringComparison.Ordinal);
        // A proven conflict fails every index alike: the first is reported, the other 999 are not attempted.
        Assert.Equal(1, summary.Failed);
        Assert.Equal(999, summary.Skipped);
        var error = Assert.Single(records);
        Assert.False(error.TryGetProperty("payload", out _));
        Assert.Equal(0, error.GetProperty("meta").GetProperty("index").GetInt64());
        Assert.Equal("unsatisfiable", error.GetProperty("meta").GetProperty("errorKind").GetString());
    }

    [Fact]
    public void Generate_SomeIndexesFail_TheOthersAreWrittenAndEachFailureIsReportedInPlace()
    {
        // Only 9 is valid; the walker tries few values locally, so with one gate attempt about half the indexes fail.
        var contract = GenerationFixtures.Load("nine.json", """{"type":"integer","minimum":0,"maximum":9,"not":{"maximum":8}}""");

        var (summaries, records) = Run(contract, new GenerationOptions { Count = 60, MaxAttempts = 1 });

        var summary = Assert.Single(summaries);
        Assert.True(summary.Generated > 0, "some indexes succeed");
        Assert.True(summary.Failed > 0, "some indexes fail");
        Assert.Equal(60, summary.Generated + summary.Failed);
        Assert.Equal(0, summary.Skipped);
        Assert.Equal(summary.Failed, summary.Failures.Count);
        Assert.All(summary.Failures, f => Assert.Equal(TargetFailureKinds.GaveUp, f.Kind));
        Assert.All(summary.Failures, f => Assert.StartsWith("gave up after 1 attempts at #", f.Describe(), StringComparison.Ordinal));
        Assert.DoesNotContain("unsatisfiable", summary.Failures[0].Describe(), StringComparison.Ordinal);

        // One line per index, in order: a payload or an error record in its place.
        Assert.Equal(60, records.Count);
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(i, records[i].GetProperty("meta").GetProperty("index").GetInt64());
        }

        var failedIndexes = records.Where(r => r.GetProperty("meta").TryGetProperty("error", out _)).Select(r => r.GetProperty("meta").GetProperty("index").GetInt64());
        Assert.Equal(summary.Failures.Select(f => f.Index!.Value), failedIndexes);
        Assert.All(records.Where(r => r.TryGetProperty("payload", out _)), r => Assert.Equal("9", r.GetProperty("payload").GetRawText()));
    }

    [Fact]
    public void Generate_TargetThatDoesNotCompile_IsReportedAndTheOtherTargetsAreGenerated()
    {
        var contract = GenerationFixtures.Load("api.json", """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},
             "components":{"schemas":{"A":{"type":"integer"},"B":{"$ref":"#/components/schemas/Missing"},"C":{"type":"boolean"}}}}
            """);
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(new GenerationOptions { Count = 3 }).Generate(contract, null, writer);
            writer.Complete();
        }

        Assert.Equal(3, summaries.Count);
        Assert.Null(summaries.Single(s => s.Target.EndsWith("/A", StringComparison.Ordinal)).Failure);
        Assert.Null(summaries.Single(s => s.Target.EndsWith("/C", StringComparison.Ordinal)).Failure);
        var b = summaries.Single(s => s.Target.EndsWith("/B", StringComparison.Ordinal));
        Assert.Equal(TargetFailureKinds.Invalid, b.Failure!.Kind);
        Assert.Contains("Missing", b.Failure.Reason, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Count(l => l.Contains("\"payload\"", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains("\"error\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Generate_MalformedHintOnOneTarget_ReportsItByPointerAndGeneratesTheOthers(int parallelism)
    {
        var contract = GenerationFixtures.Load("hint.json", """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},
             "components":{"schemas":{"A":{"type":"string","x-mockgen":{"faker":"no.such"}},"B":{"type":"integer"}}}}
            """);
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(new GenerationOptions { Count = 3, Parallelism = parallelism }).Generate(contract, null, writer);
            writer.Complete();
        }

        var a = summaries.Single(s => s.Target.EndsWith("/A", StringComparison.Ordinal));
        Assert.Equal(TargetFailureKinds.Invalid, a.Failure!.Kind);
        Assert.Contains("/components/schemas/A/x-mockgen/faker", a.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(3, summaries.Single(s => s.Target.EndsWith("/B", StringComparison.Ordinal)).Generated);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("\"error\"", StringComparison.Ordinal));
    }
}
