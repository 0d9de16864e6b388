using System.Text.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;
using Net = Json.Schema;

namespace MockGen.Differential.Tests.Validation;

/// <summary>
/// The two verdicts of a case: MockGen's validator and JsonSchema.Net's, format assertion off on both sides
/// (2019-09+ make format an annotation; draft-07 leaves it to the implementation, so it is not compared).
/// A schema either side refuses to build is the verdict "refused", so a refusal on one side only is a disagreement too.
/// </summary>
public static class Verdicts
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";

    private static long s_counter;

    /// <summary>Same verdict; two refusals agree whatever their messages say.</summary>
    public static bool Agree(string ours, string theirs) =>
        ours == theirs || (ours.StartsWith("refused", StringComparison.Ordinal) && theirs.StartsWith("refused", StringComparison.Ordinal));

    public static string MockGen(DifferentialCase c)
    {
        var baseUri = NextUri();
        using var schema = JsonDocument.Parse(c.Schema);
        using var instance = JsonDocument.Parse(c.Instance);
        try
        {
            var dialect = c.Draft switch
            {
                Draft.Draft6 => Dialect.Draft6,
                Draft.Draft7 => Dialect.Draft7,
                _ => Dialect.Draft202012,
            };
            var set = SchemaSet.Create(new SchemaDocument(baseUri, schema.RootElement, dialect, null), new SchemaSetOptions { DefaultDialect = dialect });
            return set.Validate(baseUri, instance.RootElement, new ValidationOptions { AssertFormats = false }).IsValid ? Valid : Invalid;
        }
        catch (SchemaException e)
        {
            return "refused: " + e.Message;
        }
    }

    public static string JsonSchemaNet(DifferentialCase c)
    {
        using var instance = JsonDocument.Parse(c.Instance);
        try
        {
            var options = new Net.BuildOptions
            {
                SchemaRegistry = new Net.SchemaRegistry(),
                Dialect = c.Draft switch
                {
                    Draft.Draft6 => Net.Dialect.Draft06,
                    Draft.Draft7 => Net.Dialect.Draft07,
                    _ => Net.Dialect.Draft202012,
                },
            };
            var schema = Net.JsonSchema.FromText(c.Schema, options, NextUri());
            var result = schema.Evaluate(instance.RootElement, new Net.EvaluationOptions { RequireFormatValidation = false });
            return result.IsValid ? Valid : Invalid;
        }
        catch (Exception e) when (e is Net.JsonSchemaException or JsonException or ArgumentException or InvalidOperationException)
        {
            return "refused: " + e.Message;
        }
    }

    // Each case gets its own base URI: neither side may see a schema of an earlier case.
    private static Uri NextUri() => new($"https://mockgen.test/differential/{Interlocked.Increment(ref s_counter)}.json");
}
