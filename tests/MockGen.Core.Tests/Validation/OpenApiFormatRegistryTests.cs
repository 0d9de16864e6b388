using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Validation;

/// <summary>The OpenAPI Format Registry's numeric formats: asserted in OpenAPI schemas, unknown formats elsewhere.</summary>
public sealed class OpenApiFormatRegistryTests
{
    [Theory]
    [InlineData("int32", "1", true)]
    [InlineData("int32", "1.0", true)]
    [InlineData("int32", "1.5", false)]
    [InlineData("int32", "2147483647", true)]
    [InlineData("int32", "2147483648", false)]
    [InlineData("int32", "-2147483649", false)]
    [InlineData("int64", "9223372036854775807", true)]
    [InlineData("int64", "9223372036854775808", false)]
    [InlineData("int64", "1e3", true)]
    [InlineData("int64", "0.5", false)]
    [InlineData("float", "3.4e38", true)]
    [InlineData("float", "3.5e38", false)]
    [InlineData("double", "1.5e308", true)]
    [InlineData("double", "1e309", false)]
    [InlineData("password", "12", true)]
    public void Validate_OpenApiSchema_AssertsNumericFormats(string format, string instance, bool valid)
    {
        var schema = $$"""{"type":"number","format":"{{format}}"}""";
        Assert.Equal(valid, SchemaTestHost.Validate(schema, instance, Dialect.OpenApi30).IsValid);
        Assert.Equal(valid, SchemaTestHost.Validate(schema, instance, Dialect.Swagger20).IsValid);
        Assert.Equal(valid, SchemaTestHost.Validate(schema, instance, Dialect.Draft202012, setOptions: new SchemaSetOptions { OpenApiFormatRegistry = true }).IsValid);
    }

    [Theory]
    [InlineData(Dialect.Draft4)]
    [InlineData(Dialect.Draft7)]
    [InlineData(Dialect.Draft202012)]
    public void Validate_PlainJsonSchema_TreatsRegistryFormatsAsUnknown(Dialect dialect)
    {
        Assert.True(SchemaTestHost.Validate("""{"type":"number","format":"int32"}""", "1.5", dialect).IsValid);
        Assert.True(SchemaTestHost.Validate("""{"type":"number","format":"int64"}""", "1e30", dialect).IsValid);
        Assert.True(SchemaTestHost.Validate("""{"type":"number","format":"float"}""", "1e300", dialect).IsValid);
    }

    [Fact]
    public void Validate_OpenApi31Contract_AssertsNumericFormats()
    {
        var contract = Generation.GenerationFixtures.Load("api.json", """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},
             "components":{"schemas":{"Count":{"type":"number","format":"int32"}}}}
            """);
        var target = contract.GetTarget("Count");
        Assert.False(contract.Validate(target, SchemaTestHost.Parse("1.5")).IsValid);
        Assert.True(contract.Validate(target, SchemaTestHost.Parse("7")).IsValid);
    }
}
