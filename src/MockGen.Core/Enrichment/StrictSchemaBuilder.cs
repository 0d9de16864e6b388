using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Core.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Enrichment;

/// <summary>
/// One run of <see cref="StrictSchemaTransform"/>: walks the compiled schema graph from a target and writes the
/// strict schema, collecting definitions, notes and the answer shape. Not thread-safe; one per transform call.
/// </summary>
internal sealed partial class StrictSchemaBuilder
{
    // C# recursion guard: a usable strict schema nests 5 objects deep, so a walk this deep is already unusable.
    private const int MaxEmitDepth = 48;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = false,
        // A strict schema nests 5 objects deep; 256 leaves room for the recursion guard's worst case.
        MaxDepth = 256,
        // Descriptions carry patterns and prose: keep '<', '+', quotes and non-ASCII readable. The text is
        // sent as a JSON string value only, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;

    private readonly StrictSchemaOptions _options;
    private readonly PayloadDirection _direction;
    private readonly SchemaValidator _validator;
    private readonly Dictionary<SchemaNode, string> _definitionNames = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly Queue<(string Name, SchemaNode Node)> _pending = new();
    private readonly Dictionary<string, StrictShape> _definitionShapes = new(StringComparer.Ordinal);
    private readonly List<StrictSchemaNote> _notes = [];
    private readonly HashSet<string> _noteKeys = new(StringComparer.Ordinal);
    private readonly List<StrictSubsetViolation> _aborts = [];
    private readonly List<EmittedObject> _objects = [];
    private int _emitted;

    public StrictSchemaBuilder(StrictSchemaOptions options, PayloadDirection direction)
    {
        _options = options;
        _direction = direction;
        _validator = new SchemaValidator(new ValidationOptions { Direction = direction, AssertFormats = false });
    }

    public StrictSchema Build(SchemaNode root, string targetId, string name, int? listCount = null)
    {
        var schema = EmitConjunction(Collect([root]), Consumed.Empty, 0, out var shape);
        string? rootProperty = null;
        if (listCount is { } count)
        {
            // Several payloads in one answer (edge cases, scenarios): {"payloads": [target, ...]}, the count in words
            // because minItems/maxItems are outside Azure's subset.
            rootProperty = _options.ListProperty;
            var items = new JsonObject
            {
                ["type"] = "array",
                ["description"] = string.Create(CultureInfo.InvariantCulture, $"Exactly {count} payload{(count == 1 ? string.Empty : "s")}."),
                ["items"] = schema,
            };
            shape = new StrictArrayShape([], shape);
            schema = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { [rootProperty] = items },
                ["required"] = new JsonArray(rootProperty),
                ["additionalProperties"] = false,
            };
        }
        else if (!IsPlainObject(schema))
        {
            // The strict root must be an object (reference §2): anything else travels as {"value": ...}.
            rootProperty = _options.RootProperty;
            schema = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { [rootProperty] = schema },
                ["required"] = new JsonArray(rootProperty),
                ["additionalProperties"] = false,
            };
        }

        var definitions = new JsonObject();
        while (_pending.Count > 0)
        {
            var (defName, node) = _pending.Dequeue();
            definitions[defName] = EmitConjunction(Collect([node]), Consumed.Empty, 0, out var defShape);
            _definitionShapes[defName] = defShape;
        }

        if (definitions.Count > 0)
        {
            schema["$defs"] = definitions;
        }

        List<StrictSubsetViolation> violations = [.. _aborts];
        if (_aborts.Count == 0)
        {
            violations.AddRange(_options.DropOptionalToFit ? Fit(schema) : Check(schema));
        }

        var json = schema.ToJsonString(WriteOptions);

        return new StrictSchema(targetId, _direction, name, json, rootProperty, listCount, _notes, violations, shape, _definitionShapes);
    }

    private static bool IsPlainObject(JsonObject schema) =>
        schema["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "object" && !schema.ContainsKey("anyOf");

    // ---- Following references and allOf ----

    /// <summary>The nodes a value must satisfy together: the start nodes, what their <c>$ref</c>s and <c>allOf</c>s bring in (preorder, each once).</summary>
    private static List<SchemaNode> Collect(IEnumerable<SchemaNode> start)
    {
        var result = new List<SchemaNode>();
        var seen = new HashSet<SchemaNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<SchemaNode>();
        foreach (var node in start.Reverse())
        {
            stack.Push(node);
        }

        // Iterative, so a 2,000-deep allOf chain cannot overflow the stack.
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            result.Add(node);
            for (var i = node.AllOf.Count - 1; i >= 0; i--)
            {
                stack.Push(node.AllOf[i]);
            }

            foreach (var target in new[] { node.RecursiveRef, node.DynamicRef, node.Ref })
            {
                if (target is not null)
                {
                    stack.Push(target);
                }
            }
        }

        return result;
    }

    private static SchemaNode? RefTarget(SchemaNode node) => node.Ref ?? node.DynamicRef ?? node.RecursiveRef;

    private static readonly string[] AnnotationKeywords =
        ["$ref", "$dynamicRef", "$recursiveRef", "$comment", "description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly"];

    /// <summary>A node that only points elsewhere (siblings are annotations, or ignored by its dialect).</summary>
    private static bool IsPureRef(SchemaNode node)
    {
        if (RefTarget(node) is null)
        {
            return false;
        }

        // Draft-07 and older (OpenAPI 3.0, Swagger 2.0 included) ignore every sibling of $ref.
        if (node.Dialect is Dialect.Draft4 or Dialect.Draft6 or Dialect.Draft7 or Dialect.OpenApi30 or Dialect.Swagger20)
        {
            return true;
        }

        return node.Element.ValueKind == JsonValueKind.Object &&
            node.Element.EnumerateObject().All(p => AnnotationKeywords.Contains(p.Name) || p.Name.StartsWith("x-", StringComparison.Ordinal));
    }

    /// <summary>
    /// When <paramref name="node"/> is a pure reference to a schema with structure (properties, items, choices),
    /// the definition name it is sent as (assigned and queued on first use). Scalars are inlined: they cannot recurse.
    /// </summary>
    private bool TryDefinition(SchemaNode node, bool requireStructure, out string name)
    {
        name = string.Empty;
        if (!IsPureRef(node))
        {
            return false;
        }

        var target = RefTarget(node)!;
        var hops = 0;
        while (IsPureRef(target) && hops++ < 64)
        {
            target = RefTarget(target)!;
        }

        var nodes = Collect([target]);
        var structured = nodes.Any(n => n.Properties.Count > 0 || n.Items is not null || n.PrefixItems.Count > 0 ||
            n.PatternProperties.Count > 0 || n.AdditionalProperties is { BooleanSchema: null });
        var choices = nodes.Any(n => n.AnyOf.Count > 0 || n.OneOf.Count > 0);
        if (!(structured || (!requireStructure && choices)))
        {
            return false;
        }

        if (!_definitionNames.TryGetValue(target, out var assigned))
        {
            assigned = UniqueName(target);
            _definitionNames[target] = assigned;
            _pending.Enqueue((assigned, target));
        }

        name = assigned;
        return true;
    }

    private string UniqueName(SchemaNode target)
    {
        var pointer = target.DocumentPointer;
        var last = pointer.Length == 0 ? "root" : JsonPointer.UnescapeToken(pointer[(pointer.LastIndexOf('/') + 1)..]);
        var name = Sanitize(last, "def");
        var candidate = name;
        for (var i = 2; !_usedNames.Add(candidate); i++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}_{i}");
        }

        return candidate;
    }

    /// <summary>Reduces text to <c>[A-Za-z0-9_-]</c> (others become <c>_</c>, runs collapse), at most 64 characters.</summary>
    internal static string Sanitize(string text, string fallback)
    {
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, 64));
        foreach (var c in text)
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }

            if (builder.Length == 64)
            {
                break;
            }
        }

        var result = builder.ToString().Trim('_');
        return result.Length == 0 ? fallback : result;
    }

    // ---- Notes and guards ----

    private static string Location(SchemaNode node) => "#" + node.DocumentPointer;

    private void Note(SchemaNode node, string message)
    {
        var location = Location(node);
        if (_noteKeys.Add(location + "\n" + message))
        {
            _notes.Add(new StrictSchemaNote(location, message));
        }
    }

    private bool Exhausted(SchemaNode node, int depth)
    {
        if (_aborts.Count > 0)
        {
            return true;
        }

        if (depth > MaxEmitDepth)
        {
            _aborts.Add(new StrictSubsetViolation(string.Empty, StrictSubsetRule.TooMuchNesting, string.Create(CultureInfo.InvariantCulture,
                $"{Location(node)}: the schema nests more than {MaxEmitDepth} levels below the target; a strict schema allows {_options.Limits.MaxObjectNesting} object levels.")));
            return true;
        }

        if (++_emitted > _options.MaxEmittedSchemas)
        {
            _aborts.Add(new StrictSubsetViolation(string.Empty, StrictSubsetRule.TooManyProperties, string.Create(CultureInfo.InvariantCulture,
                $"{Location(node)}: the strict schema would hold more than {_options.MaxEmittedSchemas} subschemas; the transform stopped.")));
            return true;
        }

        return false;
    }

    private bool AcceptsNullOriginally(IEnumerable<SchemaNode> nodes) => nodes.All(n => _validator.IsValid(n, Null));

    /// <summary>A choice group already expanded on the way here: (owner node, keyword).</summary>
    private sealed class Consumed
    {
        public static readonly Consumed Empty = new([]);

        private readonly (SchemaNode Node, string Keyword)[] _items;

        private Consumed((SchemaNode Node, string Keyword)[] items) => _items = items;

        public bool Contains(SchemaNode node, string keyword) =>
            _items.Any(i => ReferenceEquals(i.Node, node) && string.Equals(i.Keyword, keyword, StringComparison.Ordinal));

        public Consumed With(SchemaNode node, string keyword) => new([.. _items, (node, keyword)]);
    }
}
