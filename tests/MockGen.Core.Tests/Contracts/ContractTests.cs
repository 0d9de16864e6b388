using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Contracts;

public sealed class ContractTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [InlineData("petstore.yaml", ContractFixtures.Petstore30Yaml)]
    [InlineData("petstore.json", ContractFixtures.Petstore30Json)]
    public async Task Validate_OpenApi30_AppliesDialectAndDirection(string name, string content)
    {
        using var folder = new TempFolder();
        var contract = await new ContractLoader().LoadAsync(folder.Write(name, content));
        var response = contract.GetTarget("createPet response 201");
        var request = contract.GetTarget("createPet request");
        var pet = contract.GetTarget("Pet");

        Assert.True(contract.Validate(response, Json("""{"id": 1, "name": "Rex", "tag": null, "price": 9.99}""")).IsValid);
        Assert.True(contract.Validate(request, Json("""{"name": "Rex"}""")).IsValid);

        var tooLong = contract.Validate(pet, Json($$"""{"id": 1, "name": "{{new string('x', 51)}}"}"""));
        var error = Assert.Single(tooLong.Errors);
        Assert.Equal("/name", error.InstanceLocation);
        Assert.Equal("maxLength", error.Keyword);

        var notMultiple = contract.Validate(pet, Json("""{"id": 1, "name": "Rex", "price": 12.345}"""));
        Assert.Equal("multipleOf", Assert.Single(notMultiple.Errors).Keyword);
        Assert.False(contract.Validate(pet, Json("""{"id": 1, "name": "Rex", "price": 0}""")).IsValid);
    }

    [Fact]
    public async Task Validate_RequestTarget_RejectsReadOnlyProperty()
    {
        using var folder = new TempFolder();
        var contract = await new ContractLoader().LoadAsync(folder.Write("petstore.yaml", ContractFixtures.Petstore31Yaml));
        var requestToPet = contract.Targets.Single(t => t.Direction == Core.Schema.PayloadDirection.Request);
        var petAsRequest = contract.GetTarget("createPet request");

        Assert.True(contract.Validate(petAsRequest, Json("""{"name": "Rex", "tag": null}""")).IsValid);
        Assert.Same(requestToPet, petAsRequest);
        Assert.True(contract.Validate(contract.GetTarget("createPet response 201"), Json("""{"id": 1, "name": "Rex", "kind": "pet"}""")).IsValid);
        Assert.False(contract.Validate(contract.GetTarget("createPet response 201"), Json("""{"id": 1, "name": "Rex", "extra": 1}""")).IsValid);
    }

    [Fact]
    public async Task Validate_MultiFileContract_FollowsRefsAcrossFiles()
    {
        using var folder = new TempFolder();
        var root = folder.Write("openapi.yaml", ContractFixtures.MultiFileRoot);
        folder.Write("schemas/pet.yaml", ContractFixtures.MultiFilePet);
        folder.Write("schemas/common.json", ContractFixtures.MultiFileCommon);
        folder.Write("bodies.yaml", ContractFixtures.MultiFileBodies);
        var contract = await new ContractLoader().LoadAsync(root);

        var getPet = contract.GetTarget("getPet response 200");
        Assert.True(contract.Validate(getPet, Json("""{"id": 3, "name": "Rex"}""")).IsValid);
        var bad = contract.Validate(contract.GetTarget("updatePet request"), Json("""{"id": 0, "name": "Rex"}"""));
        Assert.Equal("/id", Assert.Single(bad.Errors).InstanceLocation);
        Assert.Empty(contract.CheckTargets());
    }

    [Fact]
    public async Task Compile_UnknownRefTarget_NamesFileAndPointer()
    {
        using var folder = new TempFolder();
        var path = folder.Write("api.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Order:
                  type: object
                  properties:
                    customer:
                      $ref: '#/components/schemas/Customer'
            """);
        var contract = await new ContractLoader().LoadAsync(path);

        var error = Assert.Throws<ContractException>(() => contract.Compile(contract.GetTarget("Order")));

        Assert.Contains("#/components/schemas/Customer", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + "#/components/schemas/Order/properties/customer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("file://", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
        var diagnostic = Assert.Single(contract.CheckTargets());
        Assert.Equal(ContractDiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public async Task Validate_FormatsAsAnnotations_WhenAsked()
    {
        using var folder = new TempFolder();
        var contract = await new ContractLoader().LoadAsync(folder.Write("event.json", """{ "type": "object", "properties": { "at": { "type": "string", "format": "date-time" } } }"""));
        var target = contract.GetTarget("#");
        var payload = Json("""{"at": "yesterday"}""");

        Assert.False(contract.Validate(target, payload).IsValid);
        Assert.True(contract.Validate(target, payload, new ValidationOptions { AssertFormats = false }).IsValid);
    }
}
