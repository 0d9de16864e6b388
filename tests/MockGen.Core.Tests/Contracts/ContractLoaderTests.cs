using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Contracts;

public sealed partial class ContractLoaderTests
{
    private static readonly string[] Petstore30Ids =
    [
        "#/paths/~1pets/get/responses/200/content/application~1json/schema",
        "#/paths/~1pets/get/responses/default/content/application~1problem+json/schema",
        "#/paths/~1pets/post/requestBody/content/application~1json/schema",
        "#/paths/~1pets/post/responses/201/content/application~1json/schema",
        "#/components/responses/PetResponse/content/application~1json/schema",
        "#/components/schemas/Pet",
        "#/components/schemas/NewPet",
        "#/components/schemas/Error",
    ];

    private static async Task<Contract> LoadAsync(TempFolder folder, string name, string content, ContractLoaderOptions? options = null)
    {
        var path = folder.Write(name, content);
        return await new ContractLoader(options).LoadAsync(path);
    }

    [Theory]
    [InlineData("petstore.yaml", ContractFixtures.Petstore30Yaml)]
    [InlineData("petstore.json", ContractFixtures.Petstore30Json)]
    public async Task LoadAsync_OpenApi30_ListsTargetsInDocumentOrder(string name, string content)
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, name, content);

        Assert.Equal(ContractKind.OpenApi30, contract.Kind);
        Assert.Equal(Dialect.OpenApi30, contract.Dialect);
        Assert.Equal("3.0.3", contract.SpecificationVersion);
        Assert.Equal("Petstore", contract.Title);
        Assert.Equal(name, contract.Name);
        Assert.Equal(Petstore30Ids, contract.Targets.Select(t => t.Id));
        Assert.Equal(
            ["listPets response 200", "listPets response default (application/problem+json)", "createPet request", "createPet response 201", "GET /pets/{petId} response 200", "Pet", "NewPet", "Error"],
            contract.Targets.Select(t => t.Name));
        Assert.Equal(
            [PayloadDirection.Response, PayloadDirection.Response, PayloadDirection.Request, PayloadDirection.Response, PayloadDirection.Response, PayloadDirection.None, PayloadDirection.None, PayloadDirection.None],
            contract.Targets.Select(t => t.Direction));
        Assert.DoesNotContain(contract.Diagnostics, d => d.Severity == ContractDiagnosticSeverity.Error);
    }

    [Fact]
    public async Task LoadAsync_OpenApi30_TargetCarriesOperationAndSchemaUri()
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, "petstore.yaml", ContractFixtures.Petstore30Yaml);

        var target = contract.GetTarget("#/paths/~1pets/post/requestBody/content/application~1json/schema");
        Assert.Equal("createPet", target.OperationId);
        Assert.Equal("POST", target.Method);
        Assert.Equal("/pets", target.Path);
        Assert.Equal("application/json", target.MediaType);
        Assert.Equal("/paths/~1pets/post/requestBody/content/application~1json/schema", target.JsonPointer);
        Assert.Equal(new Uri(Path.Combine(folder.Path, "petstore.yaml")).AbsoluteUri + "#/paths/~1pets/post/requestBody/content/application~1json/schema", target.SchemaUri.AbsoluteUri);
        Assert.Same(contract.RootDocument, target.Document);

        var byPath = contract.GetTarget("#/components/responses/PetResponse/content/application~1json/schema");
        Assert.Equal("/pets/{petId}", byPath.Path);
        Assert.Equal("200", byPath.StatusCode);
    }

    [Fact]
    public async Task LoadAsync_YamlAndJson_KeepEverySchemaKeyword()
    {
        using var folder = new TempFolder();
        var yaml = await LoadAsync(folder, "petstore.yaml", ContractFixtures.Petstore30Yaml);
        var json = await LoadAsync(folder, "petstore.json", ContractFixtures.Petstore30Json);

        var yamlPet = yaml.GetTarget("#/components/schemas/Pet");
        var jsonPet = json.GetTarget("#/components/schemas/Pet");
        Assert.True(MockGen.Core.Contracts.JsonPointerSyntax.TryResolve(yaml.RootDocument.Root, yamlPet.JsonPointer, out var fromYaml));
        Assert.True(MockGen.Core.Contracts.JsonPointerSyntax.TryResolve(json.RootDocument.Root, jsonPet.JsonPointer, out var fromJson));
        Assert.Equal(fromJson.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal), fromYaml.GetRawText());
        var price = fromYaml.GetProperty("properties").GetProperty("price");
        Assert.True(price.GetProperty("exclusiveMinimum").GetBoolean());
        Assert.Equal("0.01", price.GetProperty("multipleOf").GetRawText());
        Assert.True(fromYaml.GetProperty("properties").GetProperty("tag").GetProperty("nullable").GetBoolean());
    }

    [Theory]
    [InlineData("petstore.yaml", ContractFixtures.Petstore31Yaml)]
    [InlineData("petstore.json", ContractFixtures.Petstore31Json)]
    public async Task LoadAsync_OpenApi31_Uses202012AndKeepsNewKeywords(string name, string content)
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, name, content);

        Assert.Equal(ContractKind.OpenApi31, contract.Kind);
        Assert.Equal(Dialect.Draft202012, contract.Dialect);
        Assert.Equal(
            [
                "#/paths/~1pets/get/responses/200/content/application~1json/schema",
                "#/paths/~1pets/post/requestBody/content/application~1json/schema",
                "#/paths/~1pets/post/responses/201/content/application~1json/schema",
                "#/components/schemas/Pet",
                "#/components/schemas/NewPet",
            ],
            contract.Targets.Select(t => t.Id));
        var pet = contract.GetTarget("Pet");
        Assert.True(MockGen.Core.Contracts.JsonPointerSyntax.TryResolve(contract.RootDocument.Root, pet.JsonPointer, out var schema));
        Assert.False(schema.GetProperty("unevaluatedProperties").GetBoolean());
        Assert.Equal("[\"string\",\"null\"]", schema.GetProperty("properties").GetProperty("tag").GetProperty("type").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.True(schema.TryGetProperty("$defs", out _));
    }

    [Theory]
    [InlineData("petstore.yaml", ContractFixtures.Petstore20Yaml)]
    [InlineData("petstore.json", ContractFixtures.Petstore20Json)]
    public async Task LoadAsync_Swagger20_ListsBodyParametersResponsesAndDefinitions(string name, string content)
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, name, content);

        Assert.Equal(ContractKind.OpenApi20, contract.Kind);
        Assert.Equal(Dialect.Swagger20, contract.Dialect);
        Assert.Equal(
            [
                "#/paths/~1pets/get/responses/200/schema",
                "#/responses/ErrorResponse/schema",
                "#/parameters/NewPetBody/schema",
                "#/paths/~1pets/post/responses/201/schema",
                "#/definitions/Pet",
                "#/definitions/NewPet",
                "#/definitions/Error",
            ],
            contract.Targets.Select(t => t.Id));
        Assert.Equal(
            ["listPets response 200", "listPets response default", "createPet request", "createPet response 201", "Pet", "NewPet", "Error"],
            contract.Targets.Select(t => t.Name));
        Assert.Equal(PayloadDirection.Request, contract.GetTarget("createPet request").Direction);
        Assert.DoesNotContain(contract.Targets, t => t.Path == "/pets/{petId}/photo");
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-04/schema#", Dialect.Draft4)]
    [InlineData("http://json-schema.org/draft-06/schema#", Dialect.Draft6)]
    [InlineData("http://json-schema.org/draft-07/schema#", Dialect.Draft7)]
    [InlineData("https://json-schema.org/draft/2019-09/schema", Dialect.Draft201909)]
    [InlineData("https://json-schema.org/draft/2020-12/schema", Dialect.Draft202012)]
    [InlineData(null, Dialect.Draft202012)]
    public async Task LoadAsync_JsonSchema_PicksDialectFromSchemaKeyword(string? schemaUri, Dialect expected)
    {
        using var folder = new TempFolder();
        var header = schemaUri is null ? string.Empty : $"\"$schema\": \"{schemaUri}\",";
        var contract = await LoadAsync(folder, "order.json", $$"""
            { {{header}} "title": "Order", "type": "object",
              "properties": { "id": { "$ref": "#/definitions/Id" }, "lines": { "type": "array", "items": { "$ref": "#/$defs/Line" } } },
              "definitions": { "Id": { "type": "string" } },
              "$defs": { "Line": { "type": "object" } } }
            """);

        Assert.Equal(ContractKind.JsonSchema, contract.Kind);
        Assert.Equal(expected, contract.Dialect);
        Assert.Equal(["#", "#/$defs/Line", "#/definitions/Id"], contract.Targets.Select(t => t.Id));
        Assert.Equal(["Order", "Line", "Id"], contract.Targets.Select(t => t.Name));
        Assert.All(contract.Targets, t => Assert.Equal(PayloadDirection.None, t.Direction));
        Assert.Empty(contract.Diagnostics);
    }

    [Fact]
    public async Task LoadAsync_JsonSchemaInYaml_Loads()
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, "customer.yml", """
            $schema: http://json-schema.org/draft-07/schema#
            type: object
            properties:
              country: { enum: [NO, SE, DK] }
              zip: { type: string, pattern: '^[0-9]{4}$' }
            """);

        Assert.Equal(Dialect.Draft7, contract.Dialect);
        Assert.Equal(ContractFileFormat.Yaml, contract.Format);
        var country = contract.RootDocument.Root.GetProperty("properties").GetProperty("country").GetProperty("enum");
        Assert.Equal("[\"NO\",\"SE\",\"DK\"]", country.GetRawText());
        Assert.Equal("customer", contract.Targets[0].Name);
    }

    [Fact]
    public void Load_InMemory_UsesTheGivenName()
    {
        var contract = new ContractLoader().Load("tenant-a/petstore.yaml", System.Text.Encoding.UTF8.GetBytes(ContractFixtures.Petstore30Yaml));

        Assert.Equal("tenant-a/petstore.yaml", contract.Name);
        Assert.Equal(ContractKind.OpenApi30, contract.Kind);
        Assert.Equal(8, contract.Targets.Count);
        Assert.Equal("tenant-a/petstore.yaml", contract.SourcePath);
        Assert.Equal("file:///mockgen/in-memory/tenant-a/petstore.yaml", contract.RootDocument.BaseUri.AbsoluteUri);
    }

    [Fact]
    public async Task FindTarget_AcceptsIdWithoutHashAndUniqueName()
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, "petstore.yaml", ContractFixtures.Petstore30Yaml);

        Assert.Equal("#/components/schemas/Pet", contract.FindTarget("/components/schemas/Pet")?.Id);
        Assert.Equal("#/paths/~1pets/post/requestBody/content/application~1json/schema", contract.FindTarget("createPet request")?.Id);
        Assert.Null(contract.FindTarget("#/components/schemas/Nope"));
    }

    [Fact]
    public async Task GetTarget_Unknown_ThrowsWithSuggestion()
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, "petstore.yaml", ContractFixtures.Petstore30Yaml);

        var error = Assert.Throws<ContractException>(() => contract.GetTarget("#/components/schemas/Pets"));
        Assert.Equal("petstore.yaml: no target \"#/components/schemas/Pets\"; did you mean #/components/schemas/Pet?", error.Message);
    }

    [Fact]
    public async Task LoadAsync_OpenApiSpecificationError_IsADiagnosticWithPointer()
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, "broken.yaml", """
            openapi: 3.0.3
            info:
              version: 1.0.0
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
            """);

        var error = Assert.Single(contract.Diagnostics, d => d.Severity == ContractDiagnosticSeverity.Error);
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("#/info", error.JsonPointer, StringComparison.Ordinal);
        Assert.True(contract.HasErrors);
    }
}
