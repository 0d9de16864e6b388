using System.Numerics;
using System.Text.Json;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Json;
using MockGen.Core.Schema;
using MockGen.Core.Validation;

namespace MockGen.Core.Coverage;

/// <summary>
/// Measures which items of a <see cref="CoverageModel"/> one payload exercises: it walks the payload with the schema
/// as the validator would, following only the <c>anyOf</c>/<c>oneOf</c> branches and the <c>then</c>/<c>else</c> the
/// value really matches (decided by the validator itself), so an item is covered only by a value that exercises it.
/// Thread-safe.
/// </summary>
internal sealed class CoverageMeter
{
    private static readonly ExactDecimal Cent = new(BigInteger.One, 2);

    private readonly CoverageModel _model;
    private readonly SchemaValidator _validator;
    private readonly int _maxDepth;

    public CoverageMeter(CoverageModel model, CoverageOptions options)
    {
        _model = model;
        _maxDepth = options.MaxDepth;
        _validator = new SchemaValidator(new ValidationOptions { AssertFormats = options.AssertFormats, Direction = model.Direction });
    }

    /// <summary>Adds to <paramref name="hits"/> every item a valid payload exercises.</summary>
    public void Measure(JsonElement payload, ISet<int> hits) => Visit(_model.Root, payload, hits, 0);

    /// <summary>
    /// The violation item a negative payload's label names: <paramref name="schemaPath"/> is the validator's keyword
    /// location relative to the target (<c>/properties/amount/$ref/exclusiveMinimum</c>). -1 when it names none.
    /// </summary>
    public int Violation(string keyword, string schemaPath)
    {
        var segments = schemaPath.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        if (segments.Length == 0 || !string.Equals(segments[^1], keyword, StringComparison.Ordinal))
        {
            return -1;
        }

        var node = _model.Root;
        for (var i = 0; i < segments.Length - 1 && node is not null; i++)
        {
            node = Step(node, segments, ref i);
        }

        return node is not null && _model.ItemsOf(node) is { } items && items.Violations.TryGetValue(keyword, out var id) ? id : -1;
    }

    // One keyword-location step from node; i is left on the last segment consumed (the final segment is the keyword).
    private static SchemaNode? Step(SchemaNode node, string[] segments, ref int i)
    {
        var s = segments[i];
        var next = i + 1 < segments.Length - 1 ? segments[i + 1] : null;
        var index = next is not null && int.TryParse(next, out var n) ? n : -1;
        switch (s)
        {
            case "$ref": return node.Ref;
            case "$dynamicRef": return node.DynamicRef;
            case "$recursiveRef": return node.RecursiveRef;
            case "then": return node.Then;
            case "else": return node.Else;
            case "additionalProperties": return node.AdditionalProperties;
            case "contains": return node.Contains;
        }

        if (next is null)
        {
            return string.Equals(s, node.ItemsKeyword, StringComparison.Ordinal) || s is "items" or "additionalItems" ? node.Items : null;
        }

        SchemaNode? found = s switch
        {
            "properties" => node.Properties.FirstOrDefault(p => string.Equals(p.Name, next, StringComparison.Ordinal))?.Node,
            "patternProperties" => node.PatternProperties.FirstOrDefault(p => string.Equals(p.Pattern.Source, next, StringComparison.Ordinal))?.Node,
            "dependentSchemas" or "dependencies" => node.DependentSchemas.FirstOrDefault(p => string.Equals(p.Property, next, StringComparison.Ordinal))?.Node,
            "allOf" => At(node.AllOf, index),
            "anyOf" => At(node.AnyOf, index),
            "oneOf" => At(node.OneOf, index),
            _ when string.Equals(s, node.PrefixItemsKeyword, StringComparison.Ordinal) && node.PrefixItems.Count > 0 && index >= 0 => At(node.PrefixItems, index),
            _ => null,
        };
        if (found is not null)
        {
            i++;
            return found;
        }

        return string.Equals(s, node.ItemsKeyword, StringComparison.Ordinal) || s is "items" or "additionalItems" ? node.Items : null;
    }

    private static SchemaNode? At(IReadOnlyList<SchemaNode> list, int n) => n >= 0 && n < list.Count ? list[n] : null;

    private void Visit(SchemaNode node, JsonElement value, ISet<int> hits, int depth)
    {
        if (node.BooleanSchema is not null || depth > _maxDepth || _model.ItemsOf(node) is not { } items)
        {
            return;
        }

        MeasureLiterals(node, value, items, hits);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                VisitObject(node, value, items, hits, depth);
                break;
            case JsonValueKind.Array:
                VisitArray(node, value, items, hits, depth);
                break;
            case JsonValueKind.Number:
                MeasureNumber(node, value, items, hits);
                break;
            case JsonValueKind.String:
                MeasureString(value, items, hits, node);
                break;
        }

        foreach (var same in new[] { node.Ref, node.DynamicRef, node.RecursiveRef }.Concat(node.AllOf))
        {
            if (same is not null)
            {
                Visit(same, value, hits, depth + 1);
            }
        }

        VisitBranches(node.AnyOf, items.AnyOf, value, hits, depth);
        VisitBranches(node.OneOf, items.OneOf, value, hits, depth);
        if (node.If is { } condition)
        {
            var holds = _validator.IsValid(condition, value);
            Hit(hits, holds ? items.Then : items.Else);
            if ((holds ? node.Then : node.Else) is { } branch)
            {
                Visit(branch, value, hits, depth + 1);
            }
        }
    }

    private void VisitBranches(IReadOnlyList<SchemaNode> branches, int[] ids, JsonElement value, ISet<int> hits, int depth)
    {
        for (var i = 0; i < branches.Count; i++)
        {
            if (_validator.IsValid(branches[i], value))
            {
                Hit(hits, ids[i]);
                Visit(branches[i], value, hits, depth + 1);
            }
        }
    }

    private static void MeasureLiterals(SchemaNode node, JsonElement value, NodeItems items, ISet<int> hits)
    {
        if (node.Enum is { } values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (JsonEquality.DeepEquals(values[i], value))
                {
                    Hit(hits, items.EnumValues[i]);
                    break;
                }
            }
        }

        if (node.Const is { } constant && JsonEquality.DeepEquals(constant, value))
        {
            Hit(hits, items.Const);
        }
    }

    private void VisitObject(SchemaNode node, JsonElement value, NodeItems items, ISet<int> hits, int depth)
    {
        foreach (var (name, present, absent) in items.Optional)
        {
            Hit(hits, value.TryGetProperty(name, out _) ? present : absent);
        }

        if (node.Discriminator is { } discriminator && value.TryGetProperty(discriminator.PropertyName, out var tag) && tag.ValueKind == JsonValueKind.String)
        {
            foreach (var (mapped, id) in items.Discriminator)
            {
                if (tag.ValueEquals(mapped))
                {
                    Hit(hits, id);
                }
            }
        }

        foreach (var member in value.EnumerateObject())
        {
            var matched = false;
            foreach (var property in node.Properties)
            {
                if (member.NameEquals(property.Name))
                {
                    Visit(property.Node, member.Value, hits, depth + 1);
                    matched = true;
                    break;
                }
            }

            foreach (var pattern in node.PatternProperties)
            {
                if (pattern.Pattern.Matches(member.Name))
                {
                    Visit(pattern.Node, member.Value, hits, depth + 1);
                    matched = true;
                }
            }

            if (!matched && node.AdditionalProperties is { } additional)
            {
                Visit(additional, member.Value, hits, depth + 1);
            }
        }

        foreach (var dependent in node.DependentSchemas)
        {
            if (value.TryGetProperty(dependent.Property, out _))
            {
                Visit(dependent.Node, value, hits, depth + 1);
            }
        }
    }

    private void VisitArray(SchemaNode node, JsonElement value, NodeItems items, ISet<int> hits, int depth)
    {
        var length = value.GetArrayLength();
        if (length == (node.MinItems ?? 0))
        {
            Hit(hits, items.SizeMin);
        }

        if (node.MaxItems is { } max && length == max)
        {
            Hit(hits, items.SizeMax);
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var schema = index < node.PrefixItems.Count ? node.PrefixItems[index] : node.Items;
            if (schema is not null)
            {
                Visit(schema, item, hits, depth + 1);
            }

            if (node.Contains is { } contains && _validator.IsValid(contains, item))
            {
                Visit(contains, item, hits, depth + 1);
            }

            index++;
        }
    }

    private static void MeasureNumber(SchemaNode node, JsonElement value, NodeItems items, ISet<int> hits)
    {
        if (!ExactDecimal.TryParse(value.GetRawText(), out var number))
        {
            return;
        }

        // The edge of an exclusive bound is the nearest valid value: one multipleOf, one for integers, a cent
        // otherwise (the grid the boundary variant picks from, Generation/Numbers/NumberPicker).
        var step = node.MultipleOf is { } m && ExactDecimal.TryParse(m.Text, out var multiple) ? multiple
            : (node.Types & SchemaTypes.Number) == 0 && (node.Types & SchemaTypes.Integer) != 0 ? ExactDecimal.One : Cent;
        if (Limit(node.Minimum) is { } min && number == min)
        {
            Hit(hits, items.Minimum);
        }

        if (Limit(node.Maximum) is { } max && number == max)
        {
            Hit(hits, items.Maximum);
        }

        if (Limit(node.ExclusiveMinimum) is { } exMin && number > exMin && number - exMin <= step)
        {
            Hit(hits, items.ExclusiveMinimum);
        }

        if (Limit(node.ExclusiveMaximum) is { } exMax && number < exMax && exMax - number <= step)
        {
            Hit(hits, items.ExclusiveMaximum);
        }
    }

    private static ExactDecimal? Limit(NumberLimit? limit) =>
        limit is not null && ExactDecimal.TryParse(limit.Text, out var value) ? value : null;

    private static void MeasureString(JsonElement value, NodeItems items, ISet<int> hits, SchemaNode node)
    {
        var text = value.GetString() ?? string.Empty;
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }

        if (node.MinLength is { } min && length == min)
        {
            Hit(hits, items.LengthMin);
        }

        if (node.MaxLength is { } max && length == max)
        {
            Hit(hits, items.LengthMax);
        }

        Hit(hits, items.Format);
    }

    private static void Hit(ISet<int> hits, int id)
    {
        if (id >= 0)
        {
            hits.Add(id);
        }
    }
}
