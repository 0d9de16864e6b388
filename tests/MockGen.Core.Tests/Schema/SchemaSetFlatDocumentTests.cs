using MockGen.Core.Schema;
using MockGen.Core.Tests.Validation;

namespace MockGen.Core.Tests.Schema;

/// <summary>
/// A document with no <c>$id</c>, anchor or nested <c>$schema</c> is indexed at its root only (issue 9, compile time);
/// a document that has one, however it is spelled, must still be indexed below the root.
/// </summary>
public sealed class SchemaSetFlatDocumentTests
{
    [Theory]
    // An embedded resource whose $id is written with a JSON escape: the raw scan cannot see it, so it must not guess.
    [InlineData("""{"$defs":{"a":{"\u0024id":"https://other.test/a.json","type":"integer"}},"$ref":"https://other.test/a.json"}""", Dialect.Draft202012)]
    // An anchor below the root.
    [InlineData("""{"$defs":{"a":{"$anchor":"num","type":"integer"}},"$ref":"#num"}""", Dialect.Draft202012)]
    // Draft-04's id below the root.
    [InlineData("""{"definitions":{"a":{"id":"#num","type":"integer"}},"properties":{"x":{"$ref":"#num"}},"required":["x"],"type":"object"}""", Dialect.Draft4)]
    public void Validate_ResourceOrAnchorBelowTheRoot_StillResolves(string schema, Dialect dialect)
    {
        var instance = dialect == Dialect.Draft4 ? """{"x":"text"}""" : "\"text\"";
        var valid = dialect == Dialect.Draft4 ? """{"x":1}""" : "1";

        Assert.False(SchemaTestHost.Validate(schema, instance, dialect).IsValid);
        Assert.True(SchemaTestHost.Validate(schema, valid, dialect).IsValid);
    }

    [Fact]
    public void Validate_FlatDocument_ReportsTheSameLocationsAsAnIndexedOne()
    {
        // Same schema twice; the second has an unused $anchor in an enum-free place, which makes it indexed in full.
        const string Flat = """{"properties":{"a~b":{"properties":{"n":{"type":"integer"}}}}}""";
        const string Indexed = """{"$defs":{"z":{"$anchor":"z"}},"properties":{"a~b":{"properties":{"n":{"type":"integer"}}}}}""";

        var flat = SchemaTestHost.Validate(Flat, """{"a~b":{"n":"x"}}""");
        var indexed = SchemaTestHost.Validate(Indexed, """{"a~b":{"n":"x"}}""");

        Assert.Equal(
            indexed.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.AbsoluteKeywordLocation)),
            flat.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.AbsoluteKeywordLocation)));
        Assert.Contains(flat.Errors, e => e.AbsoluteKeywordLocation == SchemaTestHost.BaseUri.AbsoluteUri + "#/properties/a~0b/properties/n/type");
    }
}
