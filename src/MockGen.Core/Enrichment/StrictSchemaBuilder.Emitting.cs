using System.Text.Json;
using System.Text.Json.Nodes;
using MockGen.Core.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Enrichment;

internal sealed partial class StrictSchemaBuilder
{
    private const SchemaTypes AllTypes = SchemaTypes.Null | SchemaTypes.Boolean | SchemaTypes.Object | SchemaTypes.Array |
        SchemaTypes.Number | SchemaTypes.String | SchemaTypes.Integer;

    // The kinds a value can take, in the order type arrays and per-kind branches are written.
    private static readonly SchemaTypes[] Kinds =
        [SchemaTypes.Object, SchemaTypes.Array, SchemaTypes.String, SchemaTypes.Number, SchemaTypes.Integer, SchemaTypes.Boolean];

    /// <summary>A subschema in a child position (property value, items, map value): a definition reference when it points to a structured schema, else inlined.</summary>
    private JsonObject EmitChild(List<SchemaNode> nodes, int depth, out StrictShape shape)
    {
        if (nodes.Count == 1 && TryDefinition(nodes[0], requireStructure: false, out var name))
        {
            shape = new StrictDefinitionShape(name);
            return new JsonObject { ["$ref"] = "#/$defs/" + JsonPointer.EscapeToken(name) };
        }

        return EmitConjunction(Collect(nodes), Consumed.Empty, depth, out shape);
    }

    private JsonObject EmitConjunction(List<SchemaNode> nodes, Consumed consumed, int depth, out StrictShape shape)
    {
        if (Exhausted(nodes[0], depth))
        {
            shape = new StrictScalarShape(AllTypes);
            return new JsonObject { ["type"] = "string" };
        }

        if (nodes.FirstOrDefault(n => n.BooleanSchema == false) is { } never)
        {
            Note(never, "schema is false (no value is valid): sent as null");
            shape = new StrictScalarShape(SchemaTypes.Null) { AcceptsNull = true };
            return new JsonObject { ["type"] = "null" };
        }

        foreach (var node in nodes)
        {
            if (node.AnyOf.Count > 0 && !consumed.Contains(node, "anyOf"))
            {
                return EmitChoice(nodes, node, "anyOf", node.AnyOf, consumed.With(node, "anyOf"), depth, out shape);
            }

            if (node.OneOf.Count > 0 && !consumed.Contains(node, "oneOf"))
            {
                Note(node, "oneOf sent as anyOf: that exactly one branch matches is left to the gate");
                return EmitChoice(nodes, node, "oneOf", node.OneOf, consumed.With(node, "oneOf"), depth, out shape);
            }
        }

        var (types, restricted) = IntersectTypes(nodes);
        var values = IntersectEnum(nodes);
        if (values is not null)
        {
            values = restricted ? values.Where(v => Allows(types, v)).ToList() : values;
            types = values.Aggregate(SchemaTypes.None, (t, v) => t | TypeOf(v));
            if (values.Count == 0)
            {
                Note(nodes[0], "enum/const has no value of an allowed type: sent as null");
                shape = new StrictScalarShape(SchemaTypes.Null) { AcceptsNull = true };
                return new JsonObject { ["type"] = "null" };
            }
        }
        else if (!restricted)
        {
            types = Infer(nodes);
        }

        var kinds = Kinds.Where(k => types.HasFlag(k) && !(k == SchemaTypes.Integer && types.HasFlag(SchemaTypes.Number))).ToList();
        if (kinds.Count == 0)
        {
            shape = new StrictScalarShape(SchemaTypes.Null) { AcceptsNull = true };
            return new JsonObject { ["type"] = "null" };
        }

        if (kinds.Count > 1 && (kinds.Contains(SchemaTypes.Object) || kinds.Contains(SchemaTypes.Array)))
        {
            // One branch per kind: object and array keywords cannot share one schema with other types in the subset.
            var branches = new JsonArray();
            var shapes = new List<StrictShape>();
            foreach (var kind in kinds)
            {
                var kindValues = values?.Where(v => Allows(kind, v)).ToList();
                branches.Add(EmitTyped(nodes, kind, kindValues, depth + 1, out var branchShape));
                shapes.Add(branchShape);
            }

            if (types.HasFlag(SchemaTypes.Null))
            {
                branches.Add(new JsonObject { ["type"] = "null" });
                shapes.Add(new StrictScalarShape(SchemaTypes.Null) { AcceptsNull = true });
            }

            shape = new StrictChoiceShape(shapes) { AcceptsNull = types.HasFlag(SchemaTypes.Null) };
            return new JsonObject { ["anyOf"] = branches };
        }

        return EmitTyped(nodes, types, values, depth, out shape);
    }

    private JsonObject EmitChoice(
        List<SchemaNode> nodes, SchemaNode owner, string keyword, IReadOnlyList<SchemaNode> alternatives, Consumed consumed, int depth, out StrictShape shape)
    {
        // When nothing but the choice is said here, a branch that points to a structured schema is sent as a
        // definition reference: smaller, and the only way a branch can recurse back to its parent.
        var onlyTheChoice = nodes.All(n => ReferenceEquals(n, owner) ? IsOnly(n, keyword) : IsPureRef(n) || n.IsTrivial);
        var branches = new JsonArray();
        var shapes = new List<StrictShape>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alternative in alternatives)
        {
            JsonObject branch;
            StrictShape branchShape;
            if (onlyTheChoice && TryDefinition(alternative, requireStructure: true, out var name))
            {
                branch = new JsonObject { ["$ref"] = "#/$defs/" + JsonPointer.EscapeToken(name) };
                branchShape = new StrictDefinitionShape(name);
            }
            else
            {
                branch = EmitConjunction(Collect([.. nodes, alternative]), consumed, depth + 1, out branchShape);
            }

            // Nested choices flatten into one anyOf: the subset has no use for anyOf inside anyOf.
            var flat = branch.Count == 1 && branch["anyOf"] is JsonArray inner && branchShape is StrictChoiceShape innerShape
                ? inner.Select((b, i) => ((JsonObject)b!.DeepClone(), innerShape.Branches[i])).ToList()
                : [(branch, branchShape)];
            foreach (var (item, itemShape) in flat)
            {
                if (branches.Count == _options.MaxBranches)
                {
                    Note(owner, $"{keyword} has more alternatives than {_options.MaxBranches}: the rest are not offered to the model");
                    break;
                }

                if (written.Add(item.ToJsonString()))
                {
                    branches.Add(item);
                    shapes.Add(itemShape);
                }
            }
        }

        if (branches.Count == 1)
        {
            shape = shapes[0];
            return (JsonObject)branches[0]!.DeepClone();
        }

        shape = new StrictChoiceShape(shapes) { AcceptsNull = shapes.Any(s => s.AcceptsNull) };
        return new JsonObject { ["anyOf"] = branches };
    }

    private static bool IsOnly(SchemaNode node, string keyword) =>
        node.Element.ValueKind == JsonValueKind.Object &&
        node.Element.EnumerateObject().All(p => p.Name == keyword || p.Name is "discriminator" or "type" ||
            AnnotationKeywords.Contains(p.Name) || p.Name.StartsWith("x-", StringComparison.Ordinal));

    /// <summary>A schema of one kind (plus null when allowed): object, map, array or scalar.</summary>
    private JsonObject EmitTyped(List<SchemaNode> nodes, SchemaTypes types, List<JsonElement>? values, int depth, out StrictShape shape)
    {
        var nullable = types.HasFlag(SchemaTypes.Null);
        if (types.HasFlag(SchemaTypes.Object) && values is null)
        {
            return IsMap(nodes) ? EmitMap(nodes, nullable, depth, out shape) : EmitObject(nodes, nullable, depth, out shape);
        }

        var schema = new JsonObject { ["type"] = TypeValue(types) };
        AddDescription(schema, nodes, types);
        if (values is not null)
        {
            var array = new JsonArray();
            foreach (var value in values)
            {
                array.Add(JsonNode.Parse(value.GetRawText()));
            }

            schema["enum"] = array;
            shape = new StrictScalarShape(types) { AcceptsNull = nullable };
            return schema;
        }

        if (types.HasFlag(SchemaTypes.Array))
        {
            schema["items"] = EmitItems(nodes, depth, out var prefix, out var rest);
            AddConstraintKeywords(schema, nodes, SchemaTypes.Array);
            shape = new StrictArrayShape(prefix, rest) { AcceptsNull = nullable };
            return schema;
        }

        AddConstraintKeywords(schema, nodes, types);
        shape = new StrictScalarShape(types) { AcceptsNull = nullable };
        return schema;
    }

    private JsonObject EmitObject(List<SchemaNode> nodes, bool nullable, int depth, out StrictShape shape)
    {
        var schema = new JsonObject { ["type"] = TypeValue(SchemaTypes.Object | (nullable ? SchemaTypes.Null : SchemaTypes.None)) };
        AddDescription(schema, nodes, SchemaTypes.Object);
        var objectShape = new StrictObjectShape { AcceptsNull = nullable };
        var properties = new JsonObject();
        var required = new JsonArray();
        var optional = new List<string>();

        var declared = new List<(string Name, List<SchemaNode> Nodes)>();
        foreach (var property in nodes.SelectMany(n => n.Properties))
        {
            var index = declared.FindIndex(d => string.Equals(d.Name, property.Name, StringComparison.Ordinal));
            if (index < 0)
            {
                declared.Add((property.Name, [property.Node]));
            }
            else
            {
                declared[index].Nodes.Add(property.Node);
            }
        }

        var requiredNames = nodes.SelectMany(n => n.Required).Distinct(StringComparer.Ordinal).ToList();
        var extra = nodes.Select(n => n.AdditionalProperties).Where(a => a is { BooleanSchema: null }).Cast<SchemaNode>().ToList();
        foreach (var name in requiredNames.Where(r => !declared.Any(d => string.Equals(d.Name, r, StringComparison.Ordinal))))
        {
            // Required but not described: the contract's additionalProperties (or anything) says what it holds.
            declared.Add((name, extra));
        }

        foreach (var (name, propertyNodes) in declared)
        {
            var all = Collect(propertyNodes);
            if (all.Any(n => n.BooleanSchema == false) ||
                (_direction == PayloadDirection.Request && all.Any(n => n.ReadOnly)) ||
                (_direction == PayloadDirection.Response && all.Any(n => n.WriteOnly)))
            {
                continue;
            }

            var isRequired = requiredNames.Contains(name, StringComparer.Ordinal);
            StrictShape propertyShape;
            JsonObject value;
            if (propertyNodes.Count == 0)
            {
                value = AnyValue(nullable: true, out propertyShape);
            }
            else
            {
                value = EmitChild(propertyNodes, depth + 1, out propertyShape);
            }

            var acceptsNull = AcceptsNullOriginally(all);
            if ((!isRequired || acceptsNull) && !AllowsNull(value))
            {
                // Optional becomes required-or-null (reference §2): null stands for "absent". A property whose
                // schema accepts null (OpenAPI 3.0 nullable beside an enum) offers null too.
                value = AddNull(value, ref propertyShape);
            }

            properties[name] = value;
            required.Add(name);
            objectShape.Add(name, propertyShape, absentWhenNull: !isRequired && !acceptsNull);
            if (!isRequired)
            {
                optional.Add(name);
            }
        }

        if (extra.Count > 0 && declared.Count > 0)
        {
            Note(nodes[0], "additionalProperties beyond the declared properties are not requested");
        }

        schema["properties"] = properties;
        schema["required"] = required;
        schema["additionalProperties"] = false;
        shape = objectShape;
        _objects.Add(new EmittedObject(schema, objectShape, optional, nodes[0]));
        return schema;
    }

    /// <summary>An object whose content is keys the contract does not name: a map.</summary>
    private static bool IsMap(List<SchemaNode> nodes) =>
        !nodes.Any(n => n.Properties.Count > 0 || n.Required.Count > 0 || n.AdditionalProperties?.BooleanSchema == false ||
            n.UnevaluatedProperties?.BooleanSchema == false || n.MaxProperties == 0);

    private JsonObject EmitMap(List<SchemaNode> nodes, bool nullable, int depth, out StrictShape shape)
    {
        var extra = nodes.Select(n => n.AdditionalProperties).Where(a => a is { IsTrivial: false }).Cast<SchemaNode>().ToList();
        var patterns = nodes.SelectMany(n => n.PatternProperties).ToList();
        JsonObject value;
        StrictShape valueShape;
        if (extra.Count > 0)
        {
            value = EmitChild(extra, depth + 2, out valueShape);
        }
        else if (patterns.Count > 0)
        {
            var branches = new JsonArray();
            var shapes = new List<StrictShape>();
            foreach (var pattern in patterns)
            {
                branches.Add(EmitChild([pattern.Node], depth + 3, out var patternShape));
                shapes.Add(patternShape);
            }

            value = branches.Count == 1 ? (JsonObject)branches[0]!.DeepClone() : new JsonObject { ["anyOf"] = branches };
            valueShape = shapes.Count == 1 ? shapes[0] : new StrictChoiceShape(shapes);
        }
        else
        {
            // A free-form object: entries of scalars give the model room for realistic content, and are valid.
            value = AnyValue(nullable: false, out valueShape);
        }

        var keyHints = new List<string>();
        keyHints.AddRange(patterns.Select(p => "pattern: " + p.Pattern.Source));
        foreach (var names in nodes.Select(n => n.PropertyNames).OfType<SchemaNode>())
        {
            keyHints.AddRange(Collect([names]).SelectMany(n => Hints(n, SchemaTypes.String)));
        }

        var key = new JsonObject { ["type"] = "string" };
        if (keyHints.Count > 0)
        {
            key["description"] = "The entry's key. Constraints: " + string.Join("; ", keyHints.Distinct(StringComparer.Ordinal)) + ".";
        }

        var entry = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { [StrictMapShape.KeyProperty] = key, [StrictMapShape.ValueProperty] = value },
            ["required"] = new JsonArray(StrictMapShape.KeyProperty, StrictMapShape.ValueProperty),
            ["additionalProperties"] = false,
        };

        Note(nodes[0], "map (additionalProperties/patternProperties) sent as an array of {key, value} entries");
        var schema = new JsonObject { ["type"] = TypeValue(SchemaTypes.Array | (nullable ? SchemaTypes.Null : SchemaTypes.None)) };
        var description = Description(nodes, SchemaTypes.Object);
        schema["description"] = (description is null ? string.Empty : description + " ") + "A map: each item is one entry, its key and its value.";
        schema["items"] = entry;
        shape = new StrictMapShape(valueShape) { AcceptsNull = nullable };
        return schema;
    }

    private JsonObject EmitItems(List<SchemaNode> nodes, int depth, out IReadOnlyList<StrictShape> prefixShapes, out StrictShape restShape)
    {
        var prefix = nodes.FirstOrDefault(n => n.PrefixItems.Count > 0)?.PrefixItems ?? [];
        var items = nodes.Select(n => n.Items).OfType<SchemaNode>().ToList();
        var restClosed = items.Any(i => i.BooleanSchema == false);
        var shapes = new List<StrictShape>();
        if (prefix.Count == 0)
        {
            prefixShapes = shapes;
            if (restClosed)
            {
                Note(nodes[0], "items: false (the array must be empty) cannot be said strictly: sent as null items");
                restShape = new StrictScalarShape(SchemaTypes.Null) { AcceptsNull = true };
                return new JsonObject { ["type"] = "null" };
            }

            return items.Count > 0 ? EmitChild(items, depth + 1, out restShape) : AnyValue(nullable: true, out restShape);
        }

        Note(nodes[0], "tuple (prefixItems) sent as items of any of its positions' schemas");
        var branches = new JsonArray();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var position in prefix)
        {
            var branch = EmitChild([position], depth + 2, out var positionShape);
            shapes.Add(positionShape);
            if (written.Add(branch.ToJsonString()))
            {
                branches.Add(branch);
            }
        }

        restShape = new StrictScalarShape(AllTypes) { AcceptsNull = true };
        if (!restClosed)
        {
            var rest = items.Count > 0 ? EmitChild(items, depth + 2, out restShape) : AnyValue(nullable: true, out restShape);
            if (written.Add(rest.ToJsonString()))
            {
                branches.Add(rest);
            }
        }

        prefixShapes = shapes;
        return branches.Count == 1 ? (JsonObject)branches[0]!.DeepClone() : new JsonObject { ["anyOf"] = branches };
    }

    /// <summary>Any scalar: what the subset can offer for a schema that allows anything.</summary>
    private static JsonObject AnyValue(bool nullable, out StrictShape shape)
    {
        var types = SchemaTypes.String | SchemaTypes.Number | SchemaTypes.Boolean | (nullable ? SchemaTypes.Null : SchemaTypes.None);
        shape = new StrictScalarShape(types) { AcceptsNull = nullable };
        return new JsonObject { ["type"] = TypeValue(types) };
    }

    // ---- null for optional ----

    private static bool AllowsNull(JsonObject schema)
    {
        if (schema["anyOf"] is JsonArray branches)
        {
            return branches.OfType<JsonObject>().Any(AllowsNull);
        }

        if (schema.ContainsKey("$ref"))
        {
            return false;
        }

        var typeAllows = schema["type"] switch
        {
            JsonValue v => v.TryGetValue<string>(out var t) && t == "null",
            JsonArray a => a.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == "null"),
            _ => true,
        };
        var enumAllows = schema["enum"] is not JsonArray values || values.Any(v => v is null);
        return typeAllows && enumAllows;
    }

    private static JsonObject AddNull(JsonObject schema, ref StrictShape shape)
    {
        if (schema.ContainsKey("$ref"))
        {
            shape = new StrictChoiceShape([shape, new StrictScalarShape(SchemaTypes.Null) { AcceptsNull = true }]) { AcceptsNull = true };
            return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
        }

        if (schema["anyOf"] is JsonArray branches)
        {
            branches.Add(new JsonObject { ["type"] = "null" });
            var existing = shape is StrictChoiceShape choice ? choice.Branches : [shape];
            shape = new StrictChoiceShape([.. existing, new StrictScalarShape(SchemaTypes.Null) { AcceptsNull = true }]) { AcceptsNull = true };
            return schema;
        }

        switch (schema["type"])
        {
            case JsonValue single:
                schema["type"] = new JsonArray(single.GetValue<string>(), "null");
                break;
            case JsonArray many:
                many.Add("null");
                break;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }

        shape.AcceptsNull = true;
        return schema;
    }

    // ---- Types and enums ----

    private static (SchemaTypes Types, bool Restricted) IntersectTypes(List<SchemaNode> nodes)
    {
        var types = AllTypes;
        var restricted = false;
        foreach (var node in nodes.Where(n => n.Types != SchemaTypes.None))
        {
            var own = node.Types.HasFlag(SchemaTypes.Number) ? node.Types | SchemaTypes.Integer : node.Types;
            types &= own;
            restricted = true;
        }

        // "number" covers integers only when every node allowed numbers; if one said integer, integer it is.
        return (types, restricted);
    }

    private static List<JsonElement>? IntersectEnum(List<SchemaNode> nodes)
    {
        List<JsonElement>? values = null;
        foreach (var node in nodes)
        {
            IReadOnlyList<JsonElement>? own = node.Const is { } constant ? [constant] : node.Enum;
            if (own is null)
            {
                continue;
            }

            values = values is null
                ? [.. own]
                : values.Where(v => own.Any(o => JsonEquality.DeepEquals(v, o))).ToList();
        }

        return values;
    }

    private static SchemaTypes Infer(List<SchemaNode> nodes)
    {
        var types = SchemaTypes.None;
        foreach (var n in nodes)
        {
            if (n.Properties.Count > 0 || n.Required.Count > 0 || n.AdditionalProperties is not null || n.PatternProperties.Count > 0 ||
                n.PropertyNames is not null || n.MinProperties is not null || n.MaxProperties is not null || n.Discriminator is not null)
            {
                types |= SchemaTypes.Object;
            }

            if (n.Items is not null || n.PrefixItems.Count > 0 || n.MinItems is not null || n.MaxItems is not null || n.Contains is not null || n.UniqueItems)
            {
                types |= SchemaTypes.Array;
            }

            if (n.MinLength is not null || n.MaxLength is not null || n.Pattern is not null || n.Format is not null)
            {
                types |= SchemaTypes.String;
            }

            if (n.Minimum is not null || n.Maximum is not null || n.ExclusiveMinimum is not null || n.ExclusiveMaximum is not null || n.MultipleOf is not null)
            {
                types |= SchemaTypes.Number;
            }
        }

        // Nothing says what it is: any scalar, null included (the gate accepts whatever the contract does).
        return types == SchemaTypes.None ? SchemaTypes.String | SchemaTypes.Number | SchemaTypes.Boolean | SchemaTypes.Null : types;
    }

    private static SchemaTypes TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => SchemaTypes.Null,
        JsonValueKind.True or JsonValueKind.False => SchemaTypes.Boolean,
        JsonValueKind.String => SchemaTypes.String,
        JsonValueKind.Object => SchemaTypes.Object,
        JsonValueKind.Array => SchemaTypes.Array,
        _ => value.TryGetDecimal(out var d) && decimal.Truncate(d) == d ? SchemaTypes.Integer : SchemaTypes.Number,
    };

    private static bool Allows(SchemaTypes types, JsonElement value)
    {
        var kind = TypeOf(value);
        return types.HasFlag(kind) || (kind == SchemaTypes.Integer && types.HasFlag(SchemaTypes.Number));
    }

    private static JsonNode TypeValue(SchemaTypes types)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[]
        {
            (SchemaTypes.Object, "object"), (SchemaTypes.Array, "array"), (SchemaTypes.String, "string"), (SchemaTypes.Number, "number"),
            (SchemaTypes.Integer, "integer"), (SchemaTypes.Boolean, "boolean"), (SchemaTypes.Null, "null"),
        })
        {
            if (types.HasFlag(flag) && !(flag == SchemaTypes.Integer && types.HasFlag(SchemaTypes.Number)))
            {
                names.Add(name);
            }
        }

        return names.Count == 1 ? JsonValue.Create(names[0]) : new JsonArray([.. names.Select(n => (JsonNode)JsonValue.Create(n))]);
    }
}
