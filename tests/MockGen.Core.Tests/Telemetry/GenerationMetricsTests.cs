using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Telemetry;
using MockGen.Core.Tests.Generation;

namespace MockGen.Core.Tests.Telemetry;

/// <summary>Issue 11: the generator's metrics, read through the OpenTelemetry SDK, equal what its summaries and dataset say.</summary>
public sealed class GenerationMetricsTests
{
    // "Rare" has one valid value in a hundred: the gate rejects most candidates on "not", so there are retries,
    // rejections and indexes that give up after 20 attempts. "Pet" gives negative payloads of several keywords.
    private const string Schema = """
        {"$defs":{"Rare":{"type":"integer","minimum":0,"maximum":99,"not":{"maximum":98}},
                  "Pet":{"type":"object","required":["name","age"],"additionalProperties":false,
                         "properties":{"name":{"type":"string","minLength":2,"maxLength":8},"age":{"type":"integer","minimum":0,"maximum":30},"tag":{"enum":["a","b"]}}}}}
        """;

    private static (IReadOnlyList<TargetRunSummary> Summaries, string Dataset) Run(Contract contract, string tenant, IReadOnlyList<GenerationVariant> variants)
    {
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        var targets = contract.Targets.Where(t => t.JsonPointer.StartsWith("/$defs/", StringComparison.Ordinal)).ToList();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(new GenerationOptions { Count = 40, Variants = variants, Tenant = tenant, Seed = "7" }).Generate(contract, targets, writer);
            writer.Complete();
        }

        return (summaries, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Generate_WithMeterListening_CountsEqualTheSummaries()
    {
        var tenant = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var contract = GenerationFixtures.Load("metrics.json", Schema);
        using var capture = new TelemetryCapture(tenant);

        var (summaries, _) = Run(contract, tenant, [GenerationVariant.Typical, GenerationVariant.Minimal]);

        Assert.True(summaries.Sum(s => s.Retries) > 0 && summaries.Sum(s => s.Failed) > 0, "the fixture must exercise retries and failures");
        Assert.Equal(summaries.Sum(s => s.Generated), capture.Sum("mockgen.payloads.generated"));
        Assert.Equal(summaries.Sum(s => s.Bytes), capture.Sum("mockgen.payloads.bytes"));
        Assert.Equal(summaries.Sum(s => s.Failed), capture.Sum("mockgen.payloads.failed"));
        Assert.Equal(summaries.Sum(s => s.Retries), capture.Sum("mockgen.gate.retries"));
        foreach (var s in summaries)
        {
            var tags = new (string, object)[] { (TelemetryTags.Contract, "metrics.json"), (TelemetryTags.Target, s.Target), (TelemetryTags.Variant, s.Variant.ToName()) };
            Assert.Equal(s.Generated, capture.Sum("mockgen.payloads.generated", tags));
            Assert.Equal(s.Retries, capture.Sum("mockgen.gate.retries", tags));
            Assert.Equal(s.Failed, capture.Sum("mockgen.payloads.failed", [.. tags, (TelemetryTags.FailureKind, TargetFailureKinds.GaveUp)]));
        }

        // The rejections that caused Rare's retries were made by its "not"; Pet's first candidates all pass.
        Assert.Equal(["not"], capture.TagValues("mockgen.gate.rejections", TelemetryTags.Keyword));
        Assert.Equal(["not"], capture.TagValues("mockgen.gate.retries", TelemetryTags.Keyword));
        Assert.Equal(0, capture.Sum("mockgen.gate.rejections", (TelemetryTags.Target, "#/$defs/Pet")));
        Assert.Equal(0, capture.Sum("mockgen.targets.unsatisfiable"));
    }

    [Fact]
    public void Generate_Negative_CountsEachViolatedKeywordAsTheRecordsLabelIt()
    {
        var tenant = "negative-" + Guid.NewGuid().ToString("N")[..8];
        var contract = GenerationFixtures.Load("metrics.json", Schema);
        using var capture = new TelemetryCapture(tenant);

        var (_, dataset) = Run(contract, tenant, [GenerationVariant.Negative]);

        var labels = dataset.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("meta"))
            .Where(m => m.TryGetProperty("violation", out _))
            .GroupBy(m => m.GetProperty("violation").GetProperty("keyword").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.True(labels.Count >= 3, string.Join(", ", labels.Keys));
        Assert.Equal(labels.Keys.Order(StringComparer.Ordinal), capture.TagValues("mockgen.payloads.negative", TelemetryTags.Keyword));
        foreach (var (keyword, count) in labels)
        {
            Assert.Equal(count, capture.Sum("mockgen.payloads.negative", (TelemetryTags.Keyword, keyword)));
        }
    }

    [Fact]
    public void Generate_Unsatisfiable_CountsTheTargetOnce()
    {
        var tenant = "unsat-" + Guid.NewGuid().ToString("N")[..8];
        var contract = GenerationFixtures.Load("unsat.json", """{"$defs":{"Never":{"type":"string","enum":[1,2]}}}""");
        using var capture = new TelemetryCapture(tenant);

        var (summaries, _) = Run(contract, tenant, [GenerationVariant.Typical]);

        Assert.Equal(TargetFailureKinds.Unsatisfiable, Assert.Single(summaries).Failure?.Kind);
        Assert.Equal(1, capture.Sum("mockgen.targets.unsatisfiable", (TelemetryTags.Target, "#/$defs/Never")));
        Assert.Equal(1, capture.Sum("mockgen.payloads.failed", (TelemetryTags.FailureKind, TargetFailureKinds.Unsatisfiable)));
    }

    [Fact]
    public void Generate_ListenedOrNot_WritesTheSameBytes()
    {
        var contract = GenerationFixtures.Load("metrics.json", Schema);
        var (_, before) = Run(contract, "bytes", GenerationVariantNames.All);
        string after;
        using (new TelemetryCapture("bytes"))
        {
            (_, after) = Run(contract, "bytes", GenerationVariantNames.All);
        }

        Assert.Equal(before, after);
    }
}
