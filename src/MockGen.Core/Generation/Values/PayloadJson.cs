using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>Writes payload trees as compact UTF-8 JSON, the exact bytes that reach the dataset.</summary>
internal static class PayloadJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(PayloadValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            value.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
