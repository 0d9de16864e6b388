using System.Diagnostics;
using System.Text;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Validation;

public sealed class BadInputTests
{
    internal static string Nested(string open, string close, string leaf, int depth)
    {
        var sb = new StringBuilder((open.Length + close.Length) * depth + leaf.Length);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(open);
        }

        sb.Append(leaf);
        for (var i = 0; i < depth; i++)
        {
            sb.Append(close);
        }

        return sb.ToString();
    }

    [Fact]
    public void Create_SchemaNested10000Deep_ThrowsNestingTooDeepWithPointer()
    {
        var schema = Nested("{\"items\":", "}", "{\"type\":\"string\"}", 10_000);

        var ex = SchemaTestHost.OnSmallStack(() => Record.Exception(() => SchemaTestHost.Set(schema)));

        var schemaException = Assert.IsType<SchemaException>(ex);
        Assert.Contains("nesting exceeds the limit of 2000", schemaException.Message, StringComparison.Ordinal);
        Assert.Contains("#/items/items/", schemaException.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SchemaNested1900DeepOnSmallStack_GivesVerdictOrClearErrorWithoutCrash()
    {
        var schema = Nested("{\"items\":", "}", "{\"type\":\"string\"}", 1_900);
        var instance = Nested("[", "]", "\"x\"", 1_900);
        var set = SchemaTestHost.Set(schema);

        var result = SchemaTestHost.OnSmallStack(() => set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse(instance)));

        // Either the verdict (valid) or a clear depth error; never a stack overflow.
        Assert.True(result.IsValid || result.Errors.Any(e => e.Message.Contains("nests deeper", StringComparison.Ordinal)), result.ToString());
    }

    [Fact]
    public void Validate_Instance10000DeepAgainstRecursiveSchema_ReportsDepthLimit()
    {
        var instance = Nested("[", "]", "1", 10_000);

        var result = SchemaTestHost.OnSmallStack(() => SchemaTestHost.Validate("{\"items\":{\"$ref\":\"#\"}}", instance));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("nests deeper than the validator's limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShallowInstanceAgainstRecursiveSchema_IsValid()
    {
        var result = SchemaTestHost.Validate("{\"items\":{\"$ref\":\"#\"},\"type\":[\"array\",\"integer\"]}", Nested("[", "]", "1", 50));

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData("{\"$ref\":\"#\"}", Dialect.Draft202012)]
    [InlineData("{\"$ref\":\"#\"}", Dialect.Draft7)]
    [InlineData("{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},\"$ref\":\"#/$defs/a\"}", Dialect.Draft202012)]
    [InlineData("{\"definitions\":{\"a\":{\"$ref\":\"#/definitions/b\"},\"b\":{\"$ref\":\"#/definitions/a\"}},\"allOf\":[{\"$ref\":\"#/definitions/a\"}]}", Dialect.Draft4)]
    public void Validate_RefLoopWithoutConsumingInput_ReportsLoop(string schema, Dialect dialect)
    {
        var result = SchemaTestHost.Validate(schema, "{\"a\":1}", dialect);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("loops back to", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CatastrophicPattern_ReturnsPromptly()
    {
        var stopwatch = Stopwatch.StartNew();

        var result = SchemaTestHost.Validate("{\"pattern\":\"^(a+)+$\"}", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"");

        stopwatch.Stop();
        Assert.False(result.IsValid);
        Assert.Equal("pattern", Assert.Single(result.Errors).Keyword);

        // A generous bound: backtracking would take hours; NonBacktracking takes microseconds.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Validate_BacktrackingOnlyPatternThatTimesOut_ReportsTimeoutAsInvalid()
    {
        // The backreference forces the backtracking engine; the timeout bounds it.
        var options = new SchemaSetOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) };
        var value = new string('a', 40) + "!";

        var result = SchemaTestHost.Validate("{\"pattern\":\"^(a+)+\\\\1$\"}", $"\"{value}\"", setOptions: options);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("pattern", error.Keyword);
        Assert.Contains("took longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HugeEnum_FindsLastValue()
    {
        var values = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"v{i}\""));

        var set = SchemaTestHost.Set($"{{\"enum\":[{values}]}}");

        Assert.True(set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("\"v99999\"")).IsValid);
        Assert.False(set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("\"v100000\"")).IsValid);
    }

    [Fact]
    public void Create_UnresolvedRef_NamesPointerAndUri()
    {
        var set = SchemaTestHost.Set("{\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}");

        var ex = Assert.Throws<SchemaException>(() => set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("{}")));

        Assert.Contains("#/properties/a", ex.Message, StringComparison.Ordinal);
        Assert.Contains("#/$defs/missing", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$ref", ex.Keyword);
    }

    [Fact]
    public void Create_UnknownSchemaUri_ThrowsUnknownDialect()
    {
        var ex = Assert.Throws<SchemaException>(() => SchemaTestHost.Set("{\"$schema\":\"https://example.com/not-a-metaschema\"}"));

        Assert.Contains("unknown or unsupported $schema", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidKeywordValue_ThrowsWithLocationAndRule()
    {
        var set = SchemaTestHost.Set("{\"properties\":{\"name\":{\"minLength\":-1}}}");

        var ex = Assert.Throws<SchemaException>(() => set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("{}")));

        Assert.Equal("https://mockgen.test/schema.json#/properties/name/minLength: must be a non-negative integer (was -1)", ex.Message);
    }

    [Fact]
    public void Validate_InvalidPattern_ThrowsWithRule()
    {
        var set = SchemaTestHost.Set("{\"pattern\":\"(unclosed\"}");

        var ex = Assert.Throws<SchemaException>(() => set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("\"x\"")));

        Assert.Contains("#/pattern", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a supported ECMA-262 regular expression", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"uniqueItems\":true}")]
    [InlineData("{\"const\":[[1]]}")]
    [InlineData("{\"enum\":[1,[[2]]]}")]
    public void Validate_DeepInstanceCompared_DoesNotOverflow(string schema)
    {
        var deep = Nested("[", "]", "1", 10_000);
        var instance = $"[{deep},{deep}]";

        var result = SchemaTestHost.OnSmallStack(() => SchemaTestHost.Validate(schema, instance));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_MillionDigitNumber_ReturnsVerdict()
    {
        var huge = "1" + new string('0', 1_000_000);

        var result = SchemaTestHost.Validate("{\"type\":\"integer\",\"maximum\":5,\"multipleOf\":0.5}", huge);

        Assert.Equal("maximum", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Validate_LargeArrayOfObjectsWithUniqueItems_FindsTheDuplicate()
    {
        var items = string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"{{\"id\":{i},\"tags\":[\"t{i % 7}\"]}}"));
        var instance = $"[{items},{{\"tags\":[\"t3\"],\"id\":3.0}}]";

        var result = SchemaTestHost.Validate("{\"uniqueItems\":true}", instance);

        var error = Assert.Single(result.Errors);
        Assert.Equal("(root): items 3 and 50000 are equal; items must be unique", error.Message);
    }

    [Fact]
    public void Validate_AfterACompileError_ThrowsAgainInsteadOfAcceptingAnything()
    {
        var set = SchemaTestHost.Set("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}");
        var instance = SchemaTestHost.Parse("42");

        var first = Assert.Throws<SchemaException>(() => set.Validate(SchemaTestHost.BaseUri, instance));
        var second = Assert.Throws<SchemaException>(() => set.Validate(SchemaTestHost.BaseUri, instance));

        Assert.Equal(first.Message, second.Message);
    }

    [Fact]
    public void Validate_AfterALazyDocumentFailsToIndex_ThrowsAgain()
    {
        var deep = Nested("{\"items\":", "}", "true", 3_000);
        var options = new SchemaSetOptions { Resolver = new FixedResolver(new Uri("https://mockgen.test/deep.json"), SchemaTestHost.Parse(deep)) };
        var set = SchemaTestHost.Set("{\"$ref\":\"deep.json\"}", options: options);
        var instance = SchemaTestHost.Parse("[]");

        var first = SchemaTestHost.OnSmallStack(() => Record.Exception(() => set.Validate(SchemaTestHost.BaseUri, instance)));
        var second = SchemaTestHost.OnSmallStack(() => Record.Exception(() => set.Validate(SchemaTestHost.BaseUri, instance)));

        Assert.Contains("nesting exceeds", Assert.IsType<SchemaException>(first).Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, Assert.IsType<SchemaException>(second).Message);
    }

    [Theory]
    [InlineData("idn-hostname")]
    [InlineData("idn-email")]
    [InlineData("hostname")]
    public void Validate_VeryLongInternationalHostName_IsInvalidNotACrash(string format)
    {
        var label = string.Concat(Enumerable.Repeat("\u00e9\u00e8\u00ea\u00eb", 15));
        var host = string.Join(".", Enumerable.Repeat(label, 4));
        var value = format == "idn-email" ? "user@" + host : host;

        var result = SchemaTestHost.Validate($"{{\"format\":\"{format}\"}}", $"\"{value}\"");

        Assert.Equal("format", Assert.Single(result.Errors).Keyword);
    }

    private sealed class FixedResolver(Uri uri, System.Text.Json.JsonElement root) : ISchemaDocumentResolver
    {
        public SchemaDocument? Resolve(Uri documentUri) =>
            documentUri == uri ? new SchemaDocument(uri, root, Dialect.Draft202012, null) : null;
    }
}
