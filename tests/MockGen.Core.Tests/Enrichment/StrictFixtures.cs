using System.Text;
using System.Text.Json;
using MockGen.Core.Contracts;
using MockGen.Core.Enrichment;

namespace MockGen.Core.Tests.Enrichment;

/// <summary>Loads small contracts and transforms their targets for the strict-schema tests.</summary>
internal static class StrictFixtures
{
    public static Contract Load(string json, string name = "contract.json") => new ContractLoader().Load(name, Encoding.UTF8.GetBytes(json));

    /// <summary>A 2020-12 JSON Schema document as a contract; its one target is the document.</summary>
    public static StrictSchema TransformSchema(string schemaJson, StrictSchemaOptions? options = null)
    {
        var contract = Load(schemaJson);
        return new StrictSchemaTransform(options).Transform(contract, contract.Targets.Single(t => t.Id == "#"));
    }

    /// <summary>An OpenAPI 3.x or 2.0 document: the target with this id or name.</summary>
    public static StrictSchema TransformTarget(string openApiJson, string target, StrictSchemaOptions? options = null)
    {
        var contract = Load(openApiJson);
        return new StrictSchemaTransform(options).Transform(contract, contract.GetTarget(target));
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Compact(string json) => JsonSerializer.Serialize(Parse(json), Relaxed);

    /// <summary>The repository root (the folder holding <c>MockGen.Functions.sln</c>).</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MockGen.Functions.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MockGen.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
