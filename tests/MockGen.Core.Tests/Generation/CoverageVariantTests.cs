using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockGen.Core.Coverage;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Generation;

public sealed class CoverageVariantTests
{
    private static (byte[] Bytes, IReadOnlyList<TargetRunSummary> Summaries) Run(GenerationOptions options)
    {
        var contract = GenerationFixtures.LoadOrders();
        using var stream = new MemoryStream();
        IReadOnlyList<TargetRunSummary> summaries;
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            summaries = new DatasetGenerator(options).Generate(contract, [contract.Targets.First(t => t.JsonPointer.Length == 0)], writer);
            writer.Complete();
        }

        return (stream.ToArray(), summaries);
    }

    private static string[] Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static CoverageSummary Measure(byte[] dataset)
    {
        var contract = GenerationFixtures.LoadOrders();
        var coverage = TargetCoverage.Create(contract, contract.Targets.First(t => t.JsonPointer.Length == 0));
        foreach (var line in Lines(dataset))
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            if (meta.TryGetProperty("violation", out var violation))
            {
                coverage.ObserveViolation(violation.GetProperty("keyword").GetString()!, violation.GetProperty("schemaPath").GetString()!);
            }
            else
            {
                coverage.Observe(record.RootElement.GetProperty("payload"));
            }
        }

        return coverage.Summarize();
    }

    [Fact]
    public void Generate_Coverage_CoversMoreThanTypicalWithEveryPayloadPassingTheGate()
    {
        var (bytes, summaries) = Run(new GenerationOptions { Seed = "4", Variants = [GenerationVariant.Coverage] });
        var summary = Assert.Single(summaries);
        Assert.Equal(GenerationVariant.Coverage, summary.Variant);
        Assert.NotNull(summary.Coverage);
        Assert.Equal(Lines(bytes).Length, summary.Generated);

        // What the summary claims is what the written records measure.
        var measured = Measure(bytes);
        Assert.Equal(summary.Coverage!.Covered, measured.Covered);
        Assert.Equal(summary.Coverage.Total, measured.Total);

        var typical = Measure(Run(new GenerationOptions { Seed = "4", Count = summary.Generated, Variants = [GenerationVariant.Typical] }).Bytes);
        Assert.True(measured.Covered > typical.Covered, $"coverage {measured.Covered}/{measured.Total}, typical {typical.Covered}/{typical.Total}");

        var contract = GenerationFixtures.LoadOrders();
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        foreach (var line in Lines(bytes))
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            Assert.Equal("coverage", meta.GetProperty("variant").GetString());
            var result = contract.Validate(target, record.RootElement.GetProperty("payload"));
            if (meta.TryGetProperty("violation", out var violation))
            {
                var label = new PayloadViolation(violation.GetProperty("keyword").GetString()!, violation.GetProperty("instancePath").GetString()!, violation.GetProperty("schemaPath").GetString()!);
                Assert.True(ViolationMatch.IsMatchedBy(result, label.Keyword, label.InstancePath, label.SchemaPath), line);
            }
            else
            {
                Assert.True(result.IsValid, line);
            }
        }
    }

    [Fact]
    public void Generate_Coverage_IsDeterministicAndParallelEqualsSequential()
    {
        var first = Run(new GenerationOptions { Seed = "8", Variants = [GenerationVariant.Coverage] }).Bytes;
        var again = Run(new GenerationOptions { Seed = "8", Variants = [GenerationVariant.Coverage] }).Bytes;
        var parallel = Run(new GenerationOptions { Seed = "8", Variants = [GenerationVariant.Coverage], Parallelism = 3 }).Bytes;
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(again));
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(parallel));
    }

    [Fact]
    public void Generate_Coverage_StopsWhenNothingIsLeftAndIgnoresCount()
    {
        var small = Run(new GenerationOptions { Seed = "2", Count = 1, Variants = [GenerationVariant.Coverage] }).Summaries[0];
        var large = Run(new GenerationOptions { Seed = "2", Count = 1000, Variants = [GenerationVariant.Coverage] }).Summaries[0];
        Assert.Equal(small.Generated, large.Generated);
        Assert.True(small.Generated < 100);
    }

    [Fact]
    public void VariantNames_All_DoesNotIncludeCoverageButParsesIt()
    {
        Assert.DoesNotContain(GenerationVariant.Coverage, GenerationVariantNames.All);
        Assert.True(GenerationVariantNames.TryParse("coverage", out var v));
        Assert.Equal(GenerationVariant.Coverage, v);
    }
}
