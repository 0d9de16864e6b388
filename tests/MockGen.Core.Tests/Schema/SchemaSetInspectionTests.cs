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
            {"properties":{"tags":{"$ref":"#/definitions/tags","maxItems":1,"description":"annotation only"},"plain":{"$ref":"#/definitions/tags","title":"t"}},
             "definitions":{"tags":{"type":"array","items":{"type":"string"}}}}
            """, dialect);
        Assert.True(set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("{}")).IsValid);

        var conflicts = set.RefSiblingConflicts();

        if (conflict)
        {
            var only = Assert.Single(conflicts);
            Assert.Equal("/properties/tags", only.JsonPointer);
            Assert.Equal(["maxItems"], only.Keywords);
        }
        else
        {
            Assert.Empty(conflicts);
        }
    }
}
