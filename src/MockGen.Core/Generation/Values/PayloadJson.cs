using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MockGen.Core.Generation.Values;

/// <summary>Writes payload trees as compact UTF-8 JSON, the exact bytes that reach the dataset.</summary>
internal static class PayloadJson
{
    // A buffer kept past this is dropped, so one huge payload does not pin its memory to the thread.
    private const int MaxKeptBuffer = 1 << 20;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread, reset per payload: every candidate and every local match is written, and a
    // growing buffer plus a writer each time were a tenth of a payload's allocations (issue 9). The bytes are the same.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] ToUtf8(PayloadValue value)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            t_writer = writer = new Utf8JsonWriter(buffer, Options);
        }
        else
        {
            writer.Reset(buffer);
        }

        value.WriteTo(writer);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptBuffer)
        {
            t_buffer = null;
            t_writer = null;
        }

        return bytes;
    }
}
