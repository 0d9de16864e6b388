using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Contracts;

/// <summary>Issue 12: a custom meta-schema reached through a URI mapping is a dialect, as the schema compiler reads it.</summary>
public sealed partial class ContractLoaderTests
{
    [Fact]
    public async Task LoadAsync_CustomMetaSchemaThroughMapping_TakesItsBaseDialectAndVocabularies()
    {
        using var folder = new TempFolder();
        // The suite's metaschema-no-validation: 2019-09 without the validation vocabulary.
        folder.Write("meta/no-validation.json", """
            { "$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "https://example.com/meta/no-validation.json",
              "$vocabulary": { "https://json-schema.org/draft/2019-09/vocab/applicator": true, "https://json-schema.org/draft/2019-09/vocab/core": true } }
            """);
        var path = folder.Write("schema.json", """
            { "$schema": "https://example.com/meta/no-validation.json",
              "properties": { "badProperty": false, "numberProperty": { "minimum": 10 } } }
            """);
        var options = new ContractLoaderOptions();
        options.UriMappings["https://example.com/meta/"] = Path.Combine(folder.Path, "meta");

        var contract = await new ContractLoader(options).LoadAsync(path);
        var root = contract.GetTarget("#");

        Assert.Equal(Dialect.Draft201909, contract.Dialect);
        Assert.True(contract.Validate(root, JsonDocument.Parse("""{"numberProperty": 1}""").RootElement).IsValid, "minimum is not in force without the validation vocabulary");
        Assert.False(contract.Validate(root, JsonDocument.Parse("""{"badProperty": 1}""").RootElement).IsValid, "the applicator vocabulary is in force");
    }

    [Fact]
    public async Task LoadAsync_MetaSchemaCycleThroughMapping_IsUnknownSchemaNotAHang()
    {
        using var folder = new TempFolder();
        folder.Write("meta/a.json", """{ "$schema": "https://example.com/meta/b.json" }""");
        folder.Write("meta/b.json", """{ "$schema": "https://example.com/meta/a.json" }""");
        var path = folder.Write("schema.json", """{ "$schema": "https://example.com/meta/a.json", "type": "string" }""");
        var options = new ContractLoaderOptions();
        options.UriMappings["https://example.com/meta/"] = Path.Combine(folder.Path, "meta");

        var error = await Assert.ThrowsAsync<ContractException>(() => new ContractLoader(options).LoadAsync(path));

        Assert.Contains("schema.json#/$schema: unknown $schema \"https://example.com/meta/a.json\"", error.Message, StringComparison.Ordinal);
    }
}
