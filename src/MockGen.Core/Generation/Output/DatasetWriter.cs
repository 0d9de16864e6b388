using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MockGen.Core.Generation.Output;

/// <summary>
/// Streams dataset records to a stream: a Utf8JsonWriter writes into one reused buffer that is copied to
/// the stream whenever it passes the flush threshold, so memory stays flat however many records pass.
/// </summary>
/// <remarks>
/// Writes are synchronous because they sit inside the synchronous generation loop; the buffer turns
/// them into one stream write per threshold (64 KiB by default, the size System.Text.Json's own
/// serializer flushes at). Not thread-safe: parallel runs reassemble records in order before writing.
/// </remarks>
public sealed class DatasetWriter : IDisposable
{
    /// <summary>The default number of buffered bytes that triggers a write to the stream.</summary>
    public const int DefaultFlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Payloads are data for test runners, not HTML: keep non-ASCII text readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly Stream _output;
    private readonly OutputFormat _format;
    private readonly int _flushThreshold;
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _writer;
    private long _records;
    private bool _completed;

    /// <summary>Creates a writer over <paramref name="output"/>, which it does not dispose.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flushThreshold"/> is not positive.</exception>
    public DatasetWriter(Stream output, OutputFormat format, int flushThreshold = DefaultFlushThreshold)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(flushThreshold);
        _output = output;
        _format = format;
        _flushThreshold = flushThreshold;
        _buffer = new ArrayBufferWriter<byte>(flushThreshold + 4096);
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>The number of records written so far.</summary>
    public long Records => _records;

    /// <summary>Writes one record; <paramref name="payloadJson"/> is the payload's UTF-8 JSON, already gated.</summary>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    public void Write(PayloadMeta meta, ReadOnlySpan<byte> payloadJson)
    {
        ArgumentNullException.ThrowIfNull(meta);
        if (_completed)
        {
            throw new InvalidOperationException("The dataset writer was completed.");
        }

        if (_format == OutputFormat.Json)
        {
            _buffer.Write(_records == 0 ? "["u8 : ","u8);
        }

        if (_format == OutputFormat.Payload)
        {
            _writer.WriteRawValue(payloadJson, skipInputValidation: true);
        }
        else
        {
            _writer.WriteStartObject();
            _writer.WritePropertyName("meta"u8);
            WriteMeta(_writer, meta);
            _writer.WritePropertyName("payload"u8);
            _writer.WriteRawValue(payloadJson, skipInputValidation: true);
            _writer.WriteEndObject();
        }

        EndRecord();
    }

    private void EndRecord()
    {
        _writer.Flush();
        _writer.Reset(_buffer);
        if (_format != OutputFormat.Json)
        {
            _buffer.Write("\n"u8);
        }

        _records++;
        if (_buffer.WrittenCount >= _flushThreshold)
        {
            FlushBuffer();
        }
    }

    /// <summary>
    /// Writes an error record <c>{"meta": {…, "error": "…"}}</c> in place of the payload(s) that could not be made.
    /// The <c>payload</c> format carries bare payloads only, so it skips error records (the caller still reports them).
    /// </summary>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    public void WriteError(DatasetError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (_completed)
        {
            throw new InvalidOperationException("The dataset writer was completed.");
        }

        if (_format == OutputFormat.Payload)
        {
            return;
        }

        if (_format == OutputFormat.Json)
        {
            _buffer.Write(_records == 0 ? "["u8 : ","u8);
        }

        _writer.WriteStartObject();
        _writer.WriteStartObject("meta"u8);
        _writer.WriteString("contract"u8, error.Contract);
        WriteOptional(_writer, "contractVersion"u8, error.ContractVersion);
        WriteOptional(_writer, "target"u8, error.Target);
        WriteOptional(_writer, "variant"u8, error.Variant);
        if (error.Index is { } index)
        {
            _writer.WriteNumber("index"u8, index);
        }
        else
        {
            _writer.WriteNull("index"u8);
        }

        _writer.WriteString("seed"u8, error.Seed);
        WriteOptional(_writer, "tenant"u8, error.Tenant);
        WriteOptional(_writer, "environment"u8, error.Environment);
        WriteOptional(_writer, "testRunId"u8, error.TestRunId);
        _writer.WriteString("generator"u8, error.Generator);
        if (error.Scenario is { } scenario)
        {
            _writer.WriteStartObject("scenario"u8);
            _writer.WriteString("name"u8, scenario);
            _writer.WriteEndObject();
        }

        _writer.WriteString("error"u8, error.Error);
        _writer.WriteString("errorKind"u8, error.Kind);
        WriteOptional(_writer, "schemaLocation"u8, error.SchemaLocation);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        EndRecord();
    }

    /// <summary>Closes the output's structure (the array of the <c>json</c> format) and flushes everything.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_format == OutputFormat.Json)
        {
            _buffer.Write(_records == 0 ? "[]\n"u8 : "]\n"u8);
        }

        FlushBuffer();
        _output.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private void FlushBuffer()
    {
        if (_buffer.WrittenCount > 0)
        {
            _output.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    private static void WriteMeta(Utf8JsonWriter writer, PayloadMeta meta)
    {
        writer.WriteStartObject();
        writer.WriteString("contract"u8, meta.Contract);
        writer.WriteString("contractVersion"u8, meta.ContractVersion);
        writer.WriteString("target"u8, meta.Target);
        writer.WriteString("variant"u8, meta.Variant);
        writer.WriteNumber("index"u8, meta.Index);
        writer.WriteString("seed"u8, meta.Seed);
        WriteOptional(writer, "tenant"u8, meta.Tenant);
        WriteOptional(writer, "environment"u8, meta.Environment);
        WriteOptional(writer, "testRunId"u8, meta.TestRunId);
        writer.WriteString("generator"u8, meta.Generator);
        if (meta.Violation is { } violation)
        {
            writer.WriteStartObject("violation"u8);
            writer.WriteString("keyword"u8, violation.Keyword);
            writer.WriteString("instancePath"u8, violation.InstancePath);
            writer.WriteString("schemaPath"u8, violation.SchemaPath);
            writer.WriteEndObject();
        }

        if (meta.Ai is { } ai)
        {
            writer.WriteStartObject("ai"u8);
            writer.WriteString("deployment"u8, ai.Deployment);
            WriteOptional(writer, "model"u8, ai.Model);
            writer.WriteString("promptVersion"u8, ai.PromptVersion);
            writer.WriteString("cassetteKey"u8, ai.CassetteKey);
            writer.WriteEndObject();
        }

        if (meta.Scenario is { } scenario)
        {
            writer.WriteStartObject("scenario"u8);
            writer.WriteString("name"u8, scenario.Name);
            writer.WriteStartObject("parameters"u8);
            foreach (var (name, value) in scenario.Parameters)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteString("answer"u8, scenario.Answer);
            writer.WriteStartArray("regenerated"u8);
            foreach (var pointer in scenario.Regenerated)
            {
                writer.WriteStringValue(pointer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
