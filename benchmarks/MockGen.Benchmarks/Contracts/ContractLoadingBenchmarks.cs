using System.Text;
using BenchmarkDotNet.Attributes;
using MockGen.Core.Contracts;
using MockGen.Core.Yaml;

namespace MockGen.Benchmarks.Contracts;

/// <summary>
/// Loading a realistic large OpenAPI 3.0 description (200 paths x 2 operations, 400 schemas, about 1 MB
/// of JSON) from JSON and from YAML: parsing, Microsoft.OpenApi diagnostics, $ref discovery, targets, hash.
/// Run: <c>dotnet run -c Release --project benchmarks/MockGen.Benchmarks -- --filter '*ContractLoading*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ContractLoadingBenchmarks
{
    private readonly ContractLoader _loader = new();
    private string _folder = string.Empty;
    private string _jsonPath = string.Empty;
    private string _yamlPath = string.Empty;
    private string _yamlText = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mockgen-bench-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_folder);
        _jsonPath = Path.Combine(_folder, "large.json");
        _yamlPath = Path.Combine(_folder, "large.yaml");
        File.WriteAllText(_jsonPath, LargeContract.Json(200));
        _yamlText = LargeContract.Yaml(200);
        File.WriteAllText(_yamlPath, _yamlText);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public Task<Contract> LoadJson() => _loader.LoadAsync(_jsonPath);

    [Benchmark]
    public Task<Contract> LoadYaml() => _loader.LoadAsync(_yamlPath);

    [Benchmark]
    public object? YamlToJsonOnly() => YamlJsonConverter.Convert(_yamlText, "large.yaml", 256, 250_000);

    /// <summary>A generated contract shaped like real ones: CRUD operations over resources with nested schemas.</summary>
    private static class LargeContract
    {
        public static string Json(int resources)
        {
            var text = new StringBuilder("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Large\",\"version\":\"1.0.0\"},\"paths\":{");
            for (var i = 0; i < resources; i++)
            {
                text.Append(i == 0 ? string.Empty : ",").Append("""
                    "/resources§":{"get":{"operationId":"list§","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Resource§"}}}}}}},
                    "post":{"operationId":"create§","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/NewResource§"}}}},"responses":{"201":{"description":"created","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Resource§"}}}}}}}
                    """.Replace("§", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            text.Append("},\"components\":{\"schemas\":{");
            for (var i = 0; i < resources; i++)
            {
                text.Append(i == 0 ? string.Empty : ",").Append("""
                    "Resource§":{"type":"object","required":["id","name"],"properties":{"id":{"type":"string","format":"uuid","readOnly":true},"name":{"type":"string","maxLength":80},"amount":{"type":"number","minimum":0,"multipleOf":0.01},"currency":{"type":"string","enum":["EUR","USD","GBP"]},"tags":{"type":"array","items":{"type":"string"},"maxItems":10},"owner":{"type":"object","properties":{"email":{"type":"string","format":"email"},"createdAt":{"type":"string","format":"date-time"}}}}},
                    "NewResource§":{"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":80},"amount":{"type":"number","minimum":0},"note":{"type":"string","nullable":true}}}
                    """.Replace("§", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            return text.Append("}}}").ToString();
        }

        public static string Yaml(int resources)
        {
            var text = new StringBuilder("openapi: 3.0.3\ninfo:\n  title: Large\n  version: 1.0.0\npaths:\n");
            for (var i = 0; i < resources; i++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                      /resources{i}:
                        get:
                          operationId: list{i}
                          responses:
                            '200':
                              description: ok
                              content:
                                application/json:
                                  schema:
                                    type: array
                                    items:
                                      $ref: '#/components/schemas/Resource{i}'
                        post:
                          operationId: create{i}
                          requestBody:
                            content:
                              application/json:
                                schema:
                                  $ref: '#/components/schemas/NewResource{i}'
                          responses:
                            '201':
                              description: created
                              content:
                                application/json:
                                  schema:
                                    $ref: '#/components/schemas/Resource{i}'

                    """);
            }

            text.Append("components:\n  schemas:\n");
            for (var i = 0; i < resources; i++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                        Resource{i}:
                          type: object
                          required: [id, name]
                          properties:
                            id: {"{"} type: string, format: uuid, readOnly: true {"}"}
                            name: {"{"} type: string, maxLength: 80 {"}"}
                            amount: {"{"} type: number, minimum: 0, multipleOf: 0.01 {"}"}
                            currency: {"{"} type: string, enum: [EUR, USD, GBP] {"}"}
                            tags:
                              type: array
                              maxItems: 10
                              items: {"{"} type: string {"}"}
                            owner:
                              type: object
                              properties:
                                email: {"{"} type: string, format: email {"}"}
                                createdAt: {"{"} type: string, format: date-time {"}"}
                        NewResource{i}:
                          type: object
                          required: [name]
                          properties:
                            name: {"{"} type: string, maxLength: 80 {"}"}
                            amount: {"{"} type: number, minimum: 0 {"}"}
                            note: {"{"} type: string, nullable: true {"}"}

                    """);
            }

            return text.ToString();
        }
    }
}
