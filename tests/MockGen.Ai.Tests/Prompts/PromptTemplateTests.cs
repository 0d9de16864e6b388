using MockGen.Ai.Prompts;

namespace MockGen.Ai.Tests.Prompts;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Render_NamedParameters_FillBothParts()
    {
        var template = PromptTemplate.Parse("t", "You write {{kind}} data.\r\n---\r\nTarget {{target}}, again {{target}}.");

        var messages = template.Render(new Dictionary<string, string> { ["kind"] = "test", ["target"] = "Payment" });

        Assert.Equal(["kind", "target"], template.Parameters);
        Assert.Equal(("system", "You write test data."), (messages[0].Role, messages[0].Content));
        Assert.Equal(("user", "Target Payment, again Payment."), (messages[1].Role, messages[1].Content));
    }

    [Fact]
    public void Version_IgnoresLineEndings_AndChangesWithText()
    {
        var lf = PromptTemplate.Parse("t", "a\n---\nb");
        var crlf = PromptTemplate.Parse("t", "a\r\n---\r\nb");
        var other = PromptTemplate.Parse("t", "a\n---\nc");

        Assert.Equal(lf.Version, crlf.Version);
        Assert.NotEqual(lf.Version, other.Version);
        Assert.Matches("^sha256:[0-9a-f]{64}$", lf.Version);
    }

    [Fact]
    public void Render_MissingParameter_NamesIt()
    {
        var template = PromptTemplate.Parse("mine", "s {{a}}\n---\nu {{b}}");

        var error = Assert.Throws<FormatException>(() => template.Render(new Dictionary<string, string> { ["a"] = "1" }));
        Assert.Equal("mine: parameter {{b}} not given", error.Message);
    }

    [Theory]
    [InlineData("no separator")]
    [InlineData("---\nuser only")]
    public void Parse_Malformed_Throws(string text) => Assert.Throws<FormatException>(() => PromptTemplate.Parse("bad", text));

    [Fact]
    public void BuiltIn_EnrichValues_UsesTheEnricherParameters() =>
        Assert.Equal(["target", "targetContext", "locale", "count", "fields"], BuiltInPrompts.EnrichValues.Parameters);
}
