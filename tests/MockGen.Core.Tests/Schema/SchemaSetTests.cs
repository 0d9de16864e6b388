using MockGen.Core.Schema;
using MockGen.Core.Tests.Validation;

namespace MockGen.Core.Tests.Schema;

public sealed class SchemaSetTests
{
    [Fact]
    public void GetNode_OpenApiComponent_ExposesTypedFieldsInDocumentOrder()
    {
        const string doc = """
            {
              "openapi": "3.0.3",
              "components": { "schemas": {
                "Pet": {
                  "type": "object",
                  "required": ["name", "id"],
                  "properties": {
                    "name": { "type": "string", "minLength": 1, "pattern": "^[A-Z]", "example": "Rex" },
                    "id": { "type": "integer", "format": "int64", "readOnly": true },
                    "kind": { "$ref": "#/components/schemas/Kind" }
                  },
                  "discriminator": { "propertyName": "kind", "mapping": { "dog": "Dog" } },
                  "x-mockgen": { "locale": "fr" }
                },
                "Kind": { "type": "string", "enum": ["dog", "cat"], "nullable": true },
                "Dog": { "allOf": [ { "$ref": "#/components/schemas/Pet" } ] }
              } }
            }
            """;
        var set = SchemaTestHost.Set(doc, Dialect.OpenApi30);

        var pet = set.GetNode(new Uri(SchemaTestHost.BaseUri, "#/components/schemas/Pet"));

        Assert.Equal(SchemaTypes.Object, pet.Types);
        Assert.Equal(["name", "id"], pet.Required);
        Assert.Equal(["name", "id", "kind"], pet.Properties.Select(p => p.Name));
        Assert.Equal("^[A-Z]", pet.Properties[0].Node.Pattern!.Source);
        Assert.Equal("Rex", pet.Properties[0].Node.Example!.Value.GetString());
        Assert.True(pet.Properties[1].Node.ReadOnly);
        var kind = pet.Properties[2].Node.Ref!;
        Assert.Equal(SchemaTypes.String | SchemaTypes.Null, kind.Types);
        Assert.Equal("/components/schemas/Kind", kind.DocumentPointer);
        Assert.Equal("kind", pet.Discriminator!.PropertyName);
        var dog = Assert.Single(pet.Discriminator.Targets);
        Assert.Equal("/components/schemas/Dog", dog.Value.DocumentPointer);
        Assert.Same(pet, dog.Value.AllOf[0].Ref);
        Assert.Equal("fr", pet.GetExtension("x-mockgen")!.Value.GetProperty("locale").GetString());
    }

    [Fact]
    public void GetNode_Draft7ArrayItems_NormalizesToPrefixItems()
    {
        var set = SchemaTestHost.Set("""{"items":[{"type":"string"}],"additionalItems":false}""", Dialect.Draft7);

        var node = set.GetNode(SchemaTestHost.BaseUri);

        Assert.Single(node.PrefixItems);
        Assert.Equal("items", node.PrefixItemsKeyword);
        Assert.False(node.Items!.BooleanSchema);
        Assert.Equal("additionalItems", node.ItemsKeyword);
    }

    [Fact]
    public void GetNode_AnchorFragment_ResolvesAnchor()
    {
        var set = SchemaTestHost.Set("""{"$defs":{"x":{"$anchor":"thing","type":"null"}}}""");

        var node = set.GetNode(new Uri(SchemaTestHost.BaseUri, "#thing"));

        Assert.Equal(SchemaTypes.Null, node.Types);
        Assert.Equal("https://mockgen.test/schema.json#/$defs/x", node.AbsoluteLocation);
    }

    [Fact]
    public void GetNode_TwoPointersIntoOneDocument_ReturnDifferentNodes()
    {
        // Regression: nodes were cached by System.Uri, whose equality ignores the fragment.
        var set = SchemaTestHost.Set("""{"$defs":{"list":{"type":"array"},"item":{"type":"object"}}}""");

        var list = set.GetNode(new Uri(SchemaTestHost.BaseUri, "#/$defs/list"));
        var item = set.GetNode(new Uri(SchemaTestHost.BaseUri, "#/$defs/item"));

        Assert.Equal(SchemaTypes.Array, list.Types);
        Assert.Equal(SchemaTypes.Object, item.Types);
        Assert.Same(item, set.GetNode(new Uri(SchemaTestHost.BaseUri, "#/$defs/item")));
    }

    [Fact]
    public void GetNode_CyclicRefs_CompileToCyclicGraph()
    {
        var set = SchemaTestHost.Set("""{"$defs":{"node":{"properties":{"next":{"$ref":"#/$defs/node"}}}},"$ref":"#/$defs/node"}""");

        var root = set.GetNode(SchemaTestHost.BaseUri);

        var node = root.Ref!;
        Assert.Same(node, node.Properties[0].Node.Ref);
    }

    [Fact]
    public void Create_InvalidOptions_ReportsEveryProblem()
    {
        var options = new SchemaSetOptions { MaxDepth = 0, RegexTimeout = TimeSpan.Zero };

        var ex = Assert.Throws<ArgumentException>(() => SchemaTestHost.Set("{}", options: options));

        Assert.Contains("MaxDepth", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RegexTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNode_UnmappedRemoteRef_IsNeverFetchedAndNamesTheUri()
    {
        var set = SchemaTestHost.Set("""{"$ref":"https://schemas.example.com/money.json"}""");

        var ex = Assert.Throws<SchemaException>(() => set.GetNode(SchemaTestHost.BaseUri));

        Assert.Contains("https://schemas.example.com/money.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNode_MappedRemoteRef_ReadsTheLocalFile()
    {
        var folder = Directory.CreateTempSubdirectory("mockgen-map-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "money.json"), """{"type":"number","multipleOf":0.01}""");
            var options = new SchemaSetOptions();
            options.UriMappings[new Uri("https://schemas.example.com/")] = folder.FullName;
            var set = SchemaTestHost.Set("""{"$ref":"https://schemas.example.com/money.json"}""", options: options);

            var result = set.Validate(SchemaTestHost.BaseUri, SchemaTestHost.Parse("1.005"));

            Assert.Equal("multipleOf", Assert.Single(result.Errors).Keyword);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void GetNode_Swagger20FileResponse_IsAString()
    {
        const string doc = """{"swagger":"2.0","paths":{"/f":{"get":{"responses":{"200":{"description":"a file","schema":{"type":"file"}}}}}}}""";
        var set = SchemaTestHost.Set(doc, Dialect.Swagger20);

        var node = set.GetNode(new Uri(SchemaTestHost.BaseUri, "#/paths/~1f/get/responses/200/schema"));

        Assert.Equal(SchemaTypes.String, node.Types);
    }

    [Fact]
    public void Validate_ManyThreadsCompilingAndValidating_AgreeWithSequentialResults()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"S{i}").ToArray();
        var schemas = string.Join(",", names.Select((n, i) => $"\"{n}\":{{\"type\":\"object\",\"required\":[\"v\"],\"properties\":{{\"v\":{{\"type\":\"integer\",\"maximum\":{i}}},\"next\":{{\"$ref\":\"#/$defs/{names[(i + 1) % names.Length]}\"}}}}}}"));
        var set = SchemaTestHost.Set($"{{\"$defs\":{{{schemas}}}}}");
        var instance = SchemaTestHost.Parse("""{"v":20,"next":{"v":20}}""");

        var results = new bool[names.Length];
        Parallel.For(0, names.Length * 10, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = k % names.Length;
            var valid = set.Validate(new Uri(SchemaTestHost.BaseUri, "#/$defs/" + names[i]), instance).IsValid;
            Volatile.Write(ref results[i], valid);
        });

        // S20 needs v <= 20 and its "next" (S21) v <= 21: valid; S19 fails on v; S20..S38 valid, S39's next is S0.
        var expected = names.Select((_, i) => i >= 20 && i < 39).ToArray();
        Assert.Equal(expected, results);
    }
}
