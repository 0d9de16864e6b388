using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MockGen.Ai.Gateway;

namespace MockGen.Ai.Cassettes;

/// <summary>
/// The cassette key of a request: SHA-256 over MockGen's canonical request record (compact JSON in a fixed field
/// order: surface, api-version, deployment, model, prompt id and version, rendered messages, the hash of the exact
/// schema bytes, format name, strict, temperature, seed, token limit). Auth and per-request ids are never part of it,
/// and neither are SDK bytes, whose field order changes between SDK versions (reference §3.3).
/// </summary>
public static class CassetteKey
{
    /// <summary>The canonical record's UTF-8 bytes.</summary>
    public static byte[] CanonicalRecord(ModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString("surface", request.Surface);
            writer.WriteString("apiVersion", request.ApiVersion);
            writer.WriteString("deployment", request.Deployment);
            if (request.Model is null)
            {
                writer.WriteNull("model");
            }
            else
            {
                writer.WriteString("model", request.Model);
            }

            writer.WriteString("promptId", request.PromptId);
            writer.WriteString("promptVersion", request.PromptVersion);
            writer.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role);
                writer.WriteString("content", message.Content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("schemaName", request.SchemaName);
            writer.WriteString("schemaSha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Schema))));
            writer.WriteBoolean("strict", request.Strict);
            // The float as its shortest round-trip text, so 0.2f is "0.2" on every machine.
            writer.WriteString("temperature", request.Temperature.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteNumber("seed", request.Seed);
            writer.WriteNumber("maxOutputTokens", request.MaxOutputTokens);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The key: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public static string Compute(ModelRequest request) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(CanonicalRecord(request)));
}
