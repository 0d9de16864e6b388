using System.Text;
using MockGen.Core.Contracts;

namespace MockGen.Core.Tests.Contracts;

public sealed partial class ContractLoaderTests
{
    private static async Task<ContractException> LoadFailsAsync(string name, string content, ContractLoaderOptions? options = null)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, content);
        var error = await Assert.ThrowsAsync<ContractException>(() => new ContractLoader(options).LoadAsync(path));
        Assert.Equal(path, error.FilePath);
        return error;
    }

    [Fact]
    public async Task LoadAsync_MalformedJson_ReportsLineAndColumn()
    {
        var error = await LoadFailsAsync("bad.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"x\" \"version\": \"1\" }\n}");

        Assert.Equal(3, error.Line);
        Assert.Equal(26, error.Column);
        Assert.Matches(@"bad\.json:3:26: invalid JSON: '""' is invalid after a value", error.Message);
    }

    [Fact]
    public async Task LoadAsync_DuplicateJsonKey_IsRefused()
    {
        var error = await LoadFailsAsync("dup.json", "{\n  \"type\": \"object\",\n  \"type\": \"string\"\n}");

        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.EndsWith("dup.json:3:3: invalid JSON: duplicate property \"type\" in an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MalformedYaml_ReportsLineAndColumn()
    {
        var error = await LoadFailsAsync("bad.yaml", "openapi: 3.0.3\ninfo:\n  title: x\n   version: [1, 2\npaths: {}\n");

        Assert.Equal(4, error.Line);
        Assert.NotNull(error.Column);
        Assert.StartsWith(error.FilePath + ":4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_YamlDuplicateKey_NamesTheKeyAndLine()
    {
        var error = await LoadFailsAsync("dup.yaml", "type: object\nproperties:\n  a: {type: string}\n  a: {type: integer}\n");

        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("duplicate key \"a\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_YamlAliasBomb_IsRefused()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var error = await LoadFailsAsync("bomb.yaml", yaml.ToString());

        Assert.Contains("YAML aliases expand to more than 250000 nodes; refused as a possible alias bomb", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public async Task LoadAsync_YamlAliasesAndMergeKeys_AreExpanded()
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, "merge.yaml", """
            $defs:
              base: &base
                type: object
                required: [id]
              named:
                <<: *base
                required: [id, name]
                title: Named
              list: [*base, *base]
            """);

        var named = contract.RootDocument.Root.GetProperty("$defs").GetProperty("named");
        Assert.Equal("object", named.GetProperty("type").GetString());
        Assert.Equal(2, named.GetProperty("required").GetArrayLength());
        Assert.Equal(2, contract.RootDocument.Root.GetProperty("$defs").GetProperty("list").GetArrayLength());
    }

    [Theory]
    [InlineData("deep.json")]
    [InlineData("deep.yaml")]
    public async Task LoadAsync_NestingTenThousandDeep_IsRefusedWithItsLine(string name)
    {
        var content = name.EndsWith(".json", StringComparison.Ordinal)
            ? "{\"a\":\n" + string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)) + "}"
            : "a:\n" + string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)) + "\n";

        var error = await LoadFailsAsync(name, content);

        Assert.Contains("nesting too deep at line 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task LoadAsync_FiftyMegabyteFile_IsRefusedBeforeReading()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.json");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var error = await Assert.ThrowsAsync<ContractException>(() => new ContractLoader().LoadAsync(path));

        Assert.Equal($"{path}: the file is 50 MiB, over the 32 MiB limit for one contract file (raise it with ContractLoaderOptions.MaxFileBytes or --max-contract-size)", error.Message);
    }

    [Fact]
    public async Task LoadAsync_FiftyMegabyteSchemaUnderARaisedLimit_Loads()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "big.json");
        await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync("{\"type\":\"object\",\"properties\":{");
            var i = 0;
            while (writer.BaseStream.Length < 50L * 1024 * 1024)
            {
                for (var batch = 0; batch < 1000; batch++, i++)
                {
                    await writer.WriteAsync($"\"p{i}\":{{\"type\":\"string\",\"maxLength\":{i % 100},\"description\":\"property number {i} of a very large schema\"}},");
                }

                await writer.FlushAsync();
            }

            await writer.WriteAsync("\"last\":{\"type\":\"integer\"}}}");
        }

        var options = new ContractLoaderOptions { MaxFileBytes = 64L * 1024 * 1024 };
        var contract = await new ContractLoader(options).LoadAsync(path);

        Assert.Equal(["#"], contract.Targets.Select(t => t.Id));
        Assert.True(contract.SizeBytes > 50L * 1024 * 1024);
    }

    [Theory]
    [InlineData("https://example.com/my-meta-schema", "unknown $schema \"https://example.com/my-meta-schema\"")]
    [InlineData("not a uri", "unknown $schema \"not a uri\"")]
    [InlineData("http://json-schema.org/draft-03/schema#", "$schema \"http://json-schema.org/draft-03/schema#\" is not supported")]
    public async Task LoadAsync_UnknownOrUnsupportedSchema_IsAClearError(string schemaUri, string expected)
    {
        var error = await LoadFailsAsync("schema.json", $$"""{ "$schema": "{{schemaUri}}", "type": "string" }""");

        Assert.Contains("schema.json#/$schema: " + expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("#/$schema", error.JsonPointer);
    }

    [Theory]
    [InlineData("{ \"openapi\": \"4.0.0\", \"info\": {} }", "#/openapi", "OpenAPI version \"4.0.0\" is not supported")]
    [InlineData("{ \"swagger\": \"1.2\" }", "#/swagger", "OpenAPI version \"1.2\" is not supported")]
    public async Task LoadAsync_UnsupportedOpenApiVersion_IsAClearError(string content, string pointer, string expected)
    {
        var error = await LoadFailsAsync("api.json", content);

        Assert.Equal(pointer, error.JsonPointer);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.json", "", "the file is empty")]
    [InlineData("blank.yaml", "\n# only a comment\n", "the file is empty")]
    [InlineData("list.json", "[1, 2]", "the document's root is an array")]
    [InlineData("two.yaml", "a: 1\n---\nb: 2\n", "more than one YAML document")]
    [InlineData("inf.yaml", "maximum: .inf\n", "has no JSON representation")]
    public async Task LoadAsync_DocumentsThatAreNoContract_AreClearErrors(string name, string content, string expected)
    {
        var error = await LoadFailsAsync(name, content);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_OpenApiRefToNothing_IsAnErrorDiagnostic()
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(folder, "api.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                post:
                  requestBody:
                    $ref: '#/components/requestBodies/Missing'
                  responses:
                    '204': { description: none }
            """);

        Assert.Contains(contract.Diagnostics, d => d.Severity == ContractDiagnosticSeverity.Error
            && d.JsonPointer == "#/paths/~1a/post/requestBody" && d.Message.Contains("#/components/requestBodies/Missing", StringComparison.Ordinal));
        Assert.Empty(contract.Targets);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_IsAClearError()
    {
        var error = await Assert.ThrowsAsync<ContractException>(() => new ContractLoader().LoadAsync("no/such/contract.yaml"));

        Assert.Equal("no/such/contract.yaml: file or folder not found", error.Message);
    }

    [Fact]
    public void Options_Invalid_ReportsEveryProblemAtOnce()
    {
        var options = new ContractLoaderOptions { MaxFileBytes = 0, MaxDepth = 1 };
        options.UriMappings["ftp://x/"] = "/tmp";

        var error = Assert.Throws<ArgumentException>(() => new ContractLoader(options));

        Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDepth", error.Message, StringComparison.Ordinal);
        Assert.Contains("ftp://x/", error.Message, StringComparison.Ordinal);
    }
}
