using System.Text.Json;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

/// <summary>Issue 9, "Never abort a folder": a bad contract or target is reported and the rest is generated.</summary>
public sealed class GenerateFolderTests
{
    // b.json's $ref cannot resolve: it loads (it is JSON Schema) but its target cannot be compiled. The issue's own
    // repro (b.json with pattern ^[a-z\_]+$) is run too, but the Annex B work may make that pattern valid.
    private const string Unresolvable = """{ "type": "object", "properties": { "x": { "$ref": "#/$defs/missing" } } }""";

    [Theory]
    [InlineData(Unresolvable)]
    [InlineData("""{ "type": "string", "pattern": "^[a-z\\_]+$" }""")]
    public async Task Generate_FolderWithOneBadContract_GeneratesTheRestAndExitsOneWhenSomethingFailed(string bad)
    {
        using var folder = new TempFolder();
        folder.Write("a.json", """{ "type": "integer" }""");
        folder.Write("b.json", bad);
        folder.Write("c.json", """{ "type": "string", "minLength": 2 }""");

        var run = await CliRun.RunAsync(["generate", folder.Path, "--count", "3"]);

        var records = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var payloads = records.Where(r => r.TryGetProperty("payload", out _)).ToList();
        Assert.Equal(3, payloads.Count(r => r.GetProperty("meta").GetProperty("contract").GetString() == "a.json"));
        Assert.All(payloads.Where(r => r.GetProperty("meta").GetProperty("contract").GetString() == "a.json"), r => Assert.Equal(JsonValueKind.Number, r.GetProperty("payload").ValueKind));
        // c.json comes after the bad file and is still generated.
        Assert.Equal(3, payloads.Count(r => r.GetProperty("meta").GetProperty("contract").GetString() == "c.json"));
        var errors = records.Where(r => r.GetProperty("meta").TryGetProperty("error", out _)).ToList();
        if (errors.Count == 0)
        {
            // The pattern became valid (Annex B): then b.json simply has payloads and the run succeeds.
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(3, payloads.Count(r => r.GetProperty("meta").GetProperty("contract").GetString() == "b.json"));
            return;
        }

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = Assert.Single(errors);
        Assert.Equal("b.json", error.GetProperty("meta").GetProperty("contract").GetString());
        Assert.False(error.TryGetProperty("payload", out _));
        Assert.Contains("b.json", error.GetProperty("meta").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("b.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("3 contracts: 3 loaded, 0 not loaded", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_FolderOfManyContracts_SummarisesEveryTargetOnePlainLineEach()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 45; i++)
        {
            folder.Write($"s{i:D2}.json", """{ "type": "integer" }""");
        }

        var run = await CliRun.RunAsync(["generate", folder.Path, "--count", "1"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Error.Split('\n');
        // Past the rendered table's size the summary is plain aligned text: a header, a rule, one line per target run.
        var header = Array.FindIndex(lines, l => l.TrimStart().StartsWith("contract", StringComparison.Ordinal) && l.Contains("payloads/s", StringComparison.Ordinal));
        Assert.True(header >= 0, run.Error);
        Assert.StartsWith(" ─", lines[header + 1], StringComparison.Ordinal);
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith(" s", StringComparison.Ordinal)).ToList();
        Assert.Equal(45, rows.Count);
        Assert.StartsWith(" s00.json ", rows[0], StringComparison.Ordinal);
        Assert.Contains(" typical ", rows[0], StringComparison.Ordinal);
        Assert.Contains("45 contracts: 45 loaded, 0 not loaded; 45 target runs: 45 complete, 0 with failures", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_FolderWithUnloadableFile_ReportsItOnStderrAndAsErrorRecord()
    {
        using var folder = new TempFolder();
        folder.Write("a.json", """{ "type": "integer" }""");
        folder.Write("broken.json", """{ "type": "integer", """);
        folder.Write("z.yaml", "type: boolean\n");

        var run = await CliRun.RunAsync(["generate", folder.Path, "--count", "2"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("broken.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("broken.json: not loaded", run.Error, StringComparison.Ordinal);
        var records = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, records.Count(r => r.TryGetProperty("payload", out _)));
        var error = Assert.Single(records, r => r.GetProperty("meta").TryGetProperty("error", out _));
        Assert.Equal("broken.json", error.GetProperty("meta").GetProperty("contract").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("meta").GetProperty("contractVersion").ValueKind);
    }

    [Fact]
    public async Task Generate_FolderWhereNothingLoads_ExitsTwo()
    {
        using var folder = new TempFolder();
        folder.Write("x.json", "[1, 2");
        folder.Write("y.json", "{ \"openapi\": \"9.9.9\" }");

        var run = await CliRun.RunAsync(["generate", folder.Path, "--count", "2"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("x.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("y.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_FolderToFile_FlushesEverythingGatedBeforeAndAfterTheBadContract()
    {
        using var folder = new TempFolder();
        var contracts = Path.Combine(folder.Path, "contracts");
        folder.Write("contracts/a.json", """{ "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 200 } } }""");
        folder.Write("contracts/b.json", Unresolvable);
        var output = Path.Combine(folder.Path, "out.ndjson");

        // Enough payloads that the writer's 64 KiB buffer has spilled and holds more when the bad contract comes.
        var run = await CliRun.RunAsync(["generate", contracts, "--count", "600", "--out", output]);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal(600, lines.Count(l => l.Contains("\"payload\"", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains("\"error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_FolderDatasetWithErrorRecordsAndABrokenContract_GivesErrorVerdictsAndValidatesTheRest()
    {
        using var folder = new TempFolder();
        var contracts = Path.Combine(folder.Path, "contracts");
        folder.Write("contracts/a.json", """{ "type": "integer" }""");
        folder.Write("contracts/b.json", Unresolvable);
        var generate = await CliRun.RunAsync(["generate", contracts, "--count", "2"]);
        Assert.True(generate.ExitCode == 1, generate.ToString());

        // Then a contract breaks after its records were written: its records get an error verdict too.
        folder.Write("contracts/c.json", """{ "type": "string" }""");
        var dataset = generate.Out + """{"meta":{"contract":"c.json","target":"#"},"payload":"x"}""" + "\n";
        folder.Write("contracts/c.json", """{ "type": "string", """);
        folder.Write("dataset.ndjson", dataset);

        var validate = await CliRun.RunAsync(["validate", contracts, Path.Combine(folder.Path, "dataset.ndjson")]);

        Assert.True(validate.ExitCode == 1, validate.ToString());
        var verdicts = validate.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, verdicts.Count);
        Assert.True(verdicts[0].GetProperty("valid").GetBoolean());
        Assert.True(verdicts[1].GetProperty("valid").GetBoolean());
        Assert.False(verdicts[2].GetProperty("valid").GetBoolean());
        Assert.Contains("b.json", verdicts[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(verdicts[3].GetProperty("valid").GetBoolean());
        Assert.Contains("c.json", verdicts[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("2 valid, 0 invalid, 2 errors", validate.Error, StringComparison.Ordinal);
    }
}
