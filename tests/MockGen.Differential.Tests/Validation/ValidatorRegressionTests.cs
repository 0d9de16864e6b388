namespace MockGen.Differential.Tests.Validation;

/// <summary>Shrunk disagreements found by <see cref="ValidatorDifferentialTests"/>, fixed in MockGen and kept; and the documented differences.</summary>
public sealed class ValidatorRegressionTests
{
    public static TheoryData<string, string, string, string> Fixed() => new()
    {
        { "draft2020-12", """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"integer","minimum":2}""", "1", Verdicts.Invalid },
    };

    [Theory]
    [MemberData(nameof(Fixed))]
    public void Validate_ShrunkDisagreement_BothSidesGiveTheExpectedVerdict(string draft, string schema, string instance, string expected)
    {
        var c = new DifferentialCase(draft == "draft7" ? Draft.Draft7 : Draft.Draft202012, schema, instance);

        Assert.Equal(expected, Verdicts.JsonSchemaNet(c));
        Assert.Equal(expected, Verdicts.MockGen(c));
    }

    [Fact]
    public void KnownDifferences_EachEntry_StillDisagreesAsDocumented()
    {
        foreach (var (c, mockGen, jsonSchemaNet, reason) in KnownDifferences.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.True(KnownDifferences.Covers(c), $"the random test must skip {c}");
            Assert.Equal(mockGen, Verdicts.MockGen(c));
            Assert.Equal(jsonSchemaNet, Verdicts.JsonSchemaNet(c));
        }
    }
}
