using MockGen.Core.Schema;
using MockGen.Core.Tests.Validation;

namespace MockGen.Core.Tests.Schema;

public sealed class SchemaSetInspectionTests
{
    [Fact]
    public void CompiledPatterns_ListEachPatternWithItsGrammar()
    {
        var set = SchemaTestHost.Set("""
            {"properties":{"a":{"pattern":"^[a-z]+$"},"b":{"pattern":"^[a-z\\_]+$"}},"patternProperties":{"^x/[\\w-.]+$":{}}}
            """);
        Assert.True(set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("{}")).IsValid);

        var patterns = set.CompiledPatterns();

        Assert.Equal(
            [("/patternProperties/^x~1[\\w-.]+$", PatternSyntax.AnnexB), ("/properties/a/pattern", PatternSyntax.Unicode), ("/properties/b/pattern", PatternSyntax.AnnexB)],
            patterns.Select(p => (p.JsonPointer, p.Syntax)));
    }

    [Theory]
    [InlineData(Dialect.Draft7, true)]
    [InlineData(Dialect.Draft4, true)]
    [InlineData(Dialect.OpenApi30, true)]
    [InlineData(Dialect.Draft202012, false)]
    public void RefSiblingConflicts_ListConstrainingSiblingsWhereTheDraftIgnoresThem(Dialect dialect, bool conflict)
    {
        var set = SchemaTestHost.Set("""
            {"properties":{"tags":{"$ref":"#/definitions/tags","pattern":"^a","description":"annotation only"},"plain":{"$ref":"#/definitions/tags","title":"t"}},
             "definitions":{"tags":{"type":"string"}}}
            """, dialect);
        Assert.True(set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("{}")).IsValid);

        var conflicts = set.RefSiblingConflicts();

        if (conflict)
        {
            var only = Assert.Single(conflicts);
            Assert.Equal("/properties/tags", only.JsonPointer);
            Assert.Equal(["pattern"], only.Keywords);
        }
        else
        {
            Assert.Empty(conflicts);
        }
    }

    [Theory]
    // The generator narrows counts and lengths to the sibling while the target's range allows: both readings agree.
    [InlineData("""{"maxItems":1}""", """{"type":"array","items":{"type":"string"}}""", "")]
    [InlineData("""{"minLength":3}""", """{"type":"string","maxLength":8}""", "")]
    // ...but not when the target's range excludes it.
    [InlineData("""{"maxItems":1}""", """{"type":"array","minItems":2}""", "maxItems")]
    [InlineData("""{"minLength":9}""", """{"type":"string","maxLength":8}""", "minLength")]
    // A sibling repeating the target's keyword, or constraining a type the target excludes, changes nothing.
    [InlineData("""{"type":"object"}""", """{"type":"object","properties":{"a":{}}}""", "")]
    [InlineData("""{"maxLength":3,"minimum":1}""", """{"type":"array"}""", "")]
    // nullable only widens; an annotation never constrains.
    [InlineData("""{"nullable":true,"description":"d","example":[1]}""", """{"type":"array"}""", "")]
    // What the generator does not honour, beside a target it constrains, is a conflict.
    [InlineData("""{"type":"string","enum":["a"]}""", """{"type":"object"}""", "type,enum")]
    [InlineData("""{"required":["id"]}""", """{"type":"object"}""", "required")]
    public void RefSiblingConflicts_OnlyWhereTheReadingsCanDisagreeAboutAGeneratedPayload(string siblings, string target, string expected)
    {
        var schema = siblings.Insert(1, "\"$ref\":\"#/definitions/t\",");
        var set = SchemaTestHost.Set("{\"properties\":{\"p\":" + schema + "},\"definitions\":{\"t\":" + target + "}}", Dialect.Draft7);
        _ = set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("{}"));

        var conflicts = set.RefSiblingConflicts();

        Assert.Equal(expected, string.Join(",", conflicts.SelectMany(c => c.Keywords)));
    }
}
