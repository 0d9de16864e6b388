using MockGen.Core.Enrichment;
using static MockGen.Core.Tests.Enrichment.StrictFixtures;

namespace MockGen.Core.Tests.Enrichment;

/// <summary>The strict subset's rules (reference §2), one broken at a time, with Azure's wording.</summary>
public sealed class StrictSubsetCheckerTests
{
    private const string Valid = """
        {"type":"object","properties":{"a":{"type":["string","null"]},"b":{"$ref":"#/$defs/B"}},"required":["a","b"],"additionalProperties":false,
         "$defs":{"B":{"type":"object","properties":{"next":{"anyOf":[{"$ref":"#/$defs/B"},{"type":"null"}]}},"required":["next"],"additionalProperties":false}}}
        """;

    [Fact]
    public void Check_ValidRecursiveSchema_HasNoViolation() => Assert.Empty(StrictSubsetChecker.Check(Parse(Valid)));

    [Theory]
    [InlineData("""{"type":"array","items":{"type":"string"}}""", StrictSubsetRule.RootNotObject, "")]
    [InlineData("""{"anyOf":[{"type":"object","properties":{},"required":[],"additionalProperties":false}]}""", StrictSubsetRule.RootNotObject, "")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""", StrictSubsetRule.AdditionalPropertiesNotFalse, "")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":true}""", StrictSubsetRule.AdditionalPropertiesNotFalse, "")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.RequiredIncomplete, "")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","pattern":"^x$"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnsupportedKeyword, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"oneOf":[{"type":"string"}]}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnsupportedKeyword, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"allOf":[{"type":"string"}],"type":"string"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnsupportedKeyword, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","not":{"type":"null"}}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnsupportedKeyword, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","const":"x"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnsupportedKeyword, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"integer","minimum":1}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnsupportedKeyword, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"array","items":{"type":"string"},"minItems":1}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnsupportedKeyword, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.MissingType, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"date"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnknownType, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"array"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.MissingItems, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/components/schemas/A"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnresolvedRef, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/$defs/Missing"}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.UnresolvedRef, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":true},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.NotAnObject, "/properties/a")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","$defs":{}}},"required":["a"],"additionalProperties":false}""", StrictSubsetRule.DefsNotAtRoot, "/properties/a")]
    public void Check_OneRuleBroken_ReportsThatRuleAtThatPlace(string schema, StrictSubsetRule rule, string pointer)
    {
        var violation = StrictSubsetChecker.Check(Parse(schema))[0];

        Assert.Equal(rule, violation.Rule);
        Assert.Equal(pointer, violation.SchemaPointer);
    }

    [Fact]
    public void Check_MissingAdditionalProperties_UsesAzuresWording()
    {
        var violation = Assert.Single(StrictSubsetChecker.Check(Parse("""
            {"type":"object","properties":{"user":{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}},"required":["user"],"additionalProperties":false}
            """)));

        Assert.Equal(
            "Invalid schema for response_format 'user_payload': In context=('properties', 'user'), 'additionalProperties' is required to be supplied and to be false.",
            violation.ToAzureMessage("user_payload"));
    }

    [Fact]
    public void Check_ConstraintKeywordsAllowed_AcceptsThemButNotUnknownFormats()
    {
        var limits = new StrictSubsetLimits { AllowConstraintKeywords = true };
        var good = Parse("""{"type":"object","properties":{"a":{"type":"string","pattern":"^x$","format":"email"},"n":{"type":"number","minimum":0,"multipleOf":0.5},"l":{"type":"array","items":{"type":"string"},"maxItems":3}},"required":["a","n","l"],"additionalProperties":false}""");
        var badFormat = Parse("""{"type":"object","properties":{"a":{"type":"string","format":"uri"}},"required":["a"],"additionalProperties":false}""");

        Assert.Empty(StrictSubsetChecker.Check(good, limits));
        Assert.Equal(StrictSubsetRule.UnsupportedFormat, Assert.Single(StrictSubsetChecker.Check(badFormat, limits)).Rule);
    }

    [Fact]
    public void Check_PropertyCount_CountsDefinitionsOnce()
    {
        var limits = new StrictSubsetLimits { MaxTotalProperties = 3 };
        // 2 root properties + 1 in the definition = 3, although the definition is used twice.
        Assert.Empty(StrictSubsetChecker.Check(Parse("""
            {"type":"object","properties":{"a":{"$ref":"#/$defs/X"},"b":{"$ref":"#/$defs/X"}},"required":["a","b"],"additionalProperties":false,
             "$defs":{"X":{"type":"object","properties":{"v":{"type":"string"}},"required":["v"],"additionalProperties":false}}}
            """), limits));
        Assert.Equal(StrictSubsetRule.TooManyProperties, Assert.Single(StrictSubsetChecker.Check(Parse("""
            {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"},"c":{"type":"string"},"d":{"type":"string"}},"required":["a","b","c","d"],"additionalProperties":false}
            """), limits)).Rule);
    }

    [Fact]
    public void Check_Nesting_FollowsRefsAndStopsAtLoops()
    {
        var limits = new StrictSubsetLimits { MaxObjectNesting = 2 };
        // Root (1) -> def X (2) -> X again: the loop is not unrolled, so 2 levels.
        Assert.Empty(StrictSubsetChecker.Check(Parse(Valid), limits));
        var deep = Parse("""
            {"type":"object","properties":{"a":{"$ref":"#/$defs/X"}},"required":["a"],"additionalProperties":false,
             "$defs":{"X":{"type":"object","properties":{"y":{"type":"object","properties":{},"required":[],"additionalProperties":false}},"required":["y"],"additionalProperties":false}}}
            """);
        Assert.Equal(StrictSubsetRule.TooMuchNesting, Assert.Single(StrictSubsetChecker.Check(deep, limits)).Rule);
    }

    [Fact]
    public void Check_Enums_AreHeldToTheirLimits()
    {
        var values = string.Join(",", Enumerable.Range(0, 1001).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var tooMany = Parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\",\"enum\":[" + values + "]}},\"required\":[\"a\"],\"additionalProperties\":false}");
        var longStrings = string.Join(",", Enumerable.Range(0, 251).Select(i => "\"" + new string('x', 60) + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\""));
        var tooLong = Parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"enum\":[" + longStrings + "]}},\"required\":[\"a\"],\"additionalProperties\":false}");

        Assert.Equal(StrictSubsetRule.EnumTooLarge, Assert.Single(StrictSubsetChecker.Check(tooMany)).Rule);
        Assert.Equal(StrictSubsetRule.EnumTooLarge, Assert.Single(StrictSubsetChecker.Check(tooLong)).Rule);
    }

    [Fact]
    public void Check_HostilelyDeepSchema_StopsWithAViolation()
    {
        var schema = "{\"type\":\"string\"}";
        for (var i = 0; i < 200; i++)
        {
            schema = "{\"type\":\"array\",\"items\":" + schema + "}";
        }

        schema = "{\"type\":\"object\",\"properties\":{\"a\":" + schema + "},\"required\":[\"a\"],\"additionalProperties\":false}";
        using var document = System.Text.Json.JsonDocument.Parse(schema, new System.Text.Json.JsonDocumentOptions { MaxDepth = 1000 });

        Assert.Contains(StrictSubsetChecker.Check(document.RootElement), v => v.Rule == StrictSubsetRule.SchemaTooDeep);
    }

    [Theory]
    [InlineData("user_payload", true)]
    [InlineData("a-B_9", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dot.name", false)]
    public void IsValidFormatName_FollowsTheNameRule(string name, bool expected) =>
        Assert.Equal(expected, StrictSubsetChecker.IsValidFormatName(name));

    [Fact]
    public void IsValidFormatName_RejectsMoreThan64Characters()
    {
        Assert.True(StrictSubsetChecker.IsValidFormatName(new string('a', 64)));
        Assert.False(StrictSubsetChecker.IsValidFormatName(new string('a', 65)));
    }
}
