using System.Globalization;
using System.Text.Json;
using MockGen.Storage.Engine;

namespace MockGen.Storage.Tests.Support;

/// <summary>
/// A stand-in for Core's generator until it lands (wt/generator): writes deterministic dataset lines from each
/// target schema's typed properties (string, integer, boolean). Contracts are loaded and payloads validated by the
/// real Core loader and validator (<see cref="Engine"/>), so every line it writes is checked by the real gate in tests.
/// </summary>
internal sealed class JsonLinesTestEngine : IShardGenerator
{
    public string GeneratorVersion => "test-engine/1";

    public PipelineEngine Engine => new(new CoreContractInspector(), this, new CoreValidatorFactory());

    public ShardGenerationResult Generate(ShardGenerationRequest request, Stream output, CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(request.Contract);
        var schema = Schema(doc.RootElement, request.TargetId);
        if (schema.TryGetProperty("x-unsatisfiable", out _))
        {
            return new ShardGenerationResult(0, request.TargetId + ": x-unsatisfiable");
        }
        using var writer = new Utf8JsonWriter(output);
        for (var i = request.StartIndex; i < request.StartIndex + request.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteStartObject();
            writer.WriteStartObject("meta");
            writer.WriteString("contract", request.ContractName);
            writer.WriteString("contractVersion", request.ContractVersion);
            writer.WriteString("target", request.TargetId);
            writer.WriteString("variant", request.Variant);
            writer.WriteNumber("index", i);
            writer.WriteString("seed", request.Seed);
            writer.WriteString("tenant", request.Tenant);
            writer.WriteString("environment", request.Environment);
            writer.WriteString("testRunId", request.RunId);
            writer.WriteString("generator", GeneratorVersion);
            writer.WriteEndObject();
            writer.WriteStartObject("payload");
            foreach (var p in schema.GetProperty("properties").EnumerateObject())
            {
                switch (p.Value.GetProperty("type").GetString())
                {
                    case "string": writer.WriteString(p.Name, p.Name + "-" + request.Seed + "-" + i.ToString(CultureInfo.InvariantCulture)); break;
                    case "integer": writer.WriteNumber(p.Name, i); break;
                    case "boolean": writer.WriteBoolean(p.Name, i % 2 == 0); break;
                    default: writer.WriteNull(p.Name); break;
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }

        return new ShardGenerationResult(request.Count, null);
    }

    private static IEnumerable<JsonProperty> Schemas(JsonElement root) => root.GetProperty("components").GetProperty("schemas").EnumerateObject();

    private static JsonElement Schema(JsonElement root, string targetId) =>
        Schemas(root).First(s => "#/components/schemas/" + s.Name == targetId).Value;
}
