using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Validation;

public sealed class SchemaValidatorTests
{
    private const string Order = """
        {
          "$defs": { "money": { "type": "number", "multipleOf": 0.01, "minimum": 0 } },
          "type": "object",
          "required": ["id", "price"],
          "properties": {
            "id": { "type": "string", "format": "uuid", "readOnly": true },
            "price": { "$ref": "#/$defs/money" },
            "secret": { "type": "string", "writeOnly": true },
            "tags": { "type": "array", "items": { "type": "string", "pattern": "^[a-z]+$" } }
          },
          "additionalProperties": false
        }
        """;

    [Fact]
    public void Validate_DecimalNotMultiple_ReportsLocationFirstMessageAndPaths()
    {
        var result = SchemaTestHost.Validate(Order, """{"id":"8f0c3a9e-8d3c-4bde-9a57-1f0e1d2c3b4a","price":12.345}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("/price: 12.345 is not a multiple of 0.01", error.Message);
        Assert.Equal("/price", error.InstanceLocation);
        Assert.Equal("/properties/price/$ref/multipleOf", error.KeywordLocation);
        Assert.Equal("https://mockgen.test/schema.json#/$defs/money/multipleOf", error.AbsoluteKeywordLocation);
        Assert.Equal("multipleOf", error.Keyword);
    }

    [Theory]
    [InlineData("12.34")]
    [InlineData("0.07")]
    [InlineData("19.99")]
    [InlineData("1e2")]
    public void Validate_DecimalMultiple_IsExact(string price)
    {
        var result = SchemaTestHost.Validate(Order, $$"""{"id":"8f0c3a9e-8d3c-4bde-9a57-1f0e1d2c3b4a","price":{{price}}}""");

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_SeveralFailures_CollectsEveryError()
    {
        var result = SchemaTestHost.Validate(Order, """{"id":"not-a-uuid","price":-1,"tags":["ok","Not Ok"],"extra":true}""");

        Assert.False(result.IsValid);
        Assert.Equal(
            ["/id:format", "/price:minimum", "/tags/1:pattern", "/extra:additionalProperties"],
            result.Errors.Select(e => e.InstanceLocation + ":" + e.Keyword));
        Assert.Contains(result.Errors, e => e.Message == "/extra: the property \"extra\" is not allowed here (additionalProperties is false)");
        Assert.Contains(result.Errors, e => e.Message == "(root): the required property \"price\" is missing" || e.Keyword != "required");
    }

    [Fact]
    public void Validate_MissingRequired_ReportsRootLocation()
    {
        var result = SchemaTestHost.Validate(Order, "{}");

        Assert.Equal(["(root): the required property \"id\" is missing", "(root): the required property \"price\" is missing"], result.Errors.Select(e => e.Message));
        Assert.All(result.Errors, e => Assert.Equal("/required", e.KeywordLocation));
    }

    [Fact]
    public void Validate_FormatsAsAnnotations_AcceptsMalformedUuid()
    {
        var result = SchemaTestHost.Validate(Order, """{"id":"nope","price":1}""", options: new ValidationOptions { AssertFormats = false });

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_RequestWithReadOnlyProperty_IsRejected()
    {
        var options = new ValidationOptions { Direction = PayloadDirection.Request };

        var result = SchemaTestHost.Validate(Order, """{"id":"8f0c3a9e-8d3c-4bde-9a57-1f0e1d2c3b4a","price":1}""", options: options);

        var error = Assert.Single(result.Errors);
        Assert.Equal("readOnly", error.Keyword);
        Assert.Equal("/id", error.InstanceLocation);
    }

    [Fact]
    public void Validate_ResponseWithWriteOnlyProperty_IsRejected()
    {
        var options = new ValidationOptions { Direction = PayloadDirection.Response };

        var result = SchemaTestHost.Validate(Order, """{"id":"8f0c3a9e-8d3c-4bde-9a57-1f0e1d2c3b4a","price":1,"secret":"s"}""", options: options);

        Assert.Equal("writeOnly", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Validate_RequestMissingRequiredReadOnlyProperty_IsValid()
    {
        var options = new ValidationOptions { Direction = PayloadDirection.Request };

        var result = SchemaTestHost.Validate(Order, """{"price":1}""", options: options);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_ResponseMissingRequiredReadOnlyProperty_IsInvalid()
    {
        var options = new ValidationOptions { Direction = PayloadDirection.Response };

        var result = SchemaTestHost.Validate(Order, """{"price":1}""", options: options);

        Assert.Equal("required", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Validate_OpenApi30RequestMissingRequiredReadOnlyRef_IsValid()
    {
        const string doc = """
            {
              "openapi": "3.0.3",
              "components": { "schemas": {
                "Id": { "type": "integer", "readOnly": true },
                "Pet": { "type": "object", "required": ["id", "name"], "properties": { "id": { "$ref": "#/components/schemas/Id" }, "name": { "type": "string" } } }
              } }
            }
            """;
        var set = SchemaTestHost.Set(doc, Dialect.OpenApi30);
        var uri = new Uri(SchemaTestHost.BaseUri, "#/components/schemas/Pet");

        Assert.True(set.Validate(uri, SchemaTestHost.Parse("""{"name":"Rex"}"""), new ValidationOptions { Direction = PayloadDirection.Request }).IsValid);
        Assert.False(set.Validate(uri, SchemaTestHost.Parse("""{"name":"Rex"}"""), new ValidationOptions { Direction = PayloadDirection.Response }).IsValid);
    }

    [Fact]
    public void Validate_DirectionNone_AllowsBoth()
    {
        var result = SchemaTestHost.Validate(Order, """{"id":"8f0c3a9e-8d3c-4bde-9a57-1f0e1d2c3b4a","price":1,"secret":"s"}""");

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_OneOfMatchingTwo_ReportsBothBranches()
    {
        var result = SchemaTestHost.Validate("""{"oneOf":[{"type":"integer"},{"minimum":0}]}""", "3");

        var error = Assert.Single(result.Errors);
        Assert.Equal("oneOf", error.Keyword);
        Assert.Contains("#0 and #1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnyOfNoMatch_KeepsBranchErrors()
    {
        var result = SchemaTestHost.Validate("""{"anyOf":[{"type":"integer"},{"type":"string"}]}""", "1.5");

        Assert.Equal(["/anyOf/0/type", "/anyOf/1/type", "/anyOf"], result.Errors.Select(e => e.KeywordLocation));
    }

    [Fact]
    public void Validate_BigIntegers_CompareExactly()
    {
        var result = SchemaTestHost.Validate("""{"type":"integer","maximum":18446744073709551615}""", "18446744073709551616");

        Assert.Equal("maximum", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Validate_UnevaluatedPropertiesThroughRefAndAllOf_TracksAnnotations()
    {
        const string schema = """
            {
              "$defs": { "base": { "properties": { "a": true } } },
              "allOf": [ { "$ref": "#/$defs/base" }, { "properties": { "b": true } } ],
              "unevaluatedProperties": false
            }
            """;

        Assert.True(SchemaTestHost.Validate(schema, """{"a":1,"b":2}""").IsValid);
        var error = Assert.Single(SchemaTestHost.Validate(schema, """{"a":1,"c":3}""").Errors);
        Assert.Equal("/c", error.InstanceLocation);
        Assert.Equal("unevaluatedProperties", error.Keyword);
    }

    [Fact]
    public void Validate_OpenApi30Dialect_AppliesNullableAndBooleanExclusiveBounds()
    {
        const string schema = """{"type":"integer","nullable":true,"minimum":0,"exclusiveMinimum":true}""";

        Assert.True(SchemaTestHost.Validate(schema, "null", Dialect.OpenApi30).IsValid);
        Assert.True(SchemaTestHost.Validate(schema, "1", Dialect.OpenApi30).IsValid);
        var error = Assert.Single(SchemaTestHost.Validate(schema, "0", Dialect.OpenApi30).Errors);
        Assert.Equal("minimum", error.Keyword);
        Assert.Equal("(root): 0 must be greater than 0", error.Message);
    }

    [Fact]
    public void Validate_OpenApi30RefSiblings_AreIgnored()
    {
        const string doc = """
            {
              "openapi": "3.0.3",
              "components": { "schemas": {
                "Name": { "type": "string" },
                "Holder": { "properties": { "name": { "$ref": "#/components/schemas/Name", "maxLength": 1 } } }
              } }
            }
            """;
        var set = SchemaTestHost.Set(doc, Dialect.OpenApi30);

        var result = set.Validate(new Uri(SchemaTestHost.BaseUri, "#/components/schemas/Holder"), SchemaTestHost.Parse("""{"name":"long name"}"""));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_RefToOfficialMetaschema_ValidatesSchemas()
    {
        const string schema = """{"$ref":"https://json-schema.org/draft/2020-12/schema"}""";

        Assert.True(SchemaTestHost.Validate(schema, """{"type":"string","minLength":1}""").IsValid);
        Assert.False(SchemaTestHost.Validate(schema, """{"minLength":-1}""").IsValid);
    }
}
