using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Contracts;

public sealed partial class ContractLoaderTests
{
    private static void WriteMultiFile(TempFolder folder)
    {
        folder.Write("api/openapi.yaml", ContractFixtures.MultiFileRoot);
        folder.Write("api/schemas/pet.yaml", ContractFixtures.MultiFilePet);
        folder.Write("api/schemas/common.json", ContractFixtures.MultiFileCommon);
        folder.Write("api/bodies.yaml", ContractFixtures.MultiFileBodies);
    }

    [Fact]
    public async Task LoadAsync_MultiFile_LoadsEveryReferencedFileTransitively()
    {
        using var folder = new TempFolder();
        WriteMultiFile(folder);

        var contract = await new ContractLoader().LoadAsync(Path.Combine(folder.Path, "api/openapi.yaml"));

        Assert.Equal(4, contract.Documents.Count);
        Assert.Equal(
            ["api/openapi.yaml", "api/schemas/pet.yaml", "api/schemas/common.json", "api/bodies.yaml"],
            contract.Documents.Select(d => Path.GetRelativePath(folder.Path, d.BaseUri.LocalPath).Replace('\\', '/')));
        Assert.All(contract.Documents, d => Assert.Equal(Dialect.OpenApi30, d.DefaultDialect));
        Assert.Equal(
            [
                "#/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema",
                "#/paths/~1pets~1{petId}/get/responses/404/content/application~1json/schema",
                "bodies.yaml#/PetBody/content/application~1json/schema",
            ],
            contract.Targets.Select(t => t.Id));
        var put = contract.Targets[2];
        Assert.Equal("updatePet request", put.Name);
        Assert.Equal(PayloadDirection.Request, put.Direction);
        Assert.Equal(new Uri(Path.Combine(folder.Path, "api/bodies.yaml")).AbsoluteUri + "#/PetBody/content/application~1json/schema", put.SchemaUri.AbsoluteUri);
        Assert.Equal(
            new Uri(Path.Combine(folder.Path, "api/openapi.yaml")).AbsoluteUri + "#/paths/~1pets~1%7BpetId%7D/get/responses/200/content/application~1json/schema",
            contract.Targets[0].SchemaUri.AbsoluteUri);
    }

    [Fact]
    public async Task Resolver_ServesReferencedDocumentsByUri()
    {
        using var folder = new TempFolder();
        WriteMultiFile(folder);
        var contract = await new ContractLoader().LoadAsync(Path.Combine(folder.Path, "api/openapi.yaml"));

        var common = contract.Resolver.Resolve(new Uri(new Uri(Path.Combine(folder.Path, "api/schemas/pet.yaml")), "common.json"));

        Assert.NotNull(common);
        Assert.Equal("integer", common.Root.GetProperty("Id").GetProperty("type").GetString());
        Assert.Null(contract.Resolver.Resolve(new Uri(Path.Combine(folder.Path, "api/missing.json"))));
    }

    [Fact]
    public async Task LoadAsync_MissingReferencedFile_NamesReferrerPointerAndFile_AndCostsOnlyTheTargetsReachingIt()
    {
        using var folder = new TempFolder();
        folder.Write("openapi.yaml", ContractFixtures.MultiFileRoot);
        folder.Write("bodies.yaml", ContractFixtures.MultiFileBodies);

        // Issue 9: an OpenAPI document is many payload definitions; one missing file must not drop the others.
        var contract = await new ContractLoader().LoadAsync(Path.Combine(folder.Path, "openapi.yaml"));

        var diagnostic = contract.Diagnostics.First(d => d.Message.Contains("which does not exist", StringComparison.Ordinal));
        Assert.Equal(ContractDiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("openapi.yaml#/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema: $ref \"schemas/pet.yaml\" names the file " + Path.Combine(folder.Path, "schemas/pet.yaml") + ", which does not exist", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("#/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema", diagnostic.JsonPointer);
        var broken = contract.Targets.Single(t => t.Id == "#/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema");
        var error = Assert.Throws<ContractException>(() => contract.Compile(broken));
        Assert.Contains("schemas/pet.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_JsonSchemaWithMissingReferencedFile_StillFailsTheLoad()
    {
        using var folder = new TempFolder();
        folder.Write("root.json", """{ "$ref": "parts/missing.json" }""");

        var error = await Assert.ThrowsAsync<ContractException>(() => new ContractLoader().LoadAsync(Path.Combine(folder.Path, "root.json")));

        Assert.Contains("which does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_OpenApiWithOneMalformedComponentFile_LoadsTheRest()
    {
        using var folder = new TempFolder();
        folder.Write("api.json", """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},
             "components":{"schemas":{"Ok":{"type":"integer"},"Broken":{"$ref":"broken.json"},
               "Pet":{"type":"object","discriminator":{"propertyName":"kind","mapping":{"dog":"./dog.json"}}}}}}
            """);
        folder.Write("broken.json", """{ "type": """);

        var contract = await new ContractLoader().LoadAsync(Path.Combine(folder.Path, "api.json"));

        Assert.Contains(contract.Diagnostics, d => d.Message.Contains("broken.json", StringComparison.Ordinal));
        Assert.Contains(contract.Diagnostics, d => d.Message.Contains("dog.json", StringComparison.Ordinal));
        contract.Compile(contract.GetTarget("#/components/schemas/Ok"));
        contract.Compile(contract.GetTarget("#/components/schemas/Pet"));
        Assert.Throws<ContractException>(() => contract.Compile(contract.GetTarget("#/components/schemas/Broken")));
        // A failed compile leaves no half-built state behind: the other targets still compile and validate.
        Assert.True(contract.Validate(contract.GetTarget("#/components/schemas/Ok"), System.Text.Json.JsonDocument.Parse("3").RootElement).IsValid);
    }

    [Fact]
    public async Task LoadFolderAsync_NamesContractsByRelativePathAndSkipsTheirParts()
    {
        using var folder = new TempFolder();
        WriteMultiFile(folder);
        folder.Write("store/petstore.json", ContractFixtures.Petstore30Json);
        folder.Write("broken.json", "{ \"openapi\": ");
        folder.Write(".git/config.json", "{}");

        var result = await new ContractLoader().LoadFolderAsync(folder.Path);

        Assert.Equal(["api/openapi.yaml", "store/petstore.json"], result.Contracts.Select(c => c.Name));
        var failure = Assert.Single(result.Failures);
        Assert.Equal("broken.json", failure.Name);
    }

    [Fact]
    public async Task LoadAsync_RemoteRef_IsRefusedWithAMapHint()
    {
        using var folder = new TempFolder();
        var path = folder.Write("order.json", """
            { "type": "object", "properties": { "ship": { "$ref": "https://example.com/schemas/address.json#/$defs/Address" } } }
            """);

        var error = await Assert.ThrowsAsync<ContractException>(() => new ContractLoader().LoadAsync(path));

        Assert.Contains("order.json#/properties/ship: $ref \"https://example.com/schemas/address.json#/$defs/Address\" is remote; MockGen never fetches http(s) documents", error.Message, StringComparison.Ordinal);
        Assert.Contains("--map https://example.com/schemas/=./local/path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MappedRemoteRef_LoadsTheLocalFileUnderTheRemoteUri()
    {
        using var folder = new TempFolder();
        var path = folder.Write("order.json", """
            { "type": "object", "properties": { "ship": { "$ref": "https://example.com/schemas/address.json#/$defs/Address" } } }
            """);
        folder.Write("vendor/schemas/address.json", """
            { "$defs": { "Address": { "type": "object", "properties": { "country": { "$ref": "country.json" } } } } }
            """);
        folder.Write("vendor/schemas/country.json", """{ "type": "string", "minLength": 2, "maxLength": 2 }""");
        var options = new ContractLoaderOptions();
        options.UriMappings["https://example.com/schemas/"] = Path.Combine(folder.Path, "vendor/schemas");

        var contract = await new ContractLoader(options).LoadAsync(path);

        Assert.Equal(
            ["order.json", "https://example.com/schemas/address.json", "https://example.com/schemas/country.json"],
            contract.Documents.Select(d => d.BaseUri.IsFile ? Path.GetFileName(d.BaseUri.LocalPath) : d.BaseUri.AbsoluteUri));
        var address = contract.Resolver.Resolve(new Uri("https://example.com/schemas/address.json"));
        Assert.NotNull(address);
        Assert.Equal(Path.Combine(folder.Path, "vendor/schemas/address.json"), address.SourcePath);
        Assert.Throws<ContractException>(() => contract.Resolver.Resolve(new Uri("https://other.example/x.json")));
    }

    [Fact]
    public async Task LoadAsync_MappedRefEscapingItsFolder_IsRefused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("order.json", """{ "properties": { "x": { "$ref": "https://example.com/schemas/%2e%2e/secret.json" } } }""");
        folder.Write("secret.json", "{}");
        var options = new ContractLoaderOptions();
        options.UriMappings["https://example.com/schemas/"] = Path.Combine(folder.Path, "vendor");

        var error = await Assert.ThrowsAsync<ContractException>(() => new ContractLoader(options).LoadAsync(path));

        Assert.Contains("is remote; MockGen never fetches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_RefToEmbeddedId_IsNotTreatedAsRemote()
    {
        using var folder = new TempFolder();
        var path = folder.Write("tree.json", """
            { "$id": "https://example.com/tree.json", "type": "object",
              "properties": { "leaf": { "$ref": "leaf.json" } },
              "$defs": { "leaf": { "$id": "leaf.json", "type": "string" } } }
            """);

        var contract = await new ContractLoader().LoadAsync(path);

        Assert.Single(contract.Documents);
        Assert.Null(contract.Resolver.Resolve(new Uri("https://example.com/leaf.json")));
    }

    [Fact]
    public async Task LoadAsync_FilesReferencingEachOther_LoadOnceAndValidateRecursively()
    {
        using var folder = new TempFolder();
        var root = folder.Write("tree.json", """{ "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "node.json" } } } }""");
        folder.Write("node.json", """{ "type": "object", "required": ["name"], "properties": { "name": { "type": "string" }, "sub": { "$ref": "tree.json" } } }""");

        var contract = await new ContractLoader().LoadAsync(root);
        using var payload = System.Text.Json.JsonDocument.Parse("""{"children": [{"name": "a", "sub": {"children": [{"name": "b"}, {"nom": "c"}]}}]}""");
        var result = contract.Validate(contract.GetTarget("#"), payload.RootElement);

        Assert.Equal(2, contract.Documents.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("/children/0/sub/children/1", error.InstanceLocation);
        Assert.Equal("required", error.Keyword);
    }

    [Fact]
    public async Task LoadAsync_OpenApiObjectRefLoop_IsAnErrorDiagnosticNotAHang()
    {
        using var folder = new TempFolder();
        var path = folder.Write("loop.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                post:
                  requestBody: { $ref: '#/components/requestBodies/A' }
                  responses: { '204': { description: none } }
            components:
              requestBodies:
                A: { $ref: '#/components/requestBodies/B' }
                B: { $ref: '#/components/requestBodies/A' }
            """);

        var contract = await new ContractLoader().LoadAsync(path);

        Assert.Contains(contract.Diagnostics, d => d.Severity == ContractDiagnosticSeverity.Error && d.Message.Contains("longer than 32 hops", StringComparison.Ordinal));
        Assert.Empty(contract.Targets);
    }

    [Fact]
    public async Task LoadAsync_DiscriminatorMappingToAnotherFile_LoadsAndHashesIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("pets.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [kind]
                  properties: { kind: { type: string } }
                  discriminator:
                    propertyName: kind
                    mapping:
                      dog: 'animals/dog.yaml'
                      cat: Cat
                Cat: { type: object }
            """);
        folder.Write("animals/dog.yaml", "type: object\nproperties:\n  barks: { type: boolean }\n");

        var contract = await new ContractLoader().LoadAsync(path);

        Assert.Equal(2, contract.Documents.Count);
        Assert.EndsWith("animals/dog.yaml", contract.Documents[1].BaseUri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InMemoryWithFileRef_IsRefused()
    {
        var error = Assert.Throws<ContractException>(() => new ContractLoader().Load("openapi.yaml", System.Text.Encoding.UTF8.GetBytes(ContractFixtures.MultiFileRoot)));

        Assert.Contains("an in-memory contract has no files beside it", error.Message, StringComparison.Ordinal);
    }
}
