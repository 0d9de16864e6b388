using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MockGen.Storage.Engine;

namespace MockGen.Storage.Tests.Support;

/// <summary>
/// A small but real engine for pipeline tests until Core's loader, generator and validator land: it reads JSON
/// contracts whose targets are <c>components/schemas</c>, writes deterministic dataset lines from each schema's
/// typed properties, and validates <c>required</c> and property <c>type</c>.
/// </summary>
internal sealed class JsonLinesTestEngine : IContractInspector, IShardGenerator, IValidatorFactory
{
    public string GeneratorVersion => "test-engine/1";

    public PipelineEngine Engine => new(this, this, this);

    public ContractInspection Inspect(string name, ReadOnlyMemory<byte> content)
    {
        var version = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content.Span));
        try
        {
            using var doc = JsonDocument.Parse(content);
            var targets = Schemas(doc.RootElement).Select(s => new ContractTarget("#/components/schemas/" + s.Name, s.Name)).ToList();
            return new ContractInspection(version, "openapi-3.1", true, targets, []);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new ContractInspection(version, "unknown", false, [], [name + ": " + e.Message]);
        }
    }

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

    public IPayloadValidator Compile(string contractName, ReadOnlyMemory<byte> content) => new Validator(JsonDocument.Parse(content).RootElement.Clone());

    private static IEnumerable<JsonProperty> Schemas(JsonElement root) => root.GetProperty("components").GetProperty("schemas").EnumerateObject();

    private static JsonElement Schema(JsonElement root, string targetId) =>
        Schemas(root).First(s => "#/components/schemas/" + s.Name == targetId).Value;

    private sealed class Validator(JsonElement root) : IPayloadValidator
    {
        public bool HasTarget(string targetId) => Schemas(root).Any(s => "#/components/schemas/" + s.Name == targetId);

        public IReadOnlyList<PayloadViolation> Validate(string targetId, JsonElement payload)
        {
            var schema = Schema(root, targetId);
            var name = targetId[2..];
            var errors = new List<PayloadViolation>();
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var r in required.EnumerateArray())
                {
                    if (!payload.TryGetProperty(r.GetString()!, out _))
                    {
                        errors.Add(new PayloadViolation(string.Empty, "#/" + name + "/required", "required", $"required property '{r.GetString()}' is missing"));
                    }
                }
            }

            foreach (var p in schema.GetProperty("properties").EnumerateObject())
            {
                if (payload.TryGetProperty(p.Name, out var value) && !Matches(p.Value.GetProperty("type").GetString()!, value))
                {
                    errors.Add(new PayloadViolation("/" + p.Name, "#/" + name + "/properties/" + p.Name + "/type", "type", $"/{p.Name}: {value.ValueKind} is not {p.Value.GetProperty("type").GetString()}"));
                }
            }

            return errors;
        }

        private static bool Matches(string type, JsonElement value) => type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
    }
}
