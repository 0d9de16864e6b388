using System.Text.Json;
using MockGen.Core.Enrichment;
using static MockGen.Core.Tests.Enrichment.StrictFixtures;

namespace MockGen.Core.Tests.Enrichment;

/// <summary>The reference's transform rules (azure-openai.md §2, "MockGen transform"), one case each.</summary>
public sealed class StrictSchemaTransformTests
{
    [Fact]
    public void Transform_OptionalProperty_IsRequiredAndNullable_RequiredStaysNonNull()
    {
        var strict = TransformSchema("""
            {"type":"object","required":["id"],"properties":{"id":{"type":"string"},"nick":{"type":"string"},"age":{"type":"integer"}}}
            """);

        Assert.Equal(Compact("""
            {"type":"object","properties":{"id":{"type":"string"},"nick":{"type":["string","null"]},"age":{"type":["integer","null"]}},
             "required":["id","nick","age"],"additionalProperties":false}
            """), strict.Json);
        Assert.Null(strict.RootProperty);
        Assert.Empty(strict.Violations);
    }

    [Fact]
    public void Transform_OpenApi30Nullable_BecomesTypeUnionWithNull_AndEnumFollowsTheValidator()
    {
        var strict = TransformTarget(OpenApi30("""
            {"type":"object","required":["code","status"],"properties":{
              "code":{"type":"string","nullable":true},
              "status":{"type":"string","enum":["a","b"],"nullable":true},
              "kind":{"type":"string","enum":["x","y"]}}}
            """), "#/components/schemas/Thing");

        var properties = Parse(strict.Json).GetProperty("properties");
        Assert.Equal("""["string","null"]""", properties.GetProperty("code").GetProperty("type").GetRawText());
        // nullable beside an enum without null: MockGen's validator rejects null there, so null is not offered.
        Assert.Equal("""["a","b"]""", properties.GetProperty("status").GetProperty("enum").GetRawText());
        Assert.Equal("""["x","y",null]""", properties.GetProperty("kind").GetProperty("enum").GetRawText());
    }

    [Fact]
    public void Transform_EveryObject_GetsAdditionalPropertiesFalse_EvenNestedAndInArrays()
    {
        var strict = TransformSchema("""
            {"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"array","items":{"type":"object","properties":{"c":{"type":"string"}}}}}}}}
            """);

        var objects = Objects(Parse(strict.Json)).ToList();
        Assert.Equal(3, objects.Count);
        Assert.All(objects, o => Assert.Equal(JsonValueKind.False, o.GetProperty("additionalProperties").ValueKind));
    }

    [Fact]
    public void Transform_AllOf_IsMerged_PropertiesAndRequiredUnited()
    {
        var strict = TransformTarget(OpenApi31("""
            "Base": {"type":"object","required":["id"],"properties":{"id":{"type":"string","description":"The id."}}},
            "Pet": {"allOf":[{"$ref":"#/components/schemas/Base"},{"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":20},"tag":{"type":"string"}}}]}
            """), "#/components/schemas/Pet");

        Assert.Equal(Compact("""
            {"type":"object","properties":{"id":{"type":"string","description":"The id."},"name":{"type":"string","description":"Constraints: maxLength: 20."},
             "tag":{"type":["string","null"]}},"required":["id","name","tag"],"additionalProperties":false}
            """), strict.Json);
        Assert.DoesNotContain("allOf", strict.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_OneOf_BecomesAnyOfOfDefinitions_AndIsNoted()
    {
        var strict = TransformTarget(OpenApi31("""
            "Cat": {"type":"object","required":["kind"],"properties":{"kind":{"const":"cat"},"lives":{"type":"integer"}}},
            "Dog": {"type":"object","required":["kind"],"properties":{"kind":{"const":"dog"},"bark":{"type":"boolean"}}},
            "Owner": {"type":"object","required":["pet"],"properties":{"pet":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],"discriminator":{"propertyName":"kind"}}}}
            """), "#/components/schemas/Owner");

        var root = Parse(strict.Json);
        Assert.Equal("""{"anyOf":[{"$ref":"#/$defs/Cat"},{"$ref":"#/$defs/Dog"}]}""", root.GetProperty("properties").GetProperty("pet").GetRawText());
        Assert.Equal("""{"type":"string","enum":["cat"]}""", root.GetProperty("$defs").GetProperty("Cat").GetProperty("properties").GetProperty("kind").GetRawText());
        Assert.DoesNotContain("oneOf", strict.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("discriminator", strict.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("const", strict.Json, StringComparison.Ordinal);
        Assert.Contains(strict.Notes, n => n.Message.StartsWith("oneOf sent as anyOf", StringComparison.Ordinal));
        Assert.Empty(strict.Violations);
    }

    [Fact]
    public void Transform_InlineOneOfWithSiblings_MergesTheBaseIntoEachBranch()
    {
        var strict = TransformSchema("""
            {"type":"object","required":["id"],"properties":{"id":{"type":"string"}},
             "oneOf":[{"required":["a"],"properties":{"a":{"type":"integer"}}},{"required":["b"],"properties":{"b":{"type":"boolean"}}}]}
            """);

        // A root that is a choice is not an object: it is wrapped, and each branch carries the shared property.
        Assert.Equal("value", strict.RootProperty);
        var branches = Parse(strict.Json).GetProperty("properties").GetProperty("value").GetProperty("anyOf");
        Assert.Equal(2, branches.GetArrayLength());
        Assert.Equal("""["id","a"]""", branches[0].GetProperty("required").GetRawText());
        Assert.Equal("""["id","b"]""", branches[1].GetProperty("required").GetRawText());
        Assert.Empty(strict.Violations);
    }

    [Fact]
    public void Transform_RecursiveRef_GoesThroughDefs_AndStaysInsideTheSubset()
    {
        var strict = TransformTarget(OpenApi31("""
            "Node": {"type":"object","required":["name"],"properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}
            """), "#/components/schemas/Node");

        var root = Parse(strict.Json);
        Assert.Equal("""{"$ref":"#/$defs/Node"}""", root.GetProperty("properties").GetProperty("children").GetProperty("items").GetRawText());
        Assert.Equal(
            root.GetProperty("$defs").GetProperty("Node").GetProperty("properties").GetRawText(),
            root.GetProperty("properties").GetRawText());
        Assert.Empty(StrictSubsetChecker.Check(root));
    }

    [Fact]
    public void Transform_UnsupportedConstraints_MoveIntoDescription()
    {
        var strict = TransformSchema("""
            {"type":"object","required":["code","price","tags","email"],"properties":{
              "code":{"type":"string","description":"Currency code","pattern":"^[A-Z]{3}$","minLength":3,"maxLength":3},
              "price":{"type":"number","minimum":0,"exclusiveMaximum":1000,"multipleOf":0.01},
              "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":5,"uniqueItems":true},
              "email":{"type":"string","format":"email"},
              "id":{"type":"integer","format":"int64"}}}
            """);

        var properties = Parse(strict.Json).GetProperty("properties");
        Assert.Equal("Currency code Constraints: minLength: 3; maxLength: 3; pattern: ^[A-Z]{3}$.", properties.GetProperty("code").GetProperty("description").GetString());
        Assert.Equal("Constraints: minimum: 0; exclusiveMaximum: 1000; multipleOf: 0.01.", properties.GetProperty("price").GetProperty("description").GetString());
        Assert.Equal("Constraints: minItems: 1; maxItems: 5; uniqueItems: true.", properties.GetProperty("tags").GetProperty("description").GetString());
        Assert.Equal("Constraints: format: email.", properties.GetProperty("email").GetProperty("description").GetString());
        Assert.False(properties.GetProperty("id").TryGetProperty("description", out _), "OpenAPI-only formats (int64) are dropped");
        foreach (var keyword in new[] { "\"pattern\"", "\"minLength\"", "\"minimum\"", "\"multipleOf\"", "\"minItems\"", "\"uniqueItems\"", "\"format\"" })
        {
            Assert.DoesNotContain(keyword, strict.Json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Transform_ConstraintKeywordsAllowed_KeepsPatternFormatAndBounds_ButNotLengths()
    {
        var options = new StrictSchemaOptions { Limits = new StrictSubsetLimits { AllowConstraintKeywords = true } };
        var strict = TransformSchema("""
            {"type":"object","required":["code","when","n","uri"],"properties":{
              "code":{"type":"string","pattern":"^[A-Z]{3}$","maxLength":3},
              "when":{"type":"string","format":"date-time"},
              "uri":{"type":"string","format":"uri"},
              "n":{"type":"integer","minimum":1,"maximum":9}}}
            """, options);

        Assert.Equal(Compact("""
            {"type":"object","properties":{
              "code":{"type":"string","description":"Constraints: maxLength: 3.","pattern":"^[A-Z]{3}$"},
              "when":{"type":"string","format":"date-time"},
              "uri":{"type":"string","description":"Constraints: format: uri."},
              "n":{"type":"integer","minimum":1,"maximum":9}},
             "required":["code","when","uri","n"],"additionalProperties":false}
            """), strict.Json);
        Assert.Empty(StrictSubsetChecker.Check(Parse(strict.Json), options.Limits));
        Assert.NotEmpty(StrictSubsetChecker.Check(Parse(strict.Json)));
    }

    [Fact]
    public void Transform_ArrayRoot_IsWrappedInValue()
    {
        var strict = TransformSchema("""{"type":"array","items":{"type":"string"}}""");

        Assert.Equal("value", strict.RootProperty);
        Assert.Equal(Compact("""
            {"type":"object","properties":{"value":{"type":"array","items":{"type":"string"}}},"required":["value"],"additionalProperties":false}
            """), strict.Json);
    }

    [Theory]
    [InlineData("""{"type":"string"}""")]
    [InlineData("""{"type":["object","null"],"properties":{"a":{"type":"string"}}}""")]
    [InlineData("""{"enum":[1,2,3]}""")]
    public void Transform_NonObjectRoot_IsWrapped_AndWithinTheSubset(string schema)
    {
        var strict = TransformSchema(schema);

        Assert.Equal("value", strict.RootProperty);
        Assert.Empty(strict.Violations);
    }

    [Fact]
    public void TransformList_WrapsTheTargetAsItemsOfPayloads_CountInWords()
    {
        var contract = Load("""{"type":"array","items":{"type":"integer"}}""");
        var strict = new StrictSchemaTransform().TransformList(contract, contract.Targets.Single(t => t.Id == "#"), 4);

        Assert.Equal(Compact("""
            {"type":"object","properties":{"payloads":{"type":"array","description":"Exactly 4 payloads.","items":{"type":"array","items":{"type":"integer"}}}},
             "required":["payloads"],"additionalProperties":false}
            """), strict.Json);
        Assert.EndsWith("_list", strict.Name, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StrictSchemaTransform().TransformList(contract, contract.Targets[0], 0));
    }

    [Fact]
    public void Transform_CustomRootProperty_IsUsedForWrapping()
    {
        var strict = TransformSchema("""{"type":"integer"}""", new StrictSchemaOptions { RootProperty = "result" });

        Assert.Equal("result", strict.RootProperty);
        Assert.Contains("\"required\":[\"result\"]", strict.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_Direction_DropsReadOnlyFromRequestsAndWriteOnlyFromResponses()
    {
        const string Api = """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/users":{"post":{
              "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/User"}}}},
              "responses":{"201":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/User"}}}}}}}},
             "components":{"schemas":{"User":{"type":"object","required":["id","password","name"],"properties":{
               "id":{"type":"string","readOnly":true},"password":{"type":"string","writeOnly":true},"name":{"type":"string"}}}}}}
            """;
        var contract = Load(Api);
        var transform = new StrictSchemaTransform();
        var request = transform.Transform(contract, contract.Targets.Single(t => t.Direction == MockGen.Core.Schema.PayloadDirection.Request));
        var response = transform.Transform(contract, contract.Targets.Single(t => t.Direction == MockGen.Core.Schema.PayloadDirection.Response));

        Assert.Equal("""["password","name"]""", Parse(request.Json).GetProperty("required").GetRawText());
        Assert.Equal("""["id","name"]""", Parse(response.Json).GetProperty("required").GetRawText());
        Assert.NotEqual(request.Sha256, response.Sha256);
    }

    [Fact]
    public void Transform_Map_BecomesArrayOfKeyValueEntries()
    {
        var strict = TransformSchema("""
            {"type":"object","required":["labels"],"properties":{"labels":{"type":"object","additionalProperties":{"type":"integer"},"propertyNames":{"pattern":"^[a-z]+$"}}}}
            """);

        Assert.Equal(Compact("""
            {"type":"array","description":"A map: each item is one entry, its key and its value.","items":{"type":"object","properties":{
              "key":{"type":"string","description":"The entry's key. Constraints: pattern: ^[a-z]+$."},"value":{"type":"integer"}},
              "required":["key","value"],"additionalProperties":false}}
            """), Parse(strict.Json).GetProperty("properties").GetProperty("labels").GetRawText());
        Assert.Contains(strict.Notes, n => n.SchemaLocation == "#/properties/labels" && n.Message.StartsWith("map", StringComparison.Ordinal));
    }

    [Fact]
    public void Transform_NotAndIf_AreDescribedAndNoted_NeverSent()
    {
        var strict = TransformSchema("""
            {"type":"object","required":["a"],"properties":{"a":{"type":"string","not":{"const":"x"},"if":{"minLength":3},"then":{"maxLength":5}}}}
            """);

        Assert.DoesNotContain("\"not\"", strict.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"if\"", strict.Json, StringComparison.Ordinal);
        var description = Parse(strict.Json).GetProperty("properties").GetProperty("a").GetProperty("description").GetString();
        Assert.Equal("Constraints: must not match (value \"x\"); conditional: if (the schema at #/properties/a/if) then (the schema at #/properties/a/then).", description);
        Assert.Contains(strict.Notes, n => n.Message.StartsWith("not cannot", StringComparison.Ordinal));
        Assert.Contains(strict.Notes, n => n.Message.StartsWith("if/then/else", StringComparison.Ordinal));
        Assert.Empty(strict.Violations);
    }

    [Fact]
    public void Transform_IfThenOnADiscriminatingValue_IsSummarisedForTheModel()
    {
        var strict = TransformSchema("""
            {"type":"object","required":["kind"],"properties":{"kind":{"enum":["card","bank"]},"number":{"type":"string"},"iban":{"type":"string"}},
             "if":{"properties":{"kind":{"const":"card"}}},"then":{"required":["number"]},"else":{"required":["iban"]}}
            """);

        Assert.Equal(
            "Constraints: conditional: if (kind = \"card\") then (has number), otherwise (has iban).",
            Parse(strict.Json).GetProperty("description").GetString());
    }

    [Fact]
    public void Transform_FalseProperty_IsLeftOut()
    {
        var strict = TransformSchema("""{"type":"object","properties":{"a":{"type":"string"},"gone":false}}""");

        Assert.Equal("""["a"]""", Parse(strict.Json).GetProperty("required").GetRawText());
    }

    [Fact]
    public void Transform_MultiTypeWithObject_SplitsIntoOneBranchPerType()
    {
        var strict = TransformSchema("""
            {"type":"object","required":["v"],"properties":{"v":{"type":["object","string","null"],"properties":{"x":{"type":"integer"}},"maxLength":4}}}
            """);

        Assert.Equal(Compact("""
            {"anyOf":[{"type":"object","properties":{"x":{"type":["integer","null"]}},"required":["x"],"additionalProperties":false},
                      {"type":"string","description":"Constraints: maxLength: 4."},{"type":"null"}]}
            """), Parse(strict.Json).GetProperty("properties").GetProperty("v").GetRawText());
    }

    [Fact]
    public void Transform_OverThePropertyLimit_DropsTheLastOptionalProperties_ToFit()
    {
        var properties = string.Join(",", Enumerable.Range(0, 103).Select(i => $"\"p{i}\":{{\"type\":\"string\"}}"));
        var strict = TransformSchema("{\"type\":\"object\",\"required\":[\"p102\"],\"properties\":{" + properties + "}}");

        Assert.True(strict.IsWithinSubset, string.Join("; ", strict.Violations));
        var kept = Parse(strict.Json).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(100, kept.Count);
        Assert.Contains("p102", kept);
        Assert.DoesNotContain("p100", kept);
        Assert.DoesNotContain("p101", kept);
        Assert.DoesNotContain("p99", kept);
        Assert.Contains(strict.Notes, n => n.Message == "optional property 'p101' left out to fit the subset's limits (it stays absent)");
        // The answer shape follows: an answer without the dropped properties still maps (no pass-through).
        Assert.Equal("""{"p0":"a"}""", StrictAnswer.ToPayload(strict, Parse("""{"p0":"a"}""")).GetRawText());
    }

    [Fact]
    public void Transform_OverThePropertyLimit_WithoutFitting_IsReportedNotSent()
    {
        var properties = string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"p{i}\":{{\"type\":\"string\"}}"));
        var strict = TransformSchema("{\"type\":\"object\",\"properties\":{" + properties + "}}", new StrictSchemaOptions { DropOptionalToFit = false });

        Assert.False(strict.IsWithinSubset);
        Assert.Contains(strict.Violations, v => v.Rule == StrictSubsetRule.TooManyProperties);
    }

    [Fact]
    public void Transform_RequiredPropertiesOverTheLimit_StayAViolation()
    {
        var names = Enumerable.Range(0, 101).Select(i => $"p{i}").ToList();
        var properties = string.Join(",", names.Select(n => $"\"{n}\":{{\"type\":\"string\"}}"));
        var required = string.Join(",", names.Select(n => $"\"{n}\""));
        var strict = TransformSchema("{\"type\":\"object\",\"required\":[" + required + "],\"properties\":{" + properties + "}}");

        Assert.Contains(strict.Violations, v => v.Rule == StrictSubsetRule.TooManyProperties);
    }

    [Fact]
    public void Transform_SixObjectLevels_OptionalDeepBranch_IsDroppedToFit()
    {
        // Five required levels, plus an optional sixth object and an optional scalar at level five.
        var schema = "{\"type\":\"object\",\"properties\":{\"deeper\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}},\"leaf\":{\"type\":\"string\"}}}";
        for (var i = 0; i < 4; i++)
        {
            schema = "{\"type\":\"object\",\"required\":[\"n\"],\"properties\":{\"n\":" + schema + "}}";
        }

        var strict = TransformSchema(schema);

        Assert.True(strict.IsWithinSubset, string.Join("; ", strict.Violations));
        Assert.DoesNotContain("\"deeper\"", strict.Json, StringComparison.Ordinal);
        Assert.Contains("\"leaf\"", strict.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_SixRequiredObjectLevels_IsReportedAsTooMuchNesting()
    {
        var schema = """{"type":"string"}""";
        for (var i = 0; i < 6; i++)
        {
            schema = "{\"type\":\"object\",\"required\":[\"n\"],\"properties\":{\"n\":" + schema + "}}";
        }

        var strict = TransformSchema(schema);

        Assert.Contains(strict.Violations, v => v.Rule == StrictSubsetRule.TooMuchNesting);
    }

    [Fact]
    public void Transform_HostileDepth_EndsWithAViolation_NotAStackOverflow()
    {
        var schema = """{"type":"string"}""";
        for (var i = 0; i < 120; i++)
        {
            schema = "{\"type\":\"object\",\"properties\":{\"n\":" + schema + "}}";
        }

        var strict = TransformSchema(schema);

        Assert.False(strict.IsWithinSubset);
        Assert.Contains(strict.Violations, v => v.Rule == StrictSubsetRule.TooMuchNesting);
    }

    [Fact]
    public void Transform_SameContract_GivesIdenticalBytesAndHash()
    {
        const string Schema = """{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"object","additionalProperties":{"type":"string"}}}}""";

        var first = TransformSchema(Schema);
        var second = TransformSchema(Schema);

        Assert.Equal(first.Json, second.Json);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.StartsWith("sha256:", first.Sha256, StringComparison.Ordinal);
        Assert.Equal(71, first.Sha256.Length);
        // Property order follows the contract, not the alphabet: output follows schema order.
        Assert.True(first.Json.IndexOf("\"b\"", StringComparison.Ordinal) < first.Json.IndexOf("\"a\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET /pets response 200", "GET_pets_response_200")]
    [InlineData("createPet request", "createPet_request")]
    [InlineData("///", "payload")]
    [InlineData("Ünïcode-näme", "n_code-n_me")]
    public void FormatName_ReducesToTheNameAlphabet(string name, string expected)
    {
        Assert.Equal(expected, StrictSchemaTransform.FormatName(name));
        Assert.True(StrictSubsetChecker.IsValidFormatName(StrictSchemaTransform.FormatName(new string('x', 100) + name)));
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new StrictSchemaTransform(new StrictSchemaOptions { RootProperty = "a b", MaxBranches = 0 }));

        Assert.Contains("RootProperty", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBranches", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Objects(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.String ? type.GetString() == "object" : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "object")))
            {
                yield return schema;
            }

            foreach (var child in schema.EnumerateObject().SelectMany(p => Objects(p.Value)))
            {
                yield return child;
            }
        }
        else if (schema.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in schema.EnumerateArray().SelectMany(Objects))
            {
                yield return child;
            }
        }
    }

    internal static string OpenApi30(string thing) =>
        """{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Thing":""" + thing + "}}}";

    internal static string OpenApi31(string schemas) =>
        """{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{""" + schemas + "}}}";
}
