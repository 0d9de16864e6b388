using MockGen.Core.Schema;
using MockGen.Core.Tests.Validation;

namespace MockGen.Core.Tests.Schema;

public sealed class DialectInferenceTests
{
    [Theory]
    [InlineData("""{"type":"integer"}""", Dialect.Draft202012, null)]
    [InlineData("""{"type":"array","items":[{"type":"integer"}]}""", Dialect.Draft7, "/items")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"additionalItems":false}""", Dialect.Draft7, "/additionalItems")]
    [InlineData("""{"properties":{"a":{"$ref":"#/definitions/a"}},"definitions":{"a":{}}}""", Dialect.Draft7, "/definitions")]
    [InlineData("""{"dependencies":{"a":["b"]}}""", Dialect.Draft7, "/dependencies")]
    [InlineData("""{"id":"http://example.com/s","type":"object"}""", Dialect.Draft4, "/id")]
    [InlineData("""{"properties":{"n":{"type":"number","minimum":0,"exclusiveMinimum":true}}}""", Dialect.Draft4, "/properties/n/exclusiveMinimum")]
    [InlineData("""{"definitions":{"a":{}},"$defs":{"b":{}}}""", Dialect.Draft202012, null)]
    [InlineData("""{"type":"array","prefixItems":[{}],"items":[{}]}""", Dialect.Draft202012, null)]
    [InlineData("""{"properties":{"definitions":{"type":"string"},"id":{"type":"string"}}}""", Dialect.Draft202012, null)]
    [InlineData("""{"properties":{"x":{"anyOf":[{"type":"array","items":[{}]}]}}}""", Dialect.Draft7, "/properties/x/anyOf/0/items")]
    public void Infer_NoSchemaKeyword_ReadsTheDraftItsShapesBelongTo(string json, Dialect expected, string? evidence)
    {
        var (dialect, found) = DialectInference.Infer(SchemaTestHost.Parse(json));
        Assert.Equal(expected, dialect);
        Assert.Equal(evidence, found);
    }

    [Theory]
    [InlineData("http://json-schema.org/schema#", Dialect.Draft202012)]
    [InlineData("https://json-schema.org/schema", Dialect.Draft202012)]
    [InlineData("http://json-schema.org/draft-07/schema#", Dialect.Draft7)]
    [InlineData("https://json-schema.org/draft-07/schema", Dialect.Draft7)]
    [InlineData("http://json-schema.org/draft-04/schema", Dialect.Draft4)]
    [InlineData("https://json-schema.org/draft-06/schema#", Dialect.Draft6)]
    [InlineData("http://json-schema.org/draft/2019-09/schema", Dialect.Draft201909)]
    [InlineData("http://json-schema.org/draft/2020-12/schema#", Dialect.Draft202012)]
    [InlineData("https://spec.openapis.org/oas/3.1/dialect/base", Dialect.Draft202012)]
    public void Compile_AnySpellingOfAKnownSchemaUri_InASubschemaToo(string uri, Dialect expected)
    {
        // The compiler reads an embedded resource's $schema through the same table as the contract loader.
        Assert.Equal(SchemaDialects.Lookup.Known, SchemaDialects.TryGet(uri, out var dialect));
        Assert.Equal(expected, dialect);
        var schema = """{"$defs":{"n":{"$id":"https://mockgen.test/n","id":"https://mockgen.test/n","$schema":"URI","type":"integer","minimum":1}},"$ref":"https://mockgen.test/n"}""".Replace("URI", uri, StringComparison.Ordinal);
        Assert.True(SchemaTestHost.Validate(schema, "3").IsValid);
        Assert.False(SchemaTestHost.Validate(schema, "0").IsValid);
    }
}
