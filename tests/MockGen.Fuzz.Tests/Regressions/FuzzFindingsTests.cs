using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Fuzz.Tests.Regressions;

/// <summary>The crashes the fuzz targets found (issue 12), each kept as the smallest input that showed it.</summary>
public sealed class FuzzFindingsTests
{
    /// <summary>
    /// Found by the deep-chain target: a $ref chain of 16,000 links (d0 → d1 → … → integer) overflowed the stack in
    /// the generator's PayloadWalker.Collect and killed the process. Now the generator gives up at its depth limit
    /// with an error record naming it, the validator answers with its own depth error, and the process lives.
    /// </summary>
    [Theory]
    [InlineData(16_000)]
    [InlineData(40_000)]
    public void Generate_RefChainDeeperThanTheLimit_ErrorRecordNotStackOverflow_Issue12(int links)
    {
        var text = new StringBuilder("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$ref\":\"#/$defs/d0\",\"$defs\":{");
        for (var i = 0; i < links; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"d{i}\":{{\"$ref\":\"#/$defs/d{i + 1}\"}},");
        }

        text.Append(CultureInfo.InvariantCulture, $"\"d{links}\":{{\"type\":\"integer\"}}}}}}");
        var contract = new ContractLoader().Load("chain.json", Encoding.UTF8.GetBytes(text.ToString()));
        var root = contract.Targets.First(t => t.JsonPointer.Length == 0);

        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "1", Count = 1 }).Generate(contract, [root], writer);
            writer.Complete();
        }

        using var record = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[0]);
        var error = record.RootElement.GetProperty("meta").GetProperty("error").GetString();
        Assert.Contains("deeper than the generator's limit of 1500 levels", error, StringComparison.Ordinal);

        using var instance = JsonDocument.Parse("1");
        var verdict = contract.Validate(root, instance.RootElement);
        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Errors, e => e.Message.Contains("limit of 1500 levels", StringComparison.Ordinal));
    }

    /// <summary>
    /// Found by the pattern target: <c>]z\0{1000}b\b[]</c> (reduced to <c>a{1000}[]</c>) allocated 1.3 GB for two
    /// payloads, because every attempt built the 1,000-character prefix before failing at the empty class. The
    /// pattern can never match; now generation refuses it at once (an error record) and allocates almost nothing.
    /// An empty class under an optional quantifier or in one alternative still generates.
    /// </summary>
    [Theory]
    [InlineData("a{1000}[]", false)]
    [InlineData("]z\\\\0{1000}b\\\\b[]", false)]
    [InlineData("^(a{1000}[]|b)$", true)]
    [InlineData("^a([])*$", true)]
    public void Generate_PatternThroughAnEmptyClass_RefusedWithoutAmplification_Issue12(string pattern, bool satisfiable)
    {
        var contract = new ContractLoader().Load("p.json", Encoding.UTF8.GetBytes("{\"type\":\"string\",\"pattern\":\"" + pattern + "\"}"));
        var root = contract.Targets.First(t => t.JsonPointer.Length == 0);
        contract.Compile(root);

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "fuzz", Count = 2, MaxAttempts = 20 }).Generate(contract, [root], writer);
            writer.Complete();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated >> 20} MB allocated for two payloads");
        foreach (var line in Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            Assert.Equal(satisfiable, record.RootElement.TryGetProperty("payload", out var payload));
            if (satisfiable)
            {
                Assert.True(contract.Validate(root, payload).IsValid, line);
            }
        }
    }

    /// <summary>A chain just inside both limits still generates valid payloads: the bound did not cut real schemas.</summary>
    [Fact]
    public void Generate_RefChainOf1000Links_GeneratesValidPayloads()
    {
        var text = new StringBuilder("{\"$ref\":\"#/$defs/d0\",\"$defs\":{");
        for (var i = 0; i < 1000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"d{i}\":{{\"$ref\":\"#/$defs/d{i + 1}\"}},");
        }

        text.Append("\"d1000\":{\"type\":\"integer\",\"minimum\":5}}}");
        var contract = new ContractLoader().Load("chain.json", Encoding.UTF8.GetBytes(text.ToString()));
        var root = contract.Targets.First(t => t.JsonPointer.Length == 0);

        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "1", Count = 3 }).Generate(contract, [root], writer);
            writer.Complete();
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            var payload = record.RootElement.GetProperty("payload");
            Assert.True(payload.GetInt64() >= 5, line);
            Assert.True(contract.Validate(root, payload).IsValid);
        }
    }

    /// <summary>
    /// Found by the openapi-structure target (seed 8mCrB8Kkcov1): <c>{"minItems":1E+308}</c> with no type made the
    /// boundary variant build a capped 100,000-item array on each of its 20 attempts, allocating ~945 MB for two
    /// payloads. Now an array needing more items than the generator builds fails at once, naming the keyword.
    /// </summary>
    [Theory]
    [InlineData("1E+308")]
    [InlineData("100001")]
    public void Generate_MinItemsBeyondTheCap_FailsAtOnceWithoutBuildingTheArray_Issue12(string minItems)
    {
        var text = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"array\",\"minItems\":" + minItems + "}";
        var contract = new ContractLoader().Load("many.json", Encoding.UTF8.GetBytes(text));
        var root = contract.Targets.First(t => t.JsonPointer.Length == 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "fuzz", Count = 2, MaxAttempts = 20, Variants = [GenerationVariant.Boundary] }).Generate(contract, [root], writer);
            writer.Complete();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        using var record = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[0]);
        var error = record.RootElement.GetProperty("meta").GetProperty("error").GetString();
        Assert.Contains("more than the generator builds (100000)", error, StringComparison.Ordinal);
        Assert.Contains("/minItems", error, StringComparison.Ordinal);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB");
    }

    /// <summary>
    /// Noticed beside the minItems finding: a <c>minContains</c> past the cap was clamped to it silently, so every
    /// attempt built 100,000 items the gate then refused. Now it fails at once too, naming <c>minContains</c>.
    /// </summary>
    [Fact]
    public void Generate_MinContainsBeyondTheCap_FailsAtOnceNamingTheKeyword()
    {
        const string text = """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"array","contains":{"type":"integer"},"minContains":100001}""";
        var contract = new ContractLoader().Load("contains.json", Encoding.UTF8.GetBytes(text));
        var root = contract.Targets.First(t => t.JsonPointer.Length == 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            new DatasetGenerator(new GenerationOptions { Seed = "fuzz", Count = 2, MaxAttempts = 20 }).Generate(contract, [root], writer);
            writer.Complete();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        using var record = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[0]);
        var error = record.RootElement.GetProperty("meta").GetProperty("error").GetString();
        Assert.Contains("100001 matching items, more than the generator builds (100000)", error, StringComparison.Ordinal);
        Assert.Contains("/minContains", error, StringComparison.Ordinal);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB");
    }
}
