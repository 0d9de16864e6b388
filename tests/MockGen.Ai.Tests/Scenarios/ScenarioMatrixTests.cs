using MockGen.Ai.Prompts;
using MockGen.Ai.Scenarios;

namespace MockGen.Ai.Tests.Scenarios;

public sealed class ScenarioMatrixTests
{
    [Fact]
    public void Parse_Matrix_EveryCombination_NamedByValues_LastDimensionFastest()
    {
        var scenarios = ScenarioMatrix.Parse("tenantConfig=eu-strict,us-default; currency=EUR,JPY ;status=pending");

        Assert.Equal(["eu-strict-EUR-pending", "eu-strict-JPY-pending", "us-default-EUR-pending", "us-default-JPY-pending"], scenarios.Select(s => s.Name));
        Assert.Equal([new("tenantConfig", "us-default"), new("currency", "JPY"), new("status", "pending")], scenarios[3].Parameters);
    }

    [Fact]
    public void ParseFile_MatrixThenNamedScenarios_InFileOrder()
    {
        var scenarios = ScenarioMatrix.ParseFile("m.json", """
            {
              "matrix": { "currency": ["EUR", "JPY"], "capture": [true] },
              "scenarios": [ { "name": "refund after chargeback", "parameters": { "status": "refunded", "amount": 12.5 } } ]
            }
            """);

        Assert.Equal(["EUR-true", "JPY-true", "refund after chargeback"], scenarios.Select(s => s.Name));
        Assert.Equal([new("status", "refunded"), new("amount", "12.5")], scenarios[2].Parameters);
    }

    [Theory]
    [InlineData("currency", "--scenario-matrix: 'currency' is not name=value1,value2")]
    [InlineData("currency=", "--scenario-matrix: currency has no values")]
    [InlineData("1x=a", "--scenario-matrix: parameter name '1x' must match [A-Za-z][A-Za-z0-9_.-]*")]
    [InlineData("a=x,x", "--scenario-matrix: scenario 'x' is named twice")]
    [InlineData("a=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17;b=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16", "--scenario-matrix: the matrix has more than 256 combinations")]
    public void Parse_BadMatrix_NamesTheRule(string matrix, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ScenarioMatrix.Parse(matrix));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"matrix": {"currency": []}}""", "m.json: /matrix/currency: must be a non-empty array of values")]
    [InlineData("""{"matrix": {"currency": [{"a": 1}]}}""", "m.json: /matrix/currency/0: a parameter value is a string, number or boolean")]
    [InlineData("""{"scenarios": [{"parameters": {}}]}""", "m.json: /scenarios/0: a scenario is an object with a non-empty string \"name\"")]
    [InlineData("""{"scenario": []}""", "m.json: /scenario: unknown member (expected matrix, scenarios)")]
    [InlineData("""{}""", "m.json: no scenarios")]
    [InlineData("{\n  \"matrix\": ", "m.json: line 2: not JSON")]
    public void ParseFile_BadDocument_NamesFilePointerAndRule(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ScenarioMatrix.ParseFile("m.json", json));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPrompt_MissingAndReservedParameters_AllNamedBeforeAnyCall()
    {
        var prompt = PromptTemplate.Parse("mine", "Data.\n---\n{{target}} in {{currency}} for {{tenantConfig}}");
        var scenarios = ScenarioMatrix.Parse("currency=EUR;target=x");

        var error = Assert.Throws<FormatException>(() => ScenarioEnricher.CheckPrompt(prompt, scenarios));

        Assert.Contains("scenario 'EUR-x': parameter target is reserved", error.Message, StringComparison.Ordinal);
        Assert.Contains("scenario 'EUR-x' does not give {{tenantConfig}}, which prompt 'mine' uses", error.Message, StringComparison.Ordinal);
        ScenarioEnricher.CheckPrompt(BuiltInPrompts.ScenarioPayloads, ScenarioMatrix.Parse("currency=EUR"));
    }
}
