using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using MockGen.Core.Contracts;
using SharpYaml;
using SharpYaml.Events;

namespace MockGen.Core.Yaml;

/// <summary>
/// Converts one YAML document to a JSON tree, keeping every key: scalars are typed by the YAML 1.2 core
/// schema (so <c>NO</c> stays a string and <c>200:</c> becomes the key "200"), aliases are expanded
/// under a node budget (alias bombs are refused), and <c>&lt;&lt;</c> merge keys are applied.
/// </summary>
internal sealed class YamlJsonConverter
{
    private const string MergeKey = "<<";

    private readonly string _path;
    private readonly int _maxDepth;
    private readonly int _maxAliasNodes;
    private readonly Dictionary<string, (JsonNode? Node, long Count)> _anchors = new(StringComparer.Ordinal);
    private readonly List<Frame> _stack = [];
    private long _nodeCount;
    private long _aliasNodes;

    private YamlJsonConverter(string path, int maxDepth, int maxAliasNodes)
    {
        _path = path;
        _maxDepth = maxDepth;
        _maxAliasNodes = maxAliasNodes;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ContractException"/> with line and column on any problem.</summary>
    public static JsonNode? Convert(string text, string path, int maxDepth, int maxAliasNodes) =>
        new YamlJsonConverter(path, maxDepth, maxAliasNodes).Run(text);

    private JsonNode? Run(string text)
    {
        // SharpYaml enforces its own depth limit too; ours (checked in Push) gives the friendlier message.
        var parser = Parser.CreateParser(new StringReader(text), _maxDepth + 2);
        JsonNode? root = null;
        var documents = 0;
        var haveRoot = false;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current;
                switch (current)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            throw ContractException.YamlNotJson(_path, Line(start.Start), Column(start.Start), "the file holds more than one YAML document ('---'); a contract is one document");
                        }

                        break;
                    case MappingStart mapping:
                        Push(new Frame(new JsonObject(), mapping.Anchor, _nodeCount, mapping.Start), mapping.Start);
                        break;
                    case SequenceStart sequence:
                        Push(new Frame(new JsonArray(), sequence.Anchor, _nodeCount, sequence.Start), sequence.Start);
                        break;
                    case MappingEnd or SequenceEnd:
                        {
                            var frame = _stack[^1];
                            _stack.RemoveAt(_stack.Count - 1);
                            frame.ApplyMerges();
                            _nodeCount++;
                            if (!string.IsNullOrEmpty(frame.Anchor))
                            {
                                _anchors[frame.Anchor] = (frame.Container, _nodeCount - frame.CountAtStart);
                            }

                            if (AddValue(frame.Container, frame.Start))
                            {
                                root = frame.Container;
                                haveRoot = true;
                            }

                            break;
                        }

                    case Scalar scalar:
                        {
                            _nodeCount++;
                            if (IsExpectingKey())
                            {
                                var top = _stack[^1];
                                top.PendingKey = scalar.Value;
                                top.PendingKeyIsMerge = scalar.Style == ScalarStyle.Plain && string.IsNullOrEmpty(scalar.Tag) && scalar.Value == MergeKey;
                                top.PendingKeyMark = scalar.Start;
                                if (!string.IsNullOrEmpty(scalar.Anchor))
                                {
                                    _anchors[scalar.Anchor] = (JsonValue.Create(scalar.Value), 1);
                                }

                                break;
                            }

                            var value = ResolveScalar(scalar);
                            if (!string.IsNullOrEmpty(scalar.Anchor))
                            {
                                _anchors[scalar.Anchor] = (value, 1);
                            }

                            if (AddValue(value, scalar.Start))
                            {
                                root = value;
                                haveRoot = true;
                            }

                            break;
                        }

                    case AnchorAlias alias:
                        {
                            if (!_anchors.TryGetValue(alias.Value, out var anchored))
                            {
                                throw ContractException.YamlUnknownAlias(_path, Line(alias.Start), Column(alias.Start), alias.Value);
                            }

                            _aliasNodes += anchored.Count;
                            if (_aliasNodes > _maxAliasNodes)
                            {
                                throw ContractException.YamlAliasBomb(_path, Line(alias.Start), Column(alias.Start), _maxAliasNodes);
                            }

                            if (IsExpectingKey())
                            {
                                if (anchored.Node is JsonObject or JsonArray)
                                {
                                    throw ContractException.YamlNotJson(_path, Line(alias.Start), Column(alias.Start), "a mapping key is a mapping or sequence; JSON keys are strings");
                                }

                                var top = _stack[^1];
                                top.PendingKey = anchored.Node?.ToString() ?? "null";
                                top.PendingKeyIsMerge = false;
                                top.PendingKeyMark = alias.Start;
                                break;
                            }

                            _nodeCount += anchored.Count;
                            var copy = anchored.Node?.DeepClone();
                            if (AddValue(copy, alias.Start))
                            {
                                root = copy;
                                haveRoot = true;
                            }

                            break;
                        }
                }
            }
        }
        catch (YamlException ex)
        {
            var message = ex.Message;
            if (message.Contains("depth", StringComparison.OrdinalIgnoreCase))
            {
                throw ContractException.NestingTooDeep(_path, Line(ex.Start), Column(ex.Start), _maxDepth);
            }

            // SharpYaml's scanner gives up on very long flow collections ("[[[[...") with a simple-key
            // error before its depth check fires; name the real problem when the flow nesting is too deep.
            if (FlowDepthExceeded(text, _maxDepth, out var deepLine, out var deepColumn))
            {
                throw ContractException.NestingTooDeep(_path, deepLine, deepColumn, _maxDepth);
            }

            throw ContractException.MalformedYaml(_path, Line(ex.Start), Column(ex.Start), StripLocation(message));
        }

        if (!haveRoot)
        {
            throw ContractException.EmptyDocument(_path);
        }

        return root;
    }

    private void Push(Frame frame, Mark mark)
    {
        if (IsExpectingKey())
        {
            throw ContractException.YamlNotJson(_path, Line(mark), Column(mark), "a mapping key is a mapping or sequence; JSON keys are strings");
        }

        if (_stack.Count >= _maxDepth)
        {
            throw ContractException.NestingTooDeep(_path, Line(mark), Column(mark), _maxDepth);
        }

        _stack.Add(frame);
    }

    private bool IsExpectingKey() =>
        _stack.Count > 0 && _stack[^1].Container is JsonObject && _stack[^1].PendingKey is null;

    /// <summary>Adds a finished node to its parent; returns true when it is the document root.</summary>
    private bool AddValue(JsonNode? value, Mark mark)
    {
        if (_stack.Count == 0)
        {
            return true;
        }

        var parent = _stack[^1];
        if (parent.Container is JsonArray array)
        {
            array.Add(value);
            return false;
        }

        var obj = (JsonObject)parent.Container;
        var key = parent.PendingKey!;
        var keyMark = parent.PendingKeyMark;
        var isMerge = parent.PendingKeyIsMerge;
        parent.PendingKey = null;
        parent.PendingKeyIsMerge = false;
        if (isMerge)
        {
            switch (value)
            {
                case JsonObject source:
                    parent.Merges.Add(source);
                    return false;
                case JsonArray sources when sources.All(s => s is JsonObject):
                    parent.Merges.AddRange(sources.Cast<JsonObject>());
                    return false;
                default:
                    throw ContractException.YamlNotJson(_path, Line(mark), Column(mark), "a '<<' merge key needs a mapping or a sequence of mappings");
            }
        }

        if (obj.ContainsKey(key))
        {
            throw ContractException.YamlDuplicateKey(_path, Line(keyMark), Column(keyMark), key);
        }

        obj.Add(key, value);
        return false;
    }

    private JsonNode? ResolveScalar(Scalar scalar)
    {
        var value = scalar.Value;
        var tag = scalar.Tag;
        if (!string.IsNullOrEmpty(tag))
        {
            if (tag.EndsWith(":str", StringComparison.Ordinal) || tag == "!!str" || tag == "!")
            {
                return JsonValue.Create(value);
            }

            if (tag.EndsWith(":null", StringComparison.Ordinal) || tag == "!!null")
            {
                return null;
            }

            if (tag.EndsWith(":bool", StringComparison.Ordinal) || tag == "!!bool" ||
                tag.EndsWith(":int", StringComparison.Ordinal) || tag == "!!int" ||
                tag.EndsWith(":float", StringComparison.Ordinal) || tag == "!!float")
            {
                return TryResolvePlain(value, scalar.Start, out var typed)
                    ? typed
                    : throw ContractException.YamlNotJson(_path, Line(scalar.Start), Column(scalar.Start), $"\"{value}\" does not match its tag {tag}");
            }
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return TryResolvePlain(value, scalar.Start, out var resolved) ? resolved : JsonValue.Create(value);
    }

    /// <summary>YAML 1.2 core schema resolution of a plain scalar; false means "a string".</summary>
    private bool TryResolvePlain(string value, Mark mark, out JsonNode? node)
    {
        node = null;
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return true;
            case "true" or "True" or "TRUE":
                node = JsonValue.Create(true);
                return true;
            case "false" or "False" or "FALSE":
                node = JsonValue.Create(false);
                return true;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                throw ContractException.YamlNotJson(_path, Line(mark), Column(mark), $"{value} (infinity or NaN) has no JSON representation");
        }

        if (value.Length > 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'o'))
        {
            var hex = value[1] == 'x';
            var digits = value.AsSpan(2);
            BigInteger result = 0;
            foreach (var c in digits)
            {
                var d = hex ? HexDigit(c) : (c is >= '0' and <= '7' ? c - '0' : -1);
                if (d < 0)
                {
                    return false;
                }

                result = (result * (hex ? 16 : 8)) + d;
            }

            node = JsonNode.Parse(result.ToString(CultureInfo.InvariantCulture));
            return true;
        }

        var normalized = NormalizeNumber(value);
        if (normalized is null)
        {
            return false;
        }

        node = long.TryParse(normalized, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? JsonValue.Create(integer)
            : JsonNode.Parse(normalized);
        return true;
    }

    /// <summary>Returns the JSON spelling of a YAML 1.2 core int or float, or null when it is not one.</summary>
    private static string? NormalizeNumber(string value)
    {
        var span = value.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var i = 0;
        var intStart = i;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
        }

        var intPart = span[intStart..i];
        var fracPart = ReadOnlySpan<char>.Empty;
        var hasDot = false;
        if (i < span.Length && span[i] == '.')
        {
            hasDot = true;
            i++;
            var fracStart = i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
            }

            fracPart = span[fracStart..i];
        }

        if (intPart.IsEmpty && fracPart.IsEmpty)
        {
            return null;
        }

        var exponent = ReadOnlySpan<char>.Empty;
        if (i < span.Length && (span[i] == 'e' || span[i] == 'E'))
        {
            var expStart = i;
            i++;
            if (i < span.Length && (span[i] == '-' || span[i] == '+'))
            {
                i++;
            }

            var digitsStart = i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
            }

            if (i == digitsStart)
            {
                return null;
            }

            exponent = span[expStart..i];
        }

        if (i != span.Length)
        {
            return null;
        }

        var trimmedInt = intPart.TrimStart('0');
        var builder = new System.Text.StringBuilder(value.Length + 2);
        if (negative)
        {
            builder.Append('-');
        }

        builder.Append(trimmedInt.IsEmpty ? "0" : trimmedInt);
        if (hasDot && !fracPart.IsEmpty)
        {
            builder.Append('.').Append(fracPart);
        }

        builder.Append(exponent);
        return builder.ToString();
    }

    /// <summary>Finds where flow brackets (outside quotes and comments) first nest deeper than the limit.</summary>
    private static bool FlowDepthExceeded(string text, int maxDepth, out int line, out int column)
    {
        line = 1;
        column = 1;
        var depth = 0;
        var lineStart = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '[' or '{':
                    if (++depth > maxDepth)
                    {
                        column = i - lineStart + 1;
                        return true;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return false;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // SharpYaml's marks are 0-based; messages are 1-based like every editor.
    private static int Line(Mark mark) => mark.Line + 1;

    private static int Column(Mark mark) => mark.Column + 1;

    private static string StripLocation(string message)
    {
        // SharpYaml prefixes "(Lin: 3, Col: 5, Chr: 20) - (...): "; our message carries the location already.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith('(') ? message[(index + 3)..] : message;
    }

    private sealed class Frame(JsonNode container, string? anchor, long countAtStart, Mark start)
    {
        public JsonNode Container { get; } = container;

        public string? Anchor { get; } = anchor;

        public long CountAtStart { get; } = countAtStart;

        public Mark Start { get; } = start;

        public string? PendingKey { get; set; }

        public bool PendingKeyIsMerge { get; set; }

        public Mark PendingKeyMark { get; set; }

        public List<JsonObject> Merges { get; } = [];

        // YAML merge keys: explicit keys win wherever they appear; earlier merge sources win over later ones.
        public void ApplyMerges()
        {
            if (Merges.Count == 0 || Container is not JsonObject target)
            {
                return;
            }

            foreach (var source in Merges)
            {
                foreach (var (key, value) in source)
                {
                    if (!target.ContainsKey(key))
                    {
                        target.Add(key, value?.DeepClone());
                    }
                }
            }
        }
    }
}
