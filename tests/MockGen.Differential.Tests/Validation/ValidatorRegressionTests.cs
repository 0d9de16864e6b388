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
    /// answer (a verdict or a refusal), never a crash; the generator keeps definitions free of <c>$ref</c>.
    /// </summary>
    [Theory]
    [InlineData(Draft.Draft202012, """{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{"d":{"allOf":[{"$ref":"#/$defs/d"}]}},"$ref":"#/$defs/d"}""")]
    [InlineData(Draft.Draft7, """{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"d":{"allOf":[{"$ref":"#/definitions/d"}]}},"allOf":[{"$ref":"#/definitions/d"}]}""")]
    public void Validate_RefCycleWithoutProgress_MockGenAnswersWithoutCrashing(Draft draft, string schema)
    {
        var verdict = Verdicts.MockGen(new DifferentialCase(draft, schema, "1"));

        Assert.False(string.IsNullOrEmpty(verdict));
    }
}
