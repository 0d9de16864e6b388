using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Core.Contracts;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;
using Xunit.Abstractions;
using Net = Json.Schema;

namespace MockGen.Differential.Tests.Generation;

/// <summary>
/// Issue 12: the contracts the generation test suites write payloads for (tests/MockGen.Core.Tests/Generation: the
/// shared order contract and every plain JSON Schema fixture written inline), generated through the product path
/// (ContractLoader, DatasetGenerator, NDJSON), and every payload is accepted by JsonSchema.Net with formats asserted.
/// The fixtures are read from the test sources, so a fixture added there is checked here without a second copy.
/// </summary>
public sealed partial class GenerationFixturePayloadTests(ITestOutputHelper output)
{
    private const int PayloadsPerContract = 40;

    [Fact]
    public void Generate_GenerationTestFixtures_EveryPayloadIsAcceptedByJsonSchemaNet()
    {
        var fixtures = Fixtures();
        Assert.True(fixtures.Count >= 12, $"only {fixtures.Count} fixtures found in the generation tests");
        var checkedPayloads = 0;
        var rejected = new List<string>();
        foreach (var (name, schema) in fixtures)
        {
            var contract = new ContractLoader().Load(name, Encoding.UTF8.GetBytes(schema));
            var oracle = Oracle(name, schema);
            foreach (var payload in Generate(contract))
            {
                checkedPayloads++;
                var result = oracle.Evaluate(payload, new Net.EvaluationOptions { RequireFormatValidation = true });
                if (!result.IsValid)
                {
                    rejected.Add($"{name}: {payload.GetRawText()}");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fixtures.Count} fixtures, {checkedPayloads} payloads checked, {rejected.Count} rejected"));
        Assert.True(checkedPayloads >= 8 * PayloadsPerContract, $"only {checkedPayloads} payloads");
        Assert.True(rejected.Count == 0, string.Join('\n', rejected));
    }

    // Unsatisfiable fixtures (the failure tests' point) write error records: those carry no payload to judge.
    private static List<JsonElement> Generate(Contract contract)
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            var root = contract.Targets.First(t => t.JsonPointer.Length == 0);
            new DatasetGenerator(new GenerationOptions { Seed = "differential", Count = PayloadsPerContract }).Generate(contract, [root], writer);
            writer.Complete();
        }

        var payloads = new List<JsonElement>();
        foreach (var line in Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            if (record.RootElement.TryGetProperty("payload", out var payload) && !record.RootElement.GetProperty("meta").TryGetProperty("error", out _))
            {
                payloads.Add(payload.Clone());
            }
        }

        return payloads;
    }

    private static Net.JsonSchema Oracle(string name, string schema)
    {
        var options = new Net.BuildOptions
        {
            SchemaRegistry = new Net.SchemaRegistry(),
            Dialect = schema.Contains("draft-07/schema", StringComparison.Ordinal) ? Net.Dialect.Draft07 : Net.Dialect.Draft202012,
        };
        return Net.JsonSchema.FromText(schema, options, new Uri("https://mockgen.test/fixtures/" + name));
    }

    /// <summary>The order contract plus each <c>GenerationFixtures.Load("name", """{json}""")</c> that is plain JSON Schema.</summary>
    private static List<(string Name, string Schema)> Fixtures()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "MockGen.Functions.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("the repository root (MockGen.Functions.sln) is not above the test output");
        }

        var folder = Path.Combine(root, "tests", "MockGen.Core.Tests", "Generation");
        var fixtures = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(file);
            if (file.EndsWith("GenerationFixtures.cs", StringComparison.Ordinal))
            {
                fixtures.Add(("orders.schema.json", RawLiteral().Match(source).Groups["json"].Value));
                continue;
            }

            foreach (Match m in InlineFixture().Matches(source))
            {
                var json = m.Groups["json"].Value;
                // OpenAPI documents are MockGen's own loader's business (JsonSchema.Net reads JSON Schema only).
                if (!json.Contains("\"openapi\"", StringComparison.Ordinal))
                {
                    fixtures.Add((m.Groups["name"].Value, json));
                }
            }
        }

        return fixtures;
    }

    [GeneratedRegex("OrderSchema = \"\"\"(?<json>.*?)\"\"\";", RegexOptions.Singleline)]
    private static partial Regex RawLiteral();

    // Interpolated literals ($"""...""") are templates, not schemas: the pattern needs the quotes right after the comma.
    [GeneratedRegex("GenerationFixtures\\.Load\\(\"(?<name>[^\"]+)\",\\s*\"\"\"(?<json>.*?)\"\"\"\\)", RegexOptions.Singleline)]
    private static partial Regex InlineFixture();
}
