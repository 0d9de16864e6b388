using System.Text;
using System.Text.Json;
using MockGen.Core.Yaml;

namespace MockGen.Core.Contracts;

/// <summary>Turns a contract file's bytes into JSON, with errors that name the file, line and column.</summary>
internal static class ContractFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decides the format from the extension (.json, .yaml, .yml), else from the first non-blank character.</summary>
    public static ContractFileFormat DetectFormat(string path, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ContractFileFormat.Json;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return ContractFileFormat.Yaml;
        }

        foreach (var b in StripBom(content))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[' ? ContractFileFormat.Json : ContractFileFormat.Yaml;
        }

        return ContractFileFormat.Json;
    }

    /// <summary>Parses one file; throws <see cref="ContractException"/> for anything malformed or over a limit.</summary>
    public static ParsedFile Parse(string displayPath, byte[] content, ContractLoaderLimits limits)
    {
        if (content.LongLength > limits.MaxFileBytes)
        {
            throw ContractException.TooLarge(displayPath, content.LongLength, limits.MaxFileBytes);
        }

        var format = DetectFormat(displayPath, content);
        var canonical = Canonicalize(content);
        if (canonical.AsSpan().Trim(" \t\n"u8).IsEmpty)
        {
            throw ContractException.EmptyDocument(displayPath);
        }

        var root = format == ContractFileFormat.Json
            ? ParseJson(displayPath, canonical, limits.MaxDepth)
            : ParseYaml(displayPath, canonical, limits);
        return new ParsedFile(root, canonical, format);
    }

    /// <summary>UTF-8 without BOM, CRLF and lone CR turned into LF: the same file gives the same bytes on every OS.</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> content)
    {
        var span = StripBom(content);
        if (span.IndexOf((byte)'\r') < 0)
        {
            return span.ToArray();
        }

        var output = new byte[span.Length];
        var length = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\r')
            {
                output[length++] = (byte)'\n';
                if (i + 1 < span.Length && span[i + 1] == (byte)'\n')
                {
                    i++;
                }
            }
            else
            {
                output[length++] = span[i];
            }
        }

        return output.AsSpan(0, length).ToArray();
    }

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> content) =>
        content.StartsWith("\uFEFF"u8) ? content[3..] : content;

    private static JsonElement ParseJson(string displayPath, byte[] canonical, int maxDepth)
    {
        var options = new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false };
        try
        {
            using var document = JsonDocument.Parse(canonical, options);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            if (ex.LineNumber is null && FindDuplicateProperty(canonical, maxDepth, out var duplicate, out var offset))
            {
                (line, column) = LineAndColumn(canonical, offset);
                throw ContractException.MalformedJson(displayPath, line, column, $"duplicate property \"{duplicate}\" in an object");
            }

            if (ex.Message.Contains("maximum configured depth", StringComparison.Ordinal))
            {
                throw ContractException.NestingTooDeep(displayPath, line, column, maxDepth);
            }

            throw ContractException.MalformedJson(displayPath, line, column, StripJsonLocation(ex.Message));
        }
    }

    private static JsonElement ParseYaml(string displayPath, byte[] canonical, ContractLoaderLimits limits)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(canonical);
        }
        catch (DecoderFallbackException ex)
        {
            throw ContractException.MalformedYaml(displayPath, 1, 1, "the file is not valid UTF-8: " + ex.Message);
        }

        var node = YamlJsonConverter.Convert(text, displayPath, limits.MaxDepth, limits.MaxYamlAliasNodes);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(256, canonical.Length));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = limits.MaxDepth + 8, SkipValidation = false }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = limits.MaxDepth + 8 });
        return document.RootElement.Clone();
    }

    // System.Text.Json reports duplicate properties without a position; find the second occurrence ourselves.
    private static bool FindDuplicateProperty(byte[] json, int maxDepth, out string name, out long offset)
    {
        name = string.Empty;
        offset = 0;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        var scopes = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        scopes.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        scopes.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var property = reader.GetString()!;
                        if (scopes.Peek() is { } seen && !seen.Add(property))
                        {
                            name = property;
                            offset = reader.TokenStartIndex;
                            return true;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private static (int Line, int Column) LineAndColumn(byte[] bytes, long offset)
    {
        var line = 1;
        long lineStart = 0;
        for (long i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, (int)(offset - lineStart) + 1);
    }

    private static string StripJsonLocation(string message)
    {
        // System.Text.Json appends " LineNumber: 3 | BytePositionInLine: 7."; the location already leads our message.
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (index > 0 ? message[..index] : message).TrimEnd();
    }
}
