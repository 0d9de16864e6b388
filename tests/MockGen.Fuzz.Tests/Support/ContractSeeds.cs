namespace MockGen.Fuzz.Tests.Support;

/// <summary>Well-formed contracts of every kind MockGen reads, the starting points of the mutations.</summary>
internal static class ContractSeeds
{
    public const string JsonSchema202012 = """
    {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://example.test/order.json","type":"object",
     "required":["id","total","lines"],"additionalProperties":false,
     "properties":{"id":{"type":"string","format":"uuid"},"total":{"$ref":"#/$defs/money"},
       "lines":{"type":"array","minItems":1,"maxItems":3,"items":{"$ref":"#/$defs/line"}},
       "note":{"type":["string","null"],"maxLength":20,"pattern":"^[a-z ]*$"},
       "kind":{"oneOf":[{"const":"a"},{"const":"b"}]}},
     "$defs":{"money":{"type":"number","exclusiveMinimum":0,"maximum":1000,"multipleOf":0.01},
       "line":{"type":"object","required":["sku"],"properties":{"sku":{"type":"string","minLength":3},"next":{"$ref":"#/$defs/line"}}}}}
    """;

    public const string Draft04 = """
    {"$schema":"http://json-schema.org/draft-04/schema#","id":"http://example.test/d4.json","type":"object",
     "properties":{"n":{"type":"integer","minimum":1,"exclusiveMinimum":true},"s":{"$ref":"#/definitions/s"}},
     "definitions":{"s":{"type":"string","enum":["x","y"]}}}
    """;

    public const string OpenApi30 = """
    {"openapi":"3.0.3","info":{"title":"t","version":"1"},
     "paths":{"/pets/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
       "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pet"}}}}}}}},
     "components":{"schemas":{
       "Pet":{"type":"object","required":["id","kind"],"discriminator":{"propertyName":"kind"},
         "properties":{"id":{"type":"integer","format":"int64"},"kind":{"type":"string"},"name":{"type":"string","nullable":true},
           "tags":{"type":"array","items":{"$ref":"#/components/schemas/Tag"}}}},
       "Cat":{"allOf":[{"$ref":"#/components/schemas/Pet"},{"type":"object","properties":{"lives":{"type":"integer","maximum":9,"exclusiveMaximum":true}}}]},
       "Tag":{"type":"string","minLength":1,"maxLength":8}}}}
    """;

    public const string Swagger20 = """
    {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{},
     "definitions":{"User":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0},
       "friends":{"type":"array","items":{"$ref":"#/definitions/User"},"maxItems":2}}}}}
    """;

    public const string OpenApi31Yaml = """
    openapi: 3.1.0
    info: {title: t, version: '1'}
    paths: {}
    components:
      schemas:
        Base: &base
          type: object
          properties:
            id: {type: string, format: date-time}
            score: {type: number, minimum: 0, maximum: 1}
        Item:
          <<: *base
          required: [id]
        List:
          type: array
          items: {$ref: '#/components/schemas/Item'}
          prefixItems: [{type: integer}]
        Dyn:
          $dynamicAnchor: node
          type: object
          properties:
            child: {$dynamicRef: '#node'}
    """;

    public static IReadOnlyList<string> All { get; } = [JsonSchema202012, Draft04, OpenApi30, Swagger20, OpenApi31Yaml, PaymentsSample()];

    /// <summary>The repository's sample OpenAPI description (YAML), copied next to the tests.</summary>
    private static string PaymentsSample() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "payments-api.yaml"));
}
