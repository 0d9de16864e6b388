using System.Globalization;
using System.Text.Json;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Schema;

namespace MockGen.Core.Coverage;

internal sealed partial class CoverageModel
{
    private void AddItems(SchemaNode node, string path, IReadOnlySet<string> required, bool inChoice, NodeItems items)
    {
        var conflict = _satisfiability.Conflict(node);
        var dead = conflict is null ? null : "unsatisfiable: " + conflict.Reason + " at " + conflict.SchemaLocation;
        if (node.Enum is { } values)
        {
            items.EnumValues = new int[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                var wrongType = node.Types != SchemaTypes.None && !TypeAllows(node.Types, values[i])
                    ? "unsatisfiable: the value is not of the schema's type"
                    : null;
                items.EnumValues[i] = Add(CoverageCategory.EnumValue, node, "/enum/" + i.ToString(CultureInfo.InvariantCulture), path, Show(values[i]), dead ?? wrongType, new(node, SteeringKind.Enum, null, i));
            }
        }

        if (node.Const is { } constant)
        {
            items.Const = Add(CoverageCategory.Const, node, "/const", path, Show(constant), dead);
        }

        foreach (var property in node.Properties)
        {
            if (required.Contains(property.Name))
            {
                continue;
            }

            var name = JsonSerializer.Serialize(property.Name);
            var suffix = "/properties/" + Contracts.JsonPointerSyntax.Escape(property.Name);
            var excluded = Excluded(property.Node)
                ? "unreachable: " + (Direction == PayloadDirection.Request ? "readOnly in a request" : "writeOnly in a response")
                : null;
            var impossible = _satisfiability.Conflict(property.Node) is { } c ? "unsatisfiable: " + c.Reason + " at " + c.SchemaLocation : null;
            var present = Add(CoverageCategory.OptionalProperty, node, suffix, path, name + " present", dead ?? excluded ?? impossible, new(node, SteeringKind.Include, property.Name, 1));
            var absent = Add(CoverageCategory.OptionalProperty, node, suffix, path, name + " absent", dead, new(node, SteeringKind.Include, property.Name, 0));
            items.Optional.Add((property.Name, present, absent));
        }

        items.AnyOf = Branches(node, node.AnyOf, "anyOf", path, dead);
        items.OneOf = Branches(node, node.OneOf, "oneOf", path, dead);
        if (node.Discriminator is { } discriminator)
        {
            foreach (var (value, _) in discriminator.Mapping)
            {
                var entry = -1;
                for (var i = 0; i < discriminator.Targets.Count && entry < 0; i++)
                {
                    entry = string.Equals(discriminator.Targets[i].Key, value, StringComparison.Ordinal) ? i : -1;
                }

                items.Discriminator.Add((value, Add(CoverageCategory.Discriminator, node, "/discriminator/mapping/" + Contracts.JsonPointerSyntax.Escape(value), path,
                    JsonSerializer.Serialize(discriminator.PropertyName) + " = " + JsonSerializer.Serialize(value), dead, entry < 0 ? null : new(node, SteeringKind.Discriminator, null, entry))));
            }
        }

        if (node.If is not null)
        {
            items.Then = Add(CoverageCategory.Condition, node, "/if", path, "if holds (then)", dead, new(node, SteeringKind.Condition, null, 1));
            items.Else = Add(CoverageCategory.Condition, node, "/if", path, "if fails (else)", dead, new(node, SteeringKind.Condition, null, 0));
        }

        AddSizes(node, path, items, dead);
        // Below a oneOf/anyOf branch a broken keyword is reported as the choice failing (labelled oneOf/anyOf, whose item
        // is the owner's), never alone: ViolationMatch, the rule negative labels follow.
        AddViolations(node, path, items, dead ?? (inChoice ? "unreachable: inside a oneOf/anyOf branch, a violation is labelled as the choice failing" : null));
    }

    private int[] Branches(SchemaNode node, IReadOnlyList<SchemaNode> branches, string keyword, string path, string? dead)
    {
        var ids = new int[branches.Count];
        for (var i = 0; i < branches.Count; i++)
        {
            var clash = dead ?? (_satisfiability.ClashesWithOwner(node, branches[i]) ? "unsatisfiable: the branch cannot hold with its owner's keywords" : null);
            var title = branches[i].Ref is { } target ? target.DocumentPointer : branches[i].Title ?? "branch " + i.ToString(CultureInfo.InvariantCulture);
            ids[i] = Add(CoverageCategory.Branch, node, "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture), path, keyword + " " + title, clash, new(node, SteeringKind.Branch, keyword, i));
        }

        return ids;
    }

    private void AddSizes(SchemaNode node, string path, NodeItems items, string? dead)
    {
        var maybe = node.Types == SchemaTypes.None;
        if ((node.Types & SchemaTypes.Array) != 0 || (maybe && (node.MinItems is not null || node.MaxItems is not null)))
        {
            var min = node.MinItems ?? 0;
            items.SizeMin = Add(CoverageCategory.ArraySize, node, node.MinItems is null ? string.Empty : "/minItems", path, Size("size", min, node.MinItems is null ? "no minItems" : "minItems"), dead, new(node, SteeringKind.Length, null, Steerable(min)));
            if (node.MaxItems is { } max && max != min)
            {
                items.SizeMax = Add(CoverageCategory.ArraySize, node, "/maxItems", path, Size("size", max, "maxItems"), dead, new(node, SteeringKind.Length, null, Steerable(max)));
            }
        }

        if ((node.Types & (SchemaTypes.Number | SchemaTypes.Integer)) != 0 || maybe)
        {
            if (node.Minimum is { } min)
            {
                items.Minimum = Add(CoverageCategory.NumberBound, node, "/minimum", path, "= " + min.Text + " (minimum)", dead, new(node, SteeringKind.Number, null, 0));
            }

            if (node.Maximum is { } max)
            {
                items.Maximum = Add(CoverageCategory.NumberBound, node, "/maximum", path, "= " + max.Text + " (maximum)", dead, new(node, SteeringKind.Number, null, 1));
            }

            if (node.ExclusiveMinimum is { } exMin)
            {
                items.ExclusiveMinimum = Add(CoverageCategory.NumberBound, node, "/" + node.ExclusiveMinimumKeyword, path, "just above " + exMin.Text + " (exclusiveMinimum)", dead, new(node, SteeringKind.Number, null, 0));
            }

            if (node.ExclusiveMaximum is { } exMax)
            {
                items.ExclusiveMaximum = Add(CoverageCategory.NumberBound, node, "/" + node.ExclusiveMaximumKeyword, path, "just below " + exMax.Text + " (exclusiveMaximum)", dead, new(node, SteeringKind.Number, null, 1));
            }
        }

        if ((node.Types & SchemaTypes.String) != 0 || maybe)
        {
            if (node.MinLength is { } min && min > 0)
            {
                items.LengthMin = Add(CoverageCategory.StringLength, node, "/minLength", path, Size("length", min, "minLength"), dead, new(node, SteeringKind.StringLength, null, Steerable(min)));
            }

            if (node.MaxLength is { } max && max != node.MinLength)
            {
                items.LengthMax = Add(CoverageCategory.StringLength, node, "/maxLength", path, Size("length", max, "maxLength"), dead, new(node, SteeringKind.StringLength, null, Steerable(max)));
            }

            if (node.Format is { } format && (node.Types & SchemaTypes.String) != 0)
            {
                items.Format = Add(CoverageCategory.Format, node, "/format", path, format, dead);
            }
        }
    }

    // The keywords the negative variant knows how to break alone (Generation/Walking/MutationKind), named as the
    // validator names them in a keyword location, so a negative record's label finds its item.
    private void AddViolations(SchemaNode node, string path, NodeItems items, string? dead)
    {
        void Breakable(string keyword, bool present, string? never = null, SteeringChoice? aim = null)
        {
            if (present && !items.Violations.ContainsKey(keyword))
            {
                items.Violations[keyword] = Add(CoverageCategory.Violation, node, "/" + keyword, path, keyword + " violated", dead ?? never, aim);
            }
        }

        // A value of another type equals none of the literals when every literal is of the schema's type: the enum or
        // const fails with the type, always, so no negative payload can break type alone here.
        var literals = node.Const is { } only ? [only] : node.Enum;
        var typeNeverAlone = literals is { Count: > 0 } && node.Types != SchemaTypes.None && literals.All(v => TypeAllows(node.Types, v))
            ? "unreachable: a value of another type fails " + (node.Const is null ? "enum" : "const") + " too, so type is never violated alone"
            : null;
        Breakable("type", node.Types != SchemaTypes.None, typeNeverAlone);
        Breakable("enum", node.Enum is not null);
        Breakable("const", node.Const is not null);
        Breakable("minimum", node.Minimum is not null);
        Breakable("maximum", node.Maximum is not null);
        Breakable(node.ExclusiveMinimumKeyword, node.ExclusiveMinimum is not null);
        Breakable(node.ExclusiveMaximumKeyword, node.ExclusiveMaximum is not null);
        Breakable("multipleOf", node.MultipleOf is not null);
        Breakable("minLength", node.MinLength is > 0);
        // Under a format the mutator lengthens the string at its end, which keeps an email an email only when it
        // starts at maxLength (one more letter in its top-level domain); elsewhere any string will do.
        Breakable("maxLength", node.MaxLength is not null, aim: node.Format is not null && node.MaxLength is { } longest ? new(node, SteeringKind.StringLength, null, Steerable(longest)) : null);
        Breakable("pattern", node.Pattern is not null);
        Breakable("required", node.Required.Count > 0);
        Breakable("additionalProperties", node.AdditionalProperties?.BooleanSchema == false);
        Breakable("maxProperties", node.MaxProperties is not null);
        Breakable("minItems", node.MinItems is > 0);
        // The negative mutator grows an array by repeating its items and duplicates one to break uniqueItems: it needs
        // one item, or two.
        Breakable("maxItems", node.MaxItems is not null, aim: new(node, SteeringKind.LengthAtLeast, null, 1));
        Breakable("uniqueItems", node.UniqueItems, aim: new(node, SteeringKind.LengthAtLeast, null, 2));
        Breakable("oneOf", node.OneOf.Count > 0);
        Breakable("anyOf", node.AnyOf.Count > 0);
    }

    // Sizes and lengths beyond an int are kept as int.MaxValue: the coverage variant reports them over its cap.
    private static int Steerable(long value) => (int)Math.Min(value, int.MaxValue);

    private static string Size(string what, long value, string keyword) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} {value} ({keyword})");

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private static bool TypeAllows(SchemaTypes types, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => (types & SchemaTypes.Null) != 0,
        JsonValueKind.True or JsonValueKind.False => (types & SchemaTypes.Boolean) != 0,
        JsonValueKind.Object => (types & SchemaTypes.Object) != 0,
        JsonValueKind.Array => (types & SchemaTypes.Array) != 0,
        JsonValueKind.String => (types & SchemaTypes.String) != 0,
        JsonValueKind.Number => (types & SchemaTypes.Number) != 0
            || ((types & SchemaTypes.Integer) != 0 && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d),
        _ => true,
    };
}
