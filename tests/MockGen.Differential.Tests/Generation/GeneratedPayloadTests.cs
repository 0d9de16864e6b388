using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;
using MockGen.Core.Tests.Suite;
using MockGen.Core.Validation;
using MockGen.Differential.Tests.Validation;
using Xunit.Abstractions;
using Net = Json.Schema;

namespace MockGen.Differential.Tests.Generation;

/// <summary>
/// Issue 12: every payload the generator writes for the generation suite (the JSON Schema Test Suite's required
/// schemas, as in SuiteGenerationTests) is also accepted by JsonSchema.Net, an oracle independent of MockGen's
/// validator, which gates generation and so cannot catch its own blind spots.
/// </summary>
public sealed class GeneratedPayloadTests(ITestOutputHelper output)
{
    private const int PayloadsPerSchema = 5;

    [Theory]
    [InlineData("draft6")]
    [InlineData("draft7")]
    [InlineData("draft2019-09")]
    [InlineData("draft2020-12")]
    public void Generate_SuiteSchemas_EveryPayloadIsAcceptedByJsonSchemaNet(string draft)
    {
        var checkedPayloads = 0;
        var skipped = 0;
        var rejected = new List<string>();
        foreach (var file in SuiteLoader.FileNames(draft, optional: false))
        {
            foreach (var group in SuiteLoader.Load(draft, file).GroupBy(c => c.GroupIndex))
            {
                var first = group.First();
                var text = first.Schema.GetRawText();
                // Remote documents and custom meta-schemas are MockGen's URI map, which JsonSchema.Net does not share;
                // draft-07 $ref siblings are a documented difference (KnownDifferences).
                if (!group.Any(c => c.Valid) || text.Contains("localhost:1234", StringComparison.Ordinal)
                    || IsDocumentedDifference(new DifferentialCase(DraftOf(draft), text, "null")))
                {
                    skipped++;
                    continue;
                }

                foreach (var payload in Generate(first))
                {
                    checkedPayloads++;
                    if (!JsonSchemaNetAccepts(first, draft, payload, out var detail))
                    {
                        rejected.Add($"{first.Id} ({first.Group}): {payload}: {detail}");
                    }
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{draft}: {checkedPayloads} payloads checked, {skipped} groups skipped, {rejected.Count} rejected"));
        Assert.True(checkedPayloads > 500, $"{draft}: only {checkedPayloads} payloads");
        Assert.True(rejected.Count == 0, string.Join('\n', rejected));
    }

    // The meta-schema difference is worked around in JsonSchemaNetAccepts, so those groups are checked too.
    private static bool IsDocumentedDifference(DifferentialCase c) => !KnownDifferences.ReferencesMetaSchema(c) && KnownDifferences.Covers(c);

    private static List<string> Generate(SuiteCase c)
    {
        var dialect = SuiteRunner.DialectOf(c.Draft);
        var baseUri = BaseUri(c);
        var options = new SchemaSetOptions { DefaultDialect = dialect };
        var set = SchemaSet.Create(new SchemaDocument(baseUri, c.Schema, dialect, null), options);
        var generator = ContractSchemas.CreateTarget(set, baseUri, new WalkerSettings(), new ValidationOptions { AssertFormats = SuiteRunner.AssertFormats(c) });
        var payloads = new List<string>();
        for (var index = 0; index < PayloadsPerSchema; index++)
        {
            var key = new PayloadKey("sha256:suite", c.Id, GenerationVariant.Typical, "1", string.Empty, string.Empty, index);
            if (generator.Generate(key) is Generated g)
            {
                payloads.Add(Encoding.UTF8.GetString(g.Json));
            }
        }

        return payloads;
    }

    private static bool JsonSchemaNetAccepts(SuiteCase c, string draft, string payload, out string detail)
    {
        var options = new Net.BuildOptions
        {
            SchemaRegistry = new Net.SchemaRegistry(),
            Dialect = draft switch
            {
                "draft6" => Net.Dialect.Draft06,
                "draft7" => Net.Dialect.Draft07,
                "draft2019-09" => Net.Dialect.Draft201909,
                _ => Net.Dialect.Draft202012,
            },
        };
        var text = c.Schema.GetRawText();
        var metaSchema = KnownDifferences.MetaSchemaOf(DraftOf(draft));
        if (metaSchema is not null && text.Contains(metaSchema, StringComparison.Ordinal))
        {
            // JsonSchema.Net 8.0.5's built-in draft-06/07 meta-schemas are not the ones MockGen embeds (KnownDifferences:
            // their enum needs an item); the oracle judges against the embedded text, registered under its own URI.
            var embeddedUri = "https://mockgen.test/embedded/" + draft + "/schema";
            var embedded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MetaSchemas", draft.Replace("draft", "draft-0", StringComparison.Ordinal) + ".json"))
                .Replace("\"$id\": \"" + metaSchema + "\"", "\"$id\": \"" + embeddedUri + "\"", StringComparison.Ordinal);
            Net.JsonSchema.FromText(embedded, options);
            text = text.Replace(metaSchema, embeddedUri, StringComparison.Ordinal);
        }

        var schema = Net.JsonSchema.FromText(text, options, new Uri(BaseUri(c).AbsoluteUri + "?oracle"));
        using var instance = JsonDocument.Parse(payload);
        var result = schema.Evaluate(instance.RootElement, new Net.EvaluationOptions { OutputFormat = Net.OutputFormat.List });
        detail = result.IsValid ? string.Empty : string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        return result.IsValid;
    }

    private static Draft DraftOf(string draft) => draft switch
    {
        "draft6" => Draft.Draft6,
        "draft7" => Draft.Draft7,
        _ => Draft.Draft202012,
    };

    private static Uri BaseUri(SuiteCase c) => new($"https://mockgen.test/suite/{c.Draft}/{c.File.Replace('/', '-')}/{c.GroupIndex}.json");
}
