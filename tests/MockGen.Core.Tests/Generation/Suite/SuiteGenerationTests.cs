using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Tests.Suite;
using MockGen.Core.Validation;
using Xunit.Abstractions;

namespace MockGen.Core.Tests.Generation.Suite;

/// <summary>
/// The suite-wide generation rate: every schema of the JSON Schema Test Suite's required files that has at
/// least one valid test instance must yield 20 payloads the validator accepts.
/// </summary>
public sealed class SuiteGenerationTests(ITestOutputHelper output)
{
    private const int PayloadsPerSchema = 20;

    // The rate each draft must keep: every satisfiable suite schema yields payloads; never lowered.
    public static TheoryData<string, double> Drafts => new()
    {
        { "draft4", 1.0 },
        { "draft6", 1.0 },
        { "draft7", 1.0 },
        { "draft2019-09", 1.0 },
        { "draft2020-12", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Generate_EverySatisfiableSuiteSchema_YieldsValidPayloads(string draft, double requiredRate)
    {
        var total = 0;
        var generated = 0;
        var failures = new List<string>();
        foreach (var file in SuiteLoader.FileNames(draft, optional: false))
        {
            foreach (var group in SuiteLoader.Load(draft, file).GroupBy(c => c.GroupIndex))
            {
                if (!group.Any(c => c.Valid))
                {
                    continue;
                }

                total++;
                var first = group.First();
                var verdict = GenerateGroup(first);
                if (verdict is null)
                {
                    generated++;
                }
                else
                {
                    failures.Add($"{draft}/{file}/{first.GroupIndex} ({first.Group}): {verdict}");
                }
            }
        }

        Assert.True(total > 0, "The suite yielded no schemas for " + draft);
        var rate = (double)generated / total;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{draft}: {generated}/{total} schemas generated ({rate:P1})"));
        foreach (var failure in failures)
        {
            output.WriteLine("  " + failure);
        }

        File.AppendAllText(Path.Combine(Path.GetTempPath(), "mockgen-suite-generation.txt"),
            string.Create(CultureInfo.InvariantCulture, $"{draft}: {generated}/{total} ({rate:P1})\n") + string.Join("\n", failures) + "\n");
        Assert.True(rate >= requiredRate, string.Create(CultureInfo.InvariantCulture, $"{draft}: rate {rate:P1} below {requiredRate:P1}:\n") + string.Join("\n", failures));
    }

    // Null when 20 validated payloads came out; otherwise why not.
    private static string? GenerateGroup(SuiteCase c)
    {
        var dialect = SuiteRunner.DialectOf(c.Draft);
        var options = new SchemaSetOptions { DefaultDialect = dialect };
        options.UriMappings[new Uri("http://localhost:1234/")] = SuiteLocator.RemotesFolder;
        var baseUri = new Uri($"https://mockgen.test/suite/{c.Draft}/{c.File.Replace('/', '-')}/{c.GroupIndex}.json");
        var document = new SchemaDocument(baseUri, c.Schema, dialect, null);
        var validation = new ValidationOptions { AssertFormats = SuiteRunner.AssertFormats(c) };
        SchemaSet set;
        TargetGenerator generator;
        try
        {
            set = SchemaSet.Create(document, options);
            generator = ContractSchemas.CreateTarget(set, baseUri, new WalkerSettings(), validation);
        }
        catch (SchemaException e)
        {
            return "schema error: " + e.Message;
        }

        for (var index = 0; index < PayloadsPerSchema; index++)
        {
            var key = new PayloadKey("sha256:suite", c.Id, GenerationVariant.Typical, "1", string.Empty, string.Empty, index);
            switch (generator.Generate(key))
            {
                case Generated g:
                    // The oracle again, through a fresh compile independent of the gate's: a written payload must be valid.
                    using (var payload = JsonDocument.Parse(g.Json))
                    {
                        var result = SchemaSet.Create(document, options).Validate(baseUri, payload.RootElement, validation);
                        if (!result.IsValid)
                        {
                            return "INVALID PAYLOAD WRITTEN: " + Encoding.UTF8.GetString(g.Json);
                        }
                    }

                    break;
                case Unsatisfiable u:
                    return $"unsatisfiable at {u.SchemaLocation}: {u.Reason}";
                case Unsupported u:
                    return $"unsupported at {u.SchemaLocation}: {u.Reason}";
            }
        }

        return null;
    }
}
