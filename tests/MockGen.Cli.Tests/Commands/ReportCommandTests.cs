using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Core.Contracts;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

/// <summary>Issue 11: <c>mockgen report</c>'s JSON (coverage counts, distributions, gate) and its self-contained HTML.</summary>
public sealed partial class ReportCommandTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["kind", "age"],
          "additionalProperties": false,
          "properties": {
            "kind": { "enum": ["cat", "dog"] },
            "age": { "type": "integer", "minimum": 0, "maximum": 20 },
            "nick": { "type": ["string", "null"], "maxLength": 8 },
            "tags": { "type": "array", "maxItems": 3, "items": { "type": "string" } }
          }
        }
        """;

    private static async Task<string> RootTargetAsync(string contractPath) =>
        (await new ContractLoader().LoadAsync(contractPath)).Targets.Single(t => t.JsonPointer.Length == 0).Id;

    private static string Record(string target, string payload, string variant = "typical", string extra = "") =>
        $$"""{"meta": {"target": {{JsonSerializer.Serialize(target)}}, "variant": "{{variant}}"{{extra}}}, "payload": {{payload}}}""";

    private static async Task<(string Contract, string Target)> ContractAsync(TempFolder folder)
    {
        var path = folder.Write("pets.schema.json", Schema);
        return (path, await RootTargetAsync(path));
    }

    [Fact]
    public async Task Report_Json_HasTheCoverageCountsDistributionsAndGateOfTheDataset()
    {
        using var folder = new TempFolder();
        var (contract, target) = await ContractAsync(folder);
        var dataset = folder.Write("pets.ndjson", string.Join('\n',
            Record(target, """{"kind": "cat", "age": 0, "nick": "Tom", "tags": []}"""),
            Record(target, """{"kind": "cat", "age": 20, "nick": null, "tags": ["a", "b"]}"""),
            Record(target, """{"kind": "cat", "age": 10}"""),
            Record(target, """{"kind": "dog", "age": 21}""", "negative", """, "violation": {"keyword": "maximum", "schemaPath": "/properties/age/maximum", "instancePath": "/age"}""")) + "\n");
        var json = Path.Combine(folder.Path, "report.json");

        var run = await CliRun.RunAsync(["report", contract, dataset, "--json", json]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = report.RootElement;
        Assert.Equal(4, root.GetProperty("records").GetInt64());
        Assert.Equal(0, root.GetProperty("unreadableLines").GetInt64());
        var t = Assert.Single(root.GetProperty("targets").EnumerateArray().ToList());
        Assert.Equal(target, t.GetProperty("target").GetString());
        Assert.Equal(3, t.GetProperty("variants").GetProperty("typical").GetInt64());
        Assert.Equal(1, t.GetProperty("variants").GetProperty("negative").GetInt64());

        var gate = t.GetProperty("gate");
        Assert.Equal((3, 3, 0), (gate.GetProperty("payloads").GetInt64(), gate.GetProperty("valid").GetInt64(), gate.GetProperty("invalid").GetInt64()));
        Assert.Equal((1, 1), (gate.GetProperty("negatives").GetInt64(), gate.GetProperty("negativesAsLabelled").GetInt64()));
        Assert.Equal(1, gate.GetProperty("violations").GetProperty("maximum").GetInt64());

        // Coverage: "cat" only of the enum; both age bounds; nick and tags present and absent; the maximum broken.
        var coverage = t.GetProperty("coverage");
        var categories = coverage.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, StringComparer.Ordinal);
        Assert.Equal((1, 2), (categories["enum"].GetProperty("covered").GetInt32(), categories["enum"].GetProperty("total").GetInt32()));
        Assert.Equal((2, 2), (categories["numberBound"].GetProperty("covered").GetInt32(), categories["numberBound"].GetProperty("total").GetInt32()));
        Assert.Equal((4, 4), (categories["optional"].GetProperty("covered").GetInt32(), categories["optional"].GetProperty("total").GetInt32()));
        Assert.True(categories["violation"].GetProperty("covered").GetInt32() >= 1);
        Assert.Equal(categories.Values.Sum(c => c.GetProperty("covered").GetInt32()), coverage.GetProperty("covered").GetInt32());
        Assert.Equal(categories.Values.Sum(c => c.GetProperty("total").GetInt32()), coverage.GetProperty("total").GetInt32());
        Assert.Equal(Math.Round((double)coverage.GetProperty("covered").GetInt32() / coverage.GetProperty("total").GetInt32(), 4), coverage.GetProperty("ratio").GetDouble());
        var uncovered = coverage.GetProperty("uncovered").EnumerateArray().ToList();
        Assert.Contains(uncovered, i => i.GetProperty("schemaLocation").GetString() == "#/properties/kind/enum/1" && i.GetProperty("category").GetString() == "enum");
        Assert.DoesNotContain(uncovered, i => i.GetProperty("schemaLocation").GetString() == "#/properties/age/maximum" && i.GetProperty("category").GetString() == "violation");
        Assert.Equal(uncovered.Count, coverage.GetProperty("total").GetInt32() - coverage.GetProperty("covered").GetInt32());

        // Distributions of the valid payloads (negatives are not values of the contract).
        var fields = t.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, StringComparer.Ordinal);
        var age = fields["/age"].GetProperty("numbers");
        Assert.Equal((3, 0.0, 20.0), (age.GetProperty("count").GetInt64(), age.GetProperty("min").GetDouble(), age.GetProperty("max").GetDouble()));
        Assert.Equal([1, 0, 0, 0, 0, 1, 0, 0, 0, 1], age.GetProperty("histogram").EnumerateArray().Select(b => b.GetInt64()));
        Assert.Equal((2, 1, 0.5), (fields["/nick"].GetProperty("count").GetInt64(), fields["/nick"].GetProperty("nulls").GetInt64(), fields["/nick"].GetProperty("nullShare").GetDouble()));
        var kind = fields["/kind"].GetProperty("strings");
        Assert.Equal(1, kind.GetProperty("distinct").GetInt64());
        Assert.Equal(("cat", 3), (kind.GetProperty("top")[0].GetProperty("value").GetString(), kind.GetProperty("top")[0].GetProperty("count").GetInt64()));
        Assert.Equal((3, 3), (kind.GetProperty("minLength").GetInt64(), kind.GetProperty("maxLength").GetInt64()));
        var sizes = fields["/tags"].GetProperty("arraySizes");
        Assert.Equal((1, 1), (sizes.GetProperty("0").GetInt64(), sizes.GetProperty("2").GetInt64()));
        Assert.Equal(2, fields["/tags/*"].GetProperty("count").GetInt64());

        // The summary on stdout says the same.
        Assert.Contains("4 records, 0 unreadable", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Html_IsOneSelfContainedPrintableFileWithInlineSvgCharts()
    {
        using var folder = new TempFolder();
        var (contract, target) = await ContractAsync(folder);
        var dataset = folder.Write("pets.ndjson", string.Join('\n',
            Record(target, """{"kind": "cat", "age": 3, "nick": "Tom <b>", "tags": ["x"]}"""),
            Record(target, """{"kind": "dog", "age": 7}""")) + "\n");
        var html = Path.Combine(folder.Path, "report.html");

        var run = await CliRun.RunAsync(["report", contract, dataset, "--html", html]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);

        // Nothing is fetched: no script at all, no external stylesheet, image, font or link to another origin.
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(SrcAttribute().Matches(text));
        Assert.Empty(ExternalHref().Matches(text));

        // Charts are inline SVG drawn by MockGen: the coverage bars and one histogram per numeric field; it prints.
        Assert.Contains("<style>", text, StringComparison.Ordinal);
        Assert.Contains("@media print", text, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"coverage per category\"", text, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"number histogram\"", text, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"array sizes\"", text, StringComparison.Ordinal);
        Assert.True(Regex.Count(text, "<svg ") >= 3);

        // Dataset values are escaped, never markup.
        Assert.DoesNotContain("Tom <b>", text, StringComparison.Ordinal);
        Assert.Contains("#/properties/kind/enum", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InvalidPayloadAndUnreadableLine_ExitOneNamingTheLines()
    {
        using var folder = new TempFolder();
        var (contract, target) = await ContractAsync(folder);
        var dataset = folder.Write("pets.ndjson", string.Join('\n',
            Record(target, """{"kind": "cat", "age": 3}"""),
            Record(target, """{"kind": "cow", "age": 3}"""),
            "{not json",
            Record(target, """{"kind": "dog", "age": 5}""", "negative", """, "violation": {"keyword": "maximum", "schemaPath": "/properties/age/maximum", "instancePath": "/age"}""")) + "\n");

        var run = await CliRun.RunAsync(["report", contract, dataset, "--json", "-"]);

        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Out);
        Assert.Equal(1, report.RootElement.GetProperty("unreadableLines").GetInt64());
        Assert.Equal(3, report.RootElement.GetProperty("unreadable")[0].GetProperty("line").GetInt64());
        var gate = report.RootElement.GetProperty("targets")[0].GetProperty("gate");
        Assert.Equal((2, 1, 1), (gate.GetProperty("payloads").GetInt64(), gate.GetProperty("valid").GetInt64(), gate.GetProperty("invalid").GetInt64()));
        Assert.Equal((1, 0), (gate.GetProperty("negatives").GetInt64(), gate.GetProperty("negativesAsLabelled").GetInt64()));
        var failures = gate.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("line").GetInt64()).ToList();
        Assert.Equal([2, 4], failures);

        // With --json -, the summary goes to stderr and names the lines.
        Assert.Contains("line 3: not JSON", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 2: " + target, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MissingDataset_ExitTwoNamingIt()
    {
        using var folder = new TempFolder();
        var (contract, _) = await ContractAsync(folder);
        var missing = Path.Combine(folder.Path, "nope.ndjson");

        var run = await CliRun.RunAsync(["report", contract, missing]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.ndjson", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Report_CoverageVariantOfTheSample_CoversMoreThanTypical_FromStdin()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml");
        var typical = await CliRun.RunAsync(["generate", sample, "--target", "Payment", "--count", "10"]);
        var coverage = await CliRun.RunAsync(["generate", sample, "--target", "Payment", "--variant", "coverage"]);
        Assert.True(typical.ExitCode == 0 && coverage.ExitCode == 0, typical + "\n" + coverage);

        var ofTypical = await CliRun.RunAsync(["report", sample, "-", "--json", "-"], typical.Out);
        var ofCoverage = await CliRun.RunAsync(["report", sample, "-", "--json", "-"], coverage.Out);

        Assert.True(ofTypical.ExitCode == 0 && ofCoverage.ExitCode == 0, ofTypical + "\n" + ofCoverage);
        var (typicalCovered, total) = Covered(ofTypical.Out);
        var (coverageCovered, coverageTotal) = Covered(ofCoverage.Out);
        Assert.Equal(total, coverageTotal);
        Assert.True(coverageCovered > typicalCovered, $"coverage {coverageCovered}/{total}, typical {typicalCovered}/{total}");
        Assert.Contains("<stdin>", ofCoverage.Out, StringComparison.Ordinal);
    }

    private static (int Covered, int Total) Covered(string json)
    {
        using var report = JsonDocument.Parse(json);
        // Every target of the contract is listed; only Payment has records.
        var c = Assert.Single(report.RootElement.GetProperty("targets").EnumerateArray(), t => t.GetProperty("name").GetString() == "Payment").GetProperty("coverage");
        return (c.GetProperty("covered").GetInt32(), c.GetProperty("total").GetInt32());
    }

    [GeneratedRegex("""\ssrc\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex("""href\s*=\s*"(?!#)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalHref();
}
