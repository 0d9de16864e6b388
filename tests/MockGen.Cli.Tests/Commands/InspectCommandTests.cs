using System.Text.Json;
using MockGen.Core.Tests.Contracts;

namespace MockGen.Cli.Tests.Commands;

public sealed class InspectCommandTests
{
    public static TheoryData<string, string, string, int> Contracts => new()
    {
        { "swagger.yaml", ContractFixtures.Petstore20Yaml, "openapi-2.0 (2.0)", 7 },
        { "swagger.json", ContractFixtures.Petstore20Json, "openapi-2.0 (2.0)", 7 },
        { "petstore.yaml", ContractFixtures.Petstore30Yaml, "openapi-3.0 (3.0.3)", 8 },
        { "petstore.json", ContractFixtures.Petstore30Json, "openapi-3.0 (3.0.3)", 8 },
        { "petstore31.yaml", ContractFixtures.Petstore31Yaml, "openapi-3.1 (3.1.0)", 5 },
        { "petstore31.json", ContractFixtures.Petstore31Json, "openapi-3.1 (3.1.0)", 5 },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Inspect_Contract_PrintsKindVersionAndTargets(string name, string content, string kind, int targets)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, content);

        var run = await CliRun.RunAsync(["inspect", path]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"contract     {name}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains($"kind         {kind}\n", run.Out, StringComparison.Ordinal);
        Assert.Matches("version      sha256:[0-9a-f]{64}\n", run.Out);
        Assert.Contains($"targets      {targets}\n", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Inspect_Plain_AlignsTargetsInColumns()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore31.yaml", ContractFixtures.Petstore31Yaml);

        var run = await CliRun.RunAsync(["inspect", path]);

        var expected = """
            contract     petstore31.yaml
            kind         openapi-3.1 (3.1.0)
            dialect      2020-12
            title        Petstore
            version      VERSION
            files        1
            diagnostics  0 errors, 0 warnings
            targets      5
              ID                                                                  NAME                    DIRECTION
              #/paths/~1pets/get/responses/200/content/application~1json/schema   listPets response 200   response
              #/paths/~1pets/post/requestBody/content/application~1json/schema    createPet request       request
              #/paths/~1pets/post/responses/201/content/application~1json/schema  createPet response 201  response
              #/components/schemas/Pet                                            Pet                     none
              #/components/schemas/NewPet                                         NewPet                  none

            """;
        var version = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ContractFixtures.Petstore31Yaml)));
        Assert.Equal(expected.Replace("VERSION", version, StringComparison.Ordinal), run.Out);
    }

    [Fact]
    public async Task Inspect_Json_CarriesTheSameInformation()
    {
        using var folder = new TempFolder();
        var path = folder.Write("swagger.yaml", ContractFixtures.Petstore20Yaml);

        var run = await CliRun.RunAsync(["inspect", path, "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("swagger.yaml", root.GetProperty("contract").GetString());
        Assert.Equal("openapi-2.0", root.GetProperty("kind").GetString());
        Assert.Equal("swagger-2.0", root.GetProperty("dialect").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("version").GetString(), StringComparison.Ordinal);
        var request = root.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("direction").GetString() == "request");
        Assert.Equal("#/parameters/NewPetBody/schema", request.GetProperty("id").GetString());
        Assert.Equal("createPet request", request.GetProperty("name").GetString());
        Assert.Equal("POST", request.GetProperty("method").GetString());
        Assert.Equal("/pets", request.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Inspect_Patterns_SaysWhichGrammarEachIsReadWith()
    {
        using var folder = new TempFolder();
        var path = folder.Write("codes.json", """
            {"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$"},"slug":{"type":"string","pattern":"^[a-z\\_]+$"}},
             "patternProperties":{"^x-[\\w-.]+$":{}}}
            """);

        var plain = await CliRun.RunAsync(["inspect", path]);
        var json = await CliRun.RunAsync(["inspect", path, "--json"]);

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("patterns     3 (1 unicode, 2 annex-b)\n", plain.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n  unicode  #/properties/code/pattern +\^\[A-Z\]\{3\}\$\n", plain.Out);
        Assert.Matches(@"\n  annex-b  #/properties/slug/pattern +\^\[a-z\\_\]\+\$\n", plain.Out);
        Assert.Matches(@"\n  annex-b  #/patternProperties/\^x-\[\\w-\.\]\+\$ +\^x-", plain.Out);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var patterns = document.RootElement.GetProperty("patterns").EnumerateArray()
            .ToDictionary(p => p.GetProperty("location").GetString()!, p => p.GetProperty("mode").GetString());
        Assert.Equal("unicode", patterns["#/properties/code/pattern"]);
        Assert.Equal("annex-b", patterns["#/properties/slug/pattern"]);
        Assert.Equal("annex-b", patterns["#/patternProperties/^x-[\\w-.]+$"]);
    }

    [Fact]
    public async Task Inspect_RefWithSiblingsInDraft07_WarnsOnlyWhereReadingsCanDiffer()
    {
        using var folder = new TempFolder();
        var path = folder.Write("tags.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
             "properties":{"tags":{"$ref":"#/definitions/tags","maxItems":1,"description":"d"},"code":{"$ref":"#/definitions/code","pattern":"^[A-Z]+$"}},
             "definitions":{"tags":{"type":"array","items":{"type":"string"}},"code":{"type":"string"}}}
            """);

        var run = await CliRun.RunAsync(["inspect", path]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("tags.json#/properties/code: warning: draft-07 ignores pattern beside $ref", run.Out, StringComparison.Ordinal);
        // The generator keeps tags to at most one item, valid under both readings: nothing to warn about.
        Assert.DoesNotContain("#/properties/tags: warning", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MultiFileContract_CountsFilesAndListsForeignTargets()
    {
        using var folder = new TempFolder();
        var path = folder.Write("openapi.yaml", ContractFixtures.MultiFileRoot);
        folder.Write("schemas/pet.yaml", ContractFixtures.MultiFilePet);
        folder.Write("schemas/common.json", ContractFixtures.MultiFileCommon);
        folder.Write("bodies.yaml", ContractFixtures.MultiFileBodies);

        var run = await CliRun.RunAsync(["inspect", path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("files        4\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("bodies.yaml#/PetBody/content/application~1json/schema", run.Out, StringComparison.Ordinal);
        Assert.Contains("updatePet request", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_Folder_ListsEachContractAndFailsOnBrokenOnes()
    {
        using var folder = new TempFolder();
        folder.Write("a/petstore.yaml", ContractFixtures.Petstore30Yaml);
        folder.Write("b/swagger.json", ContractFixtures.Petstore20Json);
        folder.Write("c/broken.yaml", "openapi: 3.0.3\ninfo: [\n");

        var run = await CliRun.RunAsync(["inspect", folder.Path, "--json"]);

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(["a/petstore.yaml", "b/swagger.json"], json.RootElement.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("contract").GetString()));
        Assert.Equal("c/broken.yaml", json.RootElement.GetProperty("failures")[0].GetProperty("contract").GetString());
        Assert.Contains("broken.yaml:3:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Inspect_Folder_PrintsEachContractBeforeLoadingTheNext(bool asJson)
    {
        // Streaming, shown without timing: the output writer deletes the second contract as soon as the first one is
        // written. A run that loaded the whole folder before printing would still have loaded it.
        using var folder = new TempFolder();
        folder.Write("a.json", """{"type":"integer"}""");
        var second = folder.Write("b.json", """{"type":"string"}""");
        var output = new DeletingWriter("a.json", second);
        var error = new StringWriter();
        var console = new CliConsole(output, error, () => Stream.Null);

        var exitCode = await Program.RunAsync(asJson ? ["inspect", folder.Path, "--json"] : ["inspect", folder.Path], console, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.True(output.Deleted);
        Assert.Contains("b.json", error.ToString(), StringComparison.Ordinal);
        if (asJson)
        {
            using var json = JsonDocument.Parse(output.ToString());
            Assert.Equal(["a.json"], json.RootElement.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("contract").GetString()));
            Assert.Equal("b.json", json.RootElement.GetProperty("failures")[0].GetProperty("contract").GetString());
        }
        else
        {
            Assert.StartsWith("contract     a.json\n", output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Inspect_MalformedContract_ExitsTwoWithLineAndColumn()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": }\n");

        var run = await CliRun.RunAsync(["inspect", path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith($"error: {path}:3:11: invalid JSON:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_OnATerminal_DrawsATable()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml);
        var output = new StringWriter();
        var console = new CliConsole(output, new StringWriter(), () => Stream.Null, isOutputTerminal: true, isErrorTerminal: true);

        var exitCode = await Program.RunAsync(["inspect", path], console, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains("Target id", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("#/components/schemas/NewPet", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("╭", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_UnknownRefTarget_IsAnErrorDiagnosticWithFileAndPointer()
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
                Customer:
                  $ref: 'people.yaml#/Person'
            """);
        folder.Write("people.yaml", "Person: { type: object }\n");

        var run = await CliRun.RunAsync(["inspect", path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("diagnostics  0 errors, 0 warnings", run.Out, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder.Path, "people.yaml"), "Human: { type: object }\n");
        var broken = await CliRun.RunAsync(["inspect", path, "--json"]);

        Assert.Equal(0, broken.ExitCode);
        using var json = JsonDocument.Parse(broken.Out);
        var error = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray(), e => e.GetProperty("severity").GetString() == "error");
        Assert.Equal("#/components/schemas/Customer", error.GetProperty("pointer").GetString());
        Assert.Equal($"{path}#/components/schemas/Customer: $ref \"people.yaml#/Person\" does not resolve (looked for {Path.Combine(folder.Path, "people.yaml")}#/Person)", error.GetProperty("message").GetString());
        Assert.DoesNotContain("\\u0022", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MissingFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync(["inspect", "no/such.yaml"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no/such.yaml: file or folder not found\n", run.Error);
    }

    [Fact]
    public async Task Inspect_RemoteRef_IsRefusedUnlessMapped()
    {
        using var folder = new TempFolder();
        var path = folder.Write("order.json", """{ "properties": { "ship": { "$ref": "https://example.com/schemas/address.json" } } }""");
        folder.Write("vendor/address.json", """{ "type": "object" }""");

        var refused = await CliRun.RunAsync(["inspect", path]);
        var mapped = await CliRun.RunAsync(["inspect", path, "--map", "https://example.com/schemas/=" + Path.Combine(folder.Path, "vendor")]);
        var badMap = await CliRun.RunAsync(["inspect", path, "--map", "example.com"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is remote; MockGen never fetches http(s) documents", refused.Error, StringComparison.Ordinal);
        Assert.True(mapped.ExitCode == 0, mapped.ToString());
        Assert.Contains("files        2\n", mapped.Out, StringComparison.Ordinal);
        Assert.Equal(2, badMap.ExitCode);
        Assert.Contains("expected <uri-prefix>=<local-path>", badMap.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_TooLargeContract_NamesTheLimitOption()
    {
        using var folder = new TempFolder();
        var path = folder.Write("petstore.yaml", ContractFixtures.Petstore30Yaml + new string('#', 2 * 1024 * 1024));

        var refused = await CliRun.RunAsync(["inspect", path, "--max-contract-size", "1"]);
        var allowed = await CliRun.RunAsync(["inspect", path, "--max-contract-size", "3"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("over the 1 MiB limit", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact]
    public async Task Inspect_UnknownOption_ExitsTwoWithAHint()
    {
        var run = await CliRun.RunAsync(["inspect", "x.yaml", "--jsn"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: Unrecognized command or argument '--jsn'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'mockgen inspect --help' for usage and examples.", run.Error, StringComparison.Ordinal);
    }

    // Deletes a file the first time the written text contains a marker (the first contract's name).
    private sealed class DeletingWriter(string marker, string path) : StringWriter
    {
        public bool Deleted { get; private set; }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            DeleteOnMarker();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            DeleteOnMarker();
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        private void DeleteOnMarker()
        {
            if (!Deleted && ToString().Contains(marker, StringComparison.Ordinal))
            {
                File.Delete(path);
                Deleted = true;
            }
        }
    }
}
