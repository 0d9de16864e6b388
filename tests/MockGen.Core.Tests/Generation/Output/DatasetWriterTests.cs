using System.Text;
using System.Text.Json;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Tests.Generation.Output;

public sealed class DatasetWriterTests
{
    private static PayloadMeta Meta(long index) =>
        new("api.yaml", "sha256:00", "#/a", "typical", index, "7", "acme", null, "run-1", null);

    [Fact]
    public void Write_Ndjson_OneRecordPerLineWithMetaThenPayload()
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson, flushThreshold: 16))
        {
            writer.Write(Meta(0), """{"é":1}"""u8);
            writer.Write(Meta(1), "[true]"u8);
            writer.Complete();
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var meta = first.RootElement.GetProperty("meta");
        Assert.Equal(
            ["contract", "contractVersion", "target", "variant", "index", "seed", "tenant", "environment", "testRunId", "generator"],
            meta.EnumerateObject().Select(p => p.Name));
        Assert.Equal(GeneratorVersion.Value, meta.GetProperty("generator").GetString());
        Assert.Equal(1, first.RootElement.GetProperty("payload").GetProperty("é").GetInt32());
    }

    [Fact]
    public void Write_JsonFormat_IsOneArray()
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Json))
        {
            writer.Write(Meta(0), "1"u8);
            writer.Write(Meta(1), "2"u8);
            writer.Complete();
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(2, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Write_PayloadFormat_BarePayloadLines()
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Payload))
        {
            writer.Write(Meta(0), """{"a":1}"""u8);
            writer.Complete();
        }

        Assert.Equal("{\"a\":1}\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Write_Violation_IsRecordedInMeta()
    {
        using var stream = new MemoryStream();
        using (var writer = new DatasetWriter(stream, OutputFormat.Ndjson))
        {
            writer.Write(Meta(0) with { Violation = new("maximum", "/price", "#/properties/price/maximum") }, "{}"u8);
            writer.Complete();
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("maximum", doc.RootElement.GetProperty("meta").GetProperty("violation").GetProperty("keyword").GetString());
    }
}
