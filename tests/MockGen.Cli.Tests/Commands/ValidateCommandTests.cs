using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private const string ValidPet = """{"id": 1, "name": "Rex"}""";

    public static TheoryData<string, string> Petstores => new()
    {
        { "swagger.yaml", ContractFixtures.Petstore20Yaml },
        { "swagger.json", ContractFixtures.Petstore20Json },
        { "petstore.yaml", ContractFixtures.Petstore30Yaml },
        { "petstore.json", ContractFixtures.Petstore30Json },
        { "petstore31.yaml", ContractFixtures.Petstore31Yaml },
        { "petstore31.json", ContractFixtures.Petstore31Json },
    };

    private static async Task<Contract> LoadAsync(string path) => await new ContractLoader().LoadAsync(path);

    private static string Record(string contract, string target, string payload, string extraMeta = "") =>
        $$"""{"meta": {"contract": "{{contract}}", "target": {{JsonSerializer.Serialize(target)}}, "variant": "typical", "index": 0{{extraMeta}}}, "payload": {{payload}}}""";

    [Theory]
    [MemberData(nameof(Petstores))]
    public async Task Validate_ValidRecords_ExitZeroWithOneLinePerRecord(string name, string content)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, content);
        var contract = await LoadAsync(path);
        var dataset = folder.Write("dataset.ndjson", string.Join("\n",
            Record(name, contract.GetTarget("listPets response 200").Id, $"[{ValidPet}]"),
            Record(name, contract.GetTarget("createPet request").Id, """{"name": "Rex"}"""),
            Record(name, contract.GetTarget("createPet response 201").Id, ValidPet),
            Record(name, contract.GetTarget("Pet").Id, ValidPet)) + "\n");

        var run = await CliRun.RunAsync(["validate", path, dataset]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["""{"line":1,"valid":true,"errors":[]}""", """{"line":2,"valid":true,"errors":[]}""", """{"line":3,"valid":true,"errors":[]}""", """{"line":4,"valid":true,"errors":[]}"""],
            run.OutLines);
        Assert.Equal($"{dataset}: 4 records: 4 valid, 0 invalid\n", run.Error);
    }

    [Theory]
    [MemberData(nameof(Petstores))]
    public async Task Validate_InvalidRecord_ExitOneWithBasicOutputErrors(string name, string content)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, content);
        var contract = await LoadAsync(path);
        var pet = contract.GetTarget("Pet").Id;
        var dataset = folder.Write("dataset.ndjson", Record(name, pet, ValidPet) + "\n" + Record(name, pet, """{"id": 1, "name": 7}""") + "\n");

        var run = await CliRun.RunAsync(["validate", path, dataset]);

        Assert.Equal(1, run.ExitCode);
        using var second = JsonDocument.Parse(run.OutLines[1]);
        Assert.Equal(2, second.RootElement.GetProperty("line").GetInt32());
        Assert.False(second.RootElement.GetProperty("valid").GetBoolean());
        var error = Assert.Single(second.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("/name", error.GetProperty("instanceLocation").GetString());
        Assert.Equal("/properties/name/type", error.GetProperty("keywordLocation").GetString());
        Assert.Equal("type", error.GetProperty("keyword").GetString());
        Assert.StartsWith("/name: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains($"1 of 2 failed: {name} {pet}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RequestTarget_RejectsReadOnlyPropertyButResponseAcceptsIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore31.yaml", ContractFixtures.Petstore31Yaml.Replace(
            "$ref: '#/components/schemas/NewPet'", "$ref: '#/components/schemas/Pet'", StringComparison.Ordinal));
        var contract = await LoadAsync(path);
        var dataset = folder.Write("dataset.ndjson",
            Record("petstore31.yaml", contract.GetTarget("createPet request").Id, ValidPet) + "\n"
            + Record("petstore31.yaml", contract.GetTarget("createPet response 201").Id, ValidPet) + "\n");

        var run = await CliRun.RunAsync(["validate", path, dataset]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("readOnly", run.OutLines[0], StringComparison.Ordinal);
        Assert.Equal("""{"line":2,"valid":true,"errors":[]}""", run.OutLines[1]);
    }

    [Fact]
    public async Task Validate_BarePayloadsFromStdinWithTarget()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);

        var run = await CliRun.RunAsync(["validate", path, "-", "--target", "#/components/schemas/NewPet"], """{"name": "Rex"}""" + "\n\n" + """{"name": "Rex", "tag": 5}""" + "\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("""{"line":1,"valid":true,"errors":[]}""", run.OutLines[0]);
        Assert.StartsWith("""{"line":3,"valid":false""", run.OutLines[1], StringComparison.Ordinal);
        Assert.StartsWith("<stdin>: 2 records: 1 valid, 1 invalid\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Formats_AssertedByDefaultAnnotatedOnRequest()
    {
        using var folder = new TempFolder();
        var path = folder.Write("event.yaml", "type: object\nproperties:\n  at: {type: string, format: date-time}\n");

        var asserted = await CliRun.RunAsync(["validate", path, "-", "-t", "#"], """{"at": "yesterday"}""");
        var annotated = await CliRun.RunAsync(["validate", path, "-", "-t", "#", "--formats", "annotate"], """{"at": "yesterday"}""");

        Assert.Equal(1, asserted.ExitCode);
        Assert.Contains("\"keyword\":\"format\"", asserted.Out, StringComparison.Ordinal);
        Assert.Equal(0, annotated.ExitCode);
    }

    [Fact]
    public async Task Validate_Folder_UsesMetaContractIncludingMultiFileContracts()
    {
        using var folder = new TempFolder();
        folder.Write("contracts/split/openapi.yaml", ContractFixtures.MultiFileRoot);
        folder.Write("contracts/split/schemas/pet.yaml", ContractFixtures.MultiFilePet);
        folder.Write("contracts/split/schemas/common.json", ContractFixtures.MultiFileCommon);
        folder.Write("contracts/split/bodies.yaml", ContractFixtures.MultiFileBodies);
        folder.Write("contracts/store/swagger.json", ContractFixtures.Petstore20Json);
        var contracts = Path.Combine(folder.Path, "contracts");
        var dataset = folder.Write("dataset.ndjson", string.Join("\n",
            Record("split/openapi.yaml", "bodies.yaml#/PetBody/content/application~1json/schema", """{"id": 2, "name": "Rex"}"""),
            Record("split/openapi.yaml", "#/paths/~1pets~1{petId}/get/responses/404/content/application~1json/schema", """{"message": "gone"}"""),
            Record("store/swagger.json", "#/definitions/Pet", ValidPet),
            Record("split/openapi.yaml", "bodies.yaml#/PetBody/content/application~1json/schema", """{"id": 0, "name": "Rex"}""")));

        var run = await CliRun.RunAsync(["validate", contracts, dataset]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(4, run.OutLines.Length);
        Assert.Contains("\"instanceLocation\":\"/id\"", run.OutLines[3], StringComparison.Ordinal);
        Assert.Contains("1 of 2 failed: split/openapi.yaml bodies.yaml#/PetBody/content/application~1json/schema", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NegativeRecords_PassWhenTheyFailExactlyAsLabelled()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);
        var violation = """, "variant": "negative", "violation": {"keyword": "maxLength", "instancePath": "/name", "schemaPath": "/properties/name/maxLength"}""";
        var longName = new string('x', 51);
        var dataset = folder.Write("dataset.ndjson", string.Join("\n",
            Record("petstore.yaml", "#/components/schemas/Pet", $$"""{"id": 1, "name": "{{longName}}"}""", violation),
            Record("petstore.yaml", "#/components/schemas/Pet", ValidPet)));

        var run = await CliRun.RunAsync(["validate", path, dataset]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var first = JsonDocument.Parse(run.OutLines[0]);
        Assert.False(first.RootElement.GetProperty("valid").GetBoolean());
        Assert.True(first.RootElement.GetProperty("matched").GetBoolean());
        Assert.Equal("maxLength", first.RootElement.GetProperty("expected").GetProperty("keyword").GetString());
        Assert.Contains("1 negative failed as labelled, 0 negative not as labelled", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": 1, "name": "Rex"}""")]
    [InlineData("""{"id": 1, "name": 5}""")]
    [InlineData("""{"id": 1, "name": "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "tag": 3}""")]
    public async Task Validate_NegativeRecordThatFailsOtherwise_ExitsOne(string payload)
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);
        var violation = """, "violation": {"keyword": "maxLength", "instancePath": "/name", "schemaPath": "/properties/name/maxLength"}""";

        var run = await CliRun.RunAsync(["validate", path, "-"], Record("petstore.yaml", "#/components/schemas/Pet", payload, violation));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"matched\":false", run.Out, StringComparison.Ordinal);
        Assert.Contains("0 negative failed as labelled, 1 negative not as labelled", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"meta\": {\"target\": \"#/components/schemas/Pet\"}, \"payload\": {\"id\": 1,}}", "dataset.ndjson:2: column 70: invalid JSON")]
    [InlineData("[1, 2]", "dataset.ndjson:2: #: a record is an object")]
    [InlineData("{\"payload\": 1}", "dataset.ndjson:2: #/meta: missing or not an object")]
    [InlineData("{\"meta\": {}, \"payload\": 1}", "dataset.ndjson:2: #/meta/target: missing or not a string")]
    [InlineData("{\"meta\": {\"target\": \"#/components/schemas/Pet\"}}", "dataset.ndjson:2: #/payload: missing")]
    [InlineData("{\"meta\": {\"target\": \"#/components/schemas/Dog\"}, \"payload\": 1}", "dataset.ndjson:2: #/meta/target \"#/components/schemas/Dog\": petstore.yaml has no such target")]
    [InlineData("{\"meta\": {\"target\": \"#/components/schemas/Pet\", \"violation\": {\"keyword\": 1}}, \"payload\": 1}", "dataset.ndjson:2: #/meta/violation/keyword must be a string")]
    public async Task Validate_MalformedLine_ExitsTwoNamingFileLineAndPointer(string badLine, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);
        var dataset = folder.Write("dataset.ndjson", Record("petstore.yaml", "#/components/schemas/Pet", ValidPet) + "\n" + badLine + "\n");

        var run = await CliRun.RunAsync(["validate", path, dataset]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.OutLines);
        Assert.StartsWith("error: " + Path.Combine(folder.Path, expected), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownTargetOption_ExitsTwoWithSuggestion()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);

        var run = await CliRun.RunAsync(["validate", path, "-", "--target", "#/components/schemas/Pets"], "{}");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: petstore.yaml: no target \"#/components/schemas/Pets\"; did you mean #/components/schemas/Pet?\n", run.Error);
    }

    [Fact]
    public async Task Validate_DatasetThatIsAFolderOrMissing_ExitsTwo()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);

        var folderAsDataset = await CliRun.RunAsync(["validate", path, folder.Path]);
        var missing = await CliRun.RunAsync(["validate", path, Path.Combine(folder.Path, "none.ndjson")]);

        Assert.Equal(2, folderAsDataset.ExitCode);
        Assert.StartsWith("error: ", folderAsDataset.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", folderAsDataset.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("none.ndjson: dataset file not found", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TargetWithFolder_ExitsTwo()
    {
        using var folder = new TempFolder();
        folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);

        var run = await CliRun.RunAsync(["validate", folder.Path, "-", "--target", "#/components/schemas/Pet"], "{}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--target needs a contract file, not a folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FolderRecordOutsideTheFolder_ExitsTwo()
    {
        using var folder = new TempFolder();
        folder.Write("contracts/petstore.yaml", ContractFixtures.Petstore30Yaml);
        folder.Write("secret.yaml", ContractFixtures.Petstore30Yaml);

        var run = await CliRun.RunAsync(["validate", Path.Combine(folder.Path, "contracts"), "-"], Record("../secret.yaml", "#/components/schemas/Pet", ValidPet));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("#/meta/contract \"../secret.yaml\" is not a file inside the contract folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ContractWithUnknownRef_ExitsTwoNamingFileAndPointer()
    {
        using var folder = new TempFolder();
        var path = folder.Write("api.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Order:
                  properties:
                    customer: { $ref: '#/components/schemas/Customer' }
            """);

        var run = await CliRun.RunAsync(["validate", path, "-", "-t", "Order"], "{}");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {path}#/components/schemas/Order/properties/customer", run.Error, StringComparison.Ordinal);
        Assert.Contains("#/components/schemas/Customer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_LargeDataset_StreamsEveryLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);
        var dataset = Path.Combine(folder.Path, "big.ndjson");
        await using (var writer = new StreamWriter(dataset))
        {
            for (var i = 0; i < 20_000; i++)
            {
                await writer.WriteLineAsync(Record("petstore.yaml", "#/components/schemas/Pet", $$"""{"id": {{i}}, "name": "pet {{i}}", "price": {{i % 100}}.5}"""));
            }
        }

        var run = await CliRun.RunAsync(["validate", path, dataset]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(20_000, run.OutLines.Length);
        Assert.Equal("""{"line":20000,"valid":true,"errors":[]}""", run.OutLines[^1]);
    }
}
