using System.Text.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Differential.Tests.Validation;

/// <summary>Cases the differential tests found, kept: the documented differences, and what one side cannot survive.</summary>
public sealed class ValidatorRegressionTests
{
    [Fact]
    public void KnownDifferences_EachEntry_StillDisagreesAsDocumented()
    {
        Assert.NotEmpty(KnownDifferences.Entries);
        foreach (var (c, mockGen, jsonSchemaNet, reason) in KnownDifferences.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.True(KnownDifferences.Covers(c), $"the random test must skip {c}");
            // A refusal is compared by kind: the messages are each library's own.
            Assert.StartsWith(mockGen, Verdicts.MockGen(c), StringComparison.Ordinal);
            Assert.StartsWith(jsonSchemaNet, Verdicts.JsonSchemaNet(c), StringComparison.Ordinal);
            Assert.False(Verdicts.Agree(Verdicts.MockGen(c), Verdicts.JsonSchemaNet(c)), $"no longer a difference: {c}");
        }
    }

    /// <summary>
    /// Found by the random test: a definition that refers to itself without consuming the instance overflows
    /// JsonSchema.Net 8.0.5's stack (the process dies), so the oracle cannot judge it. MockGen must give a bounded
    /// answer: the instance is invalid, with one error naming the loop (the validator detects a $ref that comes back
    /// to itself at the same instance location), well before the depth limit; no stack overflow. The random
    /// generator keeps definitions free of <c>$ref</c> so that JsonSchema.Net never meets this.
    /// </summary>
    [Theory]
    [InlineData(Draft.Draft202012, """{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{"d":{"allOf":[{"$ref":"#/$defs/d"}]}},"$ref":"#/$defs/d"}""")]
    [InlineData(Draft.Draft7, """{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"d":{"allOf":[{"$ref":"#/definitions/d"}]}},"allOf":[{"$ref":"#/definitions/d"}]}""")]
    [InlineData(Draft.Draft6, """{"$schema":"http://json-schema.org/draft-06/schema#","definitions":{"d":{"allOf":[{"$ref":"#/definitions/d"}]}},"allOf":[{"$ref":"#/definitions/d"}]}""")]
    public void Validate_RefCycleWithoutProgress_IsInvalidWithTheLoopNamed(Draft draft, string schema)
    {
        var baseUri = new Uri("https://mockgen.test/differential/ref-cycle.json");
        using var document = JsonDocument.Parse(schema);
        using var instance = JsonDocument.Parse("1");
        var dialect = draft switch
        {
            Draft.Draft6 => Dialect.Draft6,
            Draft.Draft7 => Dialect.Draft7,
            _ => Dialect.Draft202012,
        };
        var set = SchemaSet.Create(new SchemaDocument(baseUri, document.RootElement, dialect, null), new SchemaSetOptions { DefaultDialect = dialect });
        var options = new ValidationOptions { AssertFormats = false, MaxDepth = 200 };

        var result = set.Validate(baseUri, instance.RootElement, options);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        var target = draft == Draft.Draft202012 ? "#/$defs/d" : "#/definitions/d";
        Assert.Equal($"(root): $ref loops back to {baseUri}{target} without consuming any input: the schema can never finish evaluating", error.Message);
        Assert.EndsWith("/allOf/0/$ref", error.KeywordLocation, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.InstanceLocation);
    }
}
