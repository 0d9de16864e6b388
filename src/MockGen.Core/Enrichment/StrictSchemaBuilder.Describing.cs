using System.Globalization;
using System.Text.Json.Nodes;
using MockGen.Core.Schema;

namespace MockGen.Core.Enrichment;

internal sealed partial class StrictSchemaBuilder
{
    // OpenAPI's own formats say nothing the type does not (int32, double) or nothing a model can use (binary):
    // dropped, as the reference's transform step 1 says.
    private static readonly string[] OpenApiOnlyFormats = ["int32", "int64", "float", "double", "byte", "binary", "password"];

    private void AddDescription(JsonObject schema, List<SchemaNode> nodes, SchemaTypes types)
    {
        if (Description(nodes, types) is { } description)
        {
            schema["description"] = description;
        }
    }

    /// <summary>
    /// The contract's description (else its title) followed by every constraint the subset cannot carry as a
    /// keyword, e.g. <c>Constraints: pattern: ^[A-Z]{3}$; minLength: 3.</c>, so the model is still guided.
    /// </summary>
    private string? Description(List<SchemaNode> nodes, SchemaTypes types)
    {
        var text = nodes.Select(n => n.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ??
            nodes.Select(n => n.Title).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        var hints = new List<string>();
        var first = true;
        foreach (var node in nodes)
        {
            foreach (var hint in Hints(node, types, keywordsTaken: first && _options.Limits.AllowConstraintKeywords))
            {
                if (!hints.Contains(hint, StringComparer.Ordinal))
                {
                    hints.Add(hint);
                }
            }

            first &= !HasConstraintKeywords(node);
        }

        if (hints.Count == 0)
        {
            return text?.Trim();
        }

        var constraints = "Constraints: " + string.Join("; ", hints) + ".";
        return text is null ? constraints : text.Trim() + " " + constraints;
    }

    private IEnumerable<string> Hints(SchemaNode node, SchemaTypes types) => Hints(node, types, keywordsTaken: false);

    /// <summary>The constraints of one node as text; those sent as keywords (when the deployment allows them) are left out.</summary>
    private IEnumerable<string> Hints(SchemaNode node, SchemaTypes types, bool keywordsTaken)
    {
        if (types.HasFlag(SchemaTypes.String))
        {
            if (node.MinLength is { } minLength)
            {
                yield return Invariant($"minLength: {minLength}");
            }

            if (node.MaxLength is { } maxLength)
            {
                yield return Invariant($"maxLength: {maxLength}");
            }

            if (node.Pattern is { } pattern && !keywordsTaken)
            {
                yield return "pattern: " + pattern.Source;
            }

            if (node.Format is { } format && !OpenApiOnlyFormats.Contains(format) && !(keywordsTaken && StrictSubsetChecker.SupportedFormats.Contains(format)))
            {
                yield return "format: " + format;
            }

            if (node.ContentMediaType is { } media)
            {
                yield return "contentMediaType: " + media;
            }

            if (node.ContentEncoding is { } encoding)
            {
                yield return "contentEncoding: " + encoding;
            }
        }

        if ((types & (SchemaTypes.Number | SchemaTypes.Integer)) != 0 && !keywordsTaken)
        {
            if (node.Minimum is { } minimum)
            {
                yield return "minimum: " + minimum.Text;
            }

            if (node.ExclusiveMinimum is { } exclusiveMinimum)
            {
                yield return "exclusiveMinimum: " + exclusiveMinimum.Text;
            }

            if (node.Maximum is { } maximum)
            {
                yield return "maximum: " + maximum.Text;
            }

            if (node.ExclusiveMaximum is { } exclusiveMaximum)
            {
                yield return "exclusiveMaximum: " + exclusiveMaximum.Text;
            }

            if (node.MultipleOf is { } multipleOf)
            {
                yield return "multipleOf: " + multipleOf.Text;
            }
        }

        if (types.HasFlag(SchemaTypes.Array))
        {
            if (node.MinItems is { } minItems && !keywordsTaken)
            {
                yield return Invariant($"minItems: {minItems}");
            }

            if (node.MaxItems is { } maxItems && !keywordsTaken)
            {
                yield return Invariant($"maxItems: {maxItems}");
            }

            if (node.UniqueItems)
            {
                yield return "uniqueItems: true";
            }

            if (node.Contains is { } contains)
            {
                yield return Invariant($"contains: at least {node.MinContains ?? 1} item(s) matching {Location(contains)}") +
                    (node.MaxContains is { } maxContains ? Invariant($", at most {maxContains}") : string.Empty);
            }
        }

        if (types.HasFlag(SchemaTypes.Object))
        {
            if (node.MinProperties is { } minProperties)
            {
                yield return Invariant($"minProperties: {minProperties}");
            }

            if (node.MaxProperties is { } maxProperties)
            {
                yield return Invariant($"maxProperties: {maxProperties}");
            }

            foreach (var dependency in node.DependentRequired)
            {
                yield return $"when {dependency.Property} is present, {string.Join(", ", dependency.Required)} must be too";
            }

            foreach (var dependency in node.DependentSchemas)
            {
                yield return $"when {dependency.Property} is present, {Location(dependency.Node)} applies";
            }
        }

        if (node.Not is { } not)
        {
            Note(node, "not cannot be said strictly: described, left to the gate");
            yield return $"must not match ({Summarize(not)})";
        }

        if (node.If is { } condition)
        {
            Note(node, "if/then/else cannot be said strictly: described, left to the gate");
            yield return $"conditional: if ({Summarize(condition)})" +
                (node.Then is { } then ? $" then ({Summarize(then)})" : string.Empty) +
                (node.Else is { } otherwise ? $", otherwise ({Summarize(otherwise)})" : string.Empty);
        }
    }

    /// <summary>
    /// A few words a model can follow for the common shapes of a <c>not</c>/<c>if</c>/<c>then</c> subschema
    /// (<c>kind = "card"</c>, <c>has number, cvc</c>); anything else is named by its location in the contract.
    /// </summary>
    private static string Summarize(SchemaNode node)
    {
        var target = RefTarget(node) is { } referenced && IsPureRef(node) ? referenced : node;
        var parts = new List<string>();
        if (target.Const is { } constant)
        {
            parts.Add("value " + constant.GetRawText());
        }

        if (target.Enum is { Count: > 0 and <= 5 } values)
        {
            parts.Add("value one of " + string.Join(", ", values.Select(v => v.GetRawText())));
        }

        foreach (var property in target.Properties.Take(3))
        {
            if (property.Node.Const is { } value)
            {
                parts.Add($"{property.Name} = {value.GetRawText()}");
            }
            else if (property.Node.Enum is { Count: > 0 and <= 5 } options)
            {
                parts.Add($"{property.Name} is one of {string.Join(", ", options.Select(v => v.GetRawText()))}");
            }
        }

        if (target.Required.Count > 0)
        {
            parts.Add("has " + string.Join(", ", target.Required.Take(8)));
        }

        return parts.Count > 0 && parts.Count >= CountKeywords(target) ? string.Join(" and ", parts) : "the schema at " + Location(node);
    }

    // How many constraining keywords a node has, so a summary that covers only some of them is not passed off as the whole.
    private static int CountKeywords(SchemaNode node) =>
        node.Element.ValueKind != System.Text.Json.JsonValueKind.Object ? 0 :
        node.Element.EnumerateObject().Count(p => !AnnotationKeywords.Contains(p.Name) && p.Name is not ("type" or "properties" or "$schema" or "$id") && !p.Name.StartsWith("x-", StringComparison.Ordinal));

    private static bool HasConstraintKeywords(SchemaNode node) =>
        node.Pattern is not null || node.Format is not null || node.Minimum is not null || node.Maximum is not null ||
        node.ExclusiveMinimum is not null || node.ExclusiveMaximum is not null || node.MultipleOf is not null ||
        node.MinItems is not null || node.MaxItems is not null;

    /// <summary>
    /// With <see cref="StrictSubsetLimits.AllowConstraintKeywords"/>, the first node carrying constraints sends
    /// them as keywords (others stay in the description): pattern, supported formats, numeric bounds.
    /// </summary>
    private void AddConstraintKeywords(JsonObject schema, List<SchemaNode> nodes, SchemaTypes types)
    {
        if (!_options.Limits.AllowConstraintKeywords || nodes.FirstOrDefault(HasConstraintKeywords) is not { } node)
        {
            return;
        }

        if (types.HasFlag(SchemaTypes.String))
        {
            if (node.Pattern is { } pattern)
            {
                schema["pattern"] = pattern.Source;
            }

            if (node.Format is { } format && StrictSubsetChecker.SupportedFormats.Contains(format))
            {
                schema["format"] = format;
            }
        }

        if ((types & (SchemaTypes.Number | SchemaTypes.Integer)) != 0)
        {
            foreach (var (keyword, limit) in new[]
            {
                ("minimum", node.Minimum), ("exclusiveMinimum", node.ExclusiveMinimum), ("maximum", node.Maximum),
                ("exclusiveMaximum", node.ExclusiveMaximum), ("multipleOf", node.MultipleOf),
            })
            {
                if (limit is not null)
                {
                    schema[keyword] = JsonNode.Parse(limit.Text);
                }
            }
        }

        if (types.HasFlag(SchemaTypes.Array))
        {
            if (node.MinItems is { } minItems)
            {
                schema["minItems"] = minItems;
            }

            if (node.MaxItems is { } maxItems)
            {
                schema["maxItems"] = maxItems;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
