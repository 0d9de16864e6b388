using System.Text.Json;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

public sealed class GenerateCommandTests
{
    private const string Orders = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Orders", "version": "1" },
          "paths": {
            "/orders": {
              "post": {
                "operationId": "createOrder",
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } },
                "responses": { "201": { "description": "created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Order": {
                "type": "object",
                "required": ["id", "tenantId", "total", "status"],
                "properties": {
                  "id": { "type": "string", "format": "uuid", "readOnly": true },
                  "tenantId": { "type": "string" },
                  "total": { "type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 5000, "multipleOf": 0.01 },
                  "status": { "type": "string", "enum": ["new", "paid"] },
                  "note": { "type": "string", "nullable": true, "maxLength": 40 },
                  "code": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$" }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task Generate_Contract_OutputRoundTripsThroughValidate()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("orders.json", Orders);
        var output = Path.Combine(folder.Path, "out", "orders.ndjson");

        var generate = await CliRun.RunAsync(["generate", contract, "--count", "20", "--variant", "all", "--tenant", "acme", "--out", output]);

        Assert.True(generate.ExitCode == 0, generate.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal(3 * 20 * 5, lines.Length);
        var validate = await CliRun.RunAsync(["validate", contract, output]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task Generate_SampleContract_EveryTargetProducesAndValidates()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "payments-api.yaml");
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "payments.ndjson");

        var generate = await CliRun.RunAsync(["generate", sample, "--count", "5", "--out", output, "--parallel", "2"]);

        Assert.True(generate.ExitCode == 0, generate.ToString());
        var validate = await CliRun.RunAsync(["validate", sample, output]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task Generate_SampleContractAllVariants_ValidatesWithNegativesAsLabelled()
    {
        // PaymentMethod is a root oneOf: its negatives break the choice itself.
        var sample = Path.Combine(RepositoryRoot(), "samples", "payments-api.yaml");
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "payments-all.ndjson");

        var generate = await CliRun.RunAsync(["generate", sample, "--count", "5", "--variant", "all", "--out", output, "--parallel", "2"]);

        Assert.True(generate.ExitCode == 0, generate.ToString());
        var methodNegatives = new List<string?>();
        foreach (var line in File.ReadLines(output))
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            if (meta.GetProperty("target").GetString() == "#/components/schemas/PaymentMethod" && meta.GetProperty("variant").GetString() == "negative")
            {
                methodNegatives.Add(meta.GetProperty("violation").GetProperty("keyword").GetString());
            }
        }

        Assert.Equal(5, methodNegatives.Count);
        Assert.All(methodNegatives, keyword => Assert.Equal("oneOf", keyword));
        var validate = await CliRun.RunAsync(["validate", sample, output]);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("0 negative not as labelled", validate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ToStandardOutput_WritesOneRecordPerLine()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("orders.json", Orders);

        var run = await CliRun.RunAsync(["generate", contract, "--target", "#/components/schemas/Order", "--count", "3", "--tenant", "t-1", "--env", "ci", "--run-id", "r-9"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.OutLines.Length);
        foreach (var line in run.OutLines)
        {
            using var record = JsonDocument.Parse(line);
            var meta = record.RootElement.GetProperty("meta");
            Assert.Equal("#/components/schemas/Order", meta.GetProperty("target").GetString());
            Assert.Equal("ci", meta.GetProperty("environment").GetString());
            Assert.Equal("r-9", meta.GetProperty("testRunId").GetString());
            Assert.Equal("t-1", record.RootElement.GetProperty("payload").GetProperty("tenantId").GetString());
            Assert.Matches("^[A-Z]{3}-[0-9]{4}$", record.RootElement.GetProperty("payload").TryGetProperty("code", out var code) ? code.GetString()! : "ABC-1234");
        }
    }

    [Fact]
    public async Task Generate_SameSeed_SameBytes_OtherSeed_OtherBytes()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("orders.json", Orders);
        string[] args = ["generate", contract, "--count", "10", "--seed", "s1"];

        var first = await CliRun.RunAsync(args);
        var second = await CliRun.RunAsync([.. args, "--parallel", "3"]);
        var allCores = await CliRun.RunAsync([.. args, "--parallel"]);
        var other = await CliRun.RunAsync(["generate", contract, "--count", "10", "--seed", "s2"]);

        Assert.Equal(first.Out, second.Out);
        Assert.True(allCores.ExitCode == 0, allCores.ToString());
        Assert.Equal(first.Out, allCores.Out);
        Assert.NotEqual(first.Out, other.Out);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("json")]
    public async Task Generate_Formats_WriteBarePayloadsOrOneArray(string format)
    {
        using var folder = new TempFolder();
        var contract = folder.Write("orders.json", Orders);

        var run = await CliRun.RunAsync(["generate", contract, "--target", "#/components/schemas/Order", "--count", "4", "--format", format]);

        Assert.True(run.ExitCode == 0, run.ToString());
        if (format == "json")
        {
            using var array = JsonDocument.Parse(run.Out);
            Assert.Equal(4, array.RootElement.GetArrayLength());
        }
        else
        {
            Assert.All(run.OutLines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("status", out _), line));
        }
    }

    [Fact]
    public async Task Generate_UnsatisfiableTarget_ExitsOneNamingTheLocation()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("bad.json", """{ "type": "string", "minLength": 5, "maxLength": 2 }""");

        var run = await CliRun.RunAsync(["generate", contract, "--count", "2"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("unsatisfiable at #/minLength", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--variant", "weird", "--variant: 'weird'")]
    [InlineData("--format", "xml", "--format: 'xml'")]
    [InlineData("--count", "-4", "--count: must be 0 or more")]
    [InlineData("--target", "#/components/schemas/Nope", "Nope")]
    public async Task Generate_BadOption_ExitsTwoWithTheReason(string option, string value, string expected)
    {
        using var folder = new TempFolder();
        var contract = folder.Write("orders.json", Orders);

        var run = await CliRun.RunAsync(["generate", contract, option, value]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Generate_MissingOrMalformedContract_ExitsTwoNamingTheFile()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("broken.json", "{ \"openapi\": \"3.1.0\", ");

        var missing = await CliRun.RunAsync(["generate", Path.Combine(folder.Path, "nope.yaml")]);
        var malformed = await CliRun.RunAsync(["generate", broken]);

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("nope.yaml", missing.Error, StringComparison.Ordinal);
        Assert.True(malformed.ExitCode == 2, malformed.ToString());
        Assert.Contains("broken.json", malformed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_BadProfile_ExitsTwoNamingTheFile()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("orders.json", Orders);
        var profile = folder.Write("profile.json", "{ \"locale\": 42 ");

        var run = await CliRun.RunAsync(["generate", contract, "--profile", profile]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("profile.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_Profile_PinsPropertyValues()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("orders.json", Orders);
        var profile = folder.Write("profile.json", """{ "properties": { "note": { "values": ["from-profile"] } } }""");

        var run = await CliRun.RunAsync(["generate", contract, "--target", "#/components/schemas/Order", "--count", "20", "--variant", "maximal", "--profile", profile]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"note\":\"from-profile\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_Help_ShowsNoMachineSpecificDefault()
    {
        var run = await CliRun.RunAsync(["generate", "--help"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--parallel", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("default: " + Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", run.Out, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockGen.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
