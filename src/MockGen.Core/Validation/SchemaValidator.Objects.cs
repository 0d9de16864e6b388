using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using MockGen.Core.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>Object keywords.</summary>
internal sealed partial class SchemaValidator
{
    private bool EvalObject(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        var ok = true;
        if (node.MinProperties is not null || node.MaxProperties is not null)
        {
            var count = inst.GetPropertyCount();
            if (count < node.MinProperties)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "minProperties", $"has {count} properties, fewer than the minimum of {node.MinProperties}");
            }

            if (count > node.MaxProperties)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "maxProperties", $"has {count} properties, more than the maximum of {node.MaxProperties}");
            }
        }

        var requiredMasks = node.RequiredMaskByProperty;
        var required = requiredMasks is null ? node.RequiredUtf8 : [];
        for (var i = 0; i < required.Length; i++)
        {
            if (!inst.TryGetProperty(required[i], out _) && !ExemptByDirection(node, node.Required[i], ctx.Options.Direction))
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "required", $"the required property \"{node.Required[i]}\" is missing");
            }
        }

        for (var d = 0; d < node.DependentRequired.Count; d++)
        {
            var dependency = node.DependentRequired[d];
            if (!inst.TryGetProperty(dependency.Property, out _))
            {
                continue;
            }

            foreach (var name in dependency.Required)
            {
                if (!inst.TryGetProperty(name, out _))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                    Fail(ctx, node, node.DependentRequiredKeyword, $"the property \"{name}\" is required when \"{dependency.Property}\" is present");
                }
            }
        }

        for (var d = 0; d < node.DependentSchemas.Count; d++)
        {
            var dependency = node.DependentSchemas[d];
            if (!inst.TryGetProperty(dependency.Property, out _))
            {
                continue;
            }

            var childT = t is null ? null : new EvaluationTracker();
            if (!Sub(dependency.Node, inst, ctx, childT, node.DependentSchemasKeyword, dependency.Property))
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
            }
            else if (childT is not null)
            {
                t!.Merge(childT);
            }
        }

        if (node.PropertyNames is { } names && !names.IsTrivial)
        {
            foreach (var p in inst.EnumerateObject())
            {
                using var nameDoc = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(p.Name));
                if (!Descend(names, nameDoc.RootElement, p.Name, ctx, "propertyNames", null))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                }
            }
        }

        if (node.Properties.Count == 0 && node.PatternProperties.Count == 0 && node.AdditionalProperties is null)
        {
            return ok;
        }

        var seen = 0UL;

        var total = t is null ? 0 : inst.GetPropertyCount();
        var index = -1;
        foreach (var p in inst.EnumerateObject())
        {
            index++;
            var matched = false;
            var propertyIndex = FindProperty(node, p);
            if (propertyIndex >= 0)
            {
                matched = true;
                if (requiredMasks is not null)
                {
                    seen |= requiredMasks[propertyIndex];
                }

                var property = node.Properties[propertyIndex];
                if (!DescendProperty(property.Node, p, ctx, "properties", property.Name))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                }
            }

            for (var k = 0; k < node.PatternProperties.Count; k++)
            {
                var pattern = node.PatternProperties[k];
                if (!NameMatches(pattern.Pattern, p))
                {
                    continue;
                }

                matched = true;
                if (!DescendProperty(pattern.Node, p, ctx, "patternProperties", pattern.Pattern.Source))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                }
            }

            if (!matched && node.AdditionalProperties is { } additional)
            {
                matched = true;
                if (!DescendOrReject(node, additional, p, ctx, "additionalProperties"))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                }
            }

            if (matched && t is not null)
            {
                t.MarkProperty(index, total);
            }
        }

        if (requiredMasks is not null && seen != node.RequiredFullMask)
        {
            for (var i = 0; i < node.Required.Count; i++)
            {
                if ((seen & (1UL << i)) == 0 && !ExemptByDirection(node, node.Required[i], ctx.Options.Direction))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                    Fail(ctx, node, "required", $"the required property \"{node.Required[i]}\" is missing");
                }
            }
        }

        return ok;
    }

    private bool EvalUnevaluatedProperties(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker t)
    {
        var ok = true;
        var index = -1;
        foreach (var p in inst.EnumerateObject())
        {
            index++;
            if (t.IsPropertyEvaluated(index))
            {
                continue;
            }

            if (!DescendOrReject(node, node.UnevaluatedProperties!, p, ctx, "unevaluatedProperties"))
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
            }
        }

        if (ok)
        {
            t.MarkAllProperties();
        }

        return ok;
    }

    /// <summary>Applies additionalProperties/unevaluatedProperties; a <c>false</c> schema gets a message naming the property.</summary>
    private bool DescendOrReject(SchemaNode node, SchemaNode child, JsonProperty p, EvaluationContext ctx, string keyword)
    {
        if (child.BooleanSchema == false)
        {
            if (ctx.Collect)
            {
                ctx.InstancePath.Add(p.Name);
                Fail(ctx, node, keyword, $"the property \"{p.Name}\" is not allowed here ({keyword} is false)");
                ctx.InstancePath.RemoveAt(ctx.InstancePath.Count - 1);
            }

            return false;
        }

        return DescendProperty(child, p, ctx, keyword, null);
    }

    /// <summary>
    /// OpenAPI: a required readOnly property is required in responses only, a required writeOnly one in
    /// requests only ("Fixed Fields" of the Schema Object). Checked only when the property is missing.
    /// </summary>
    private static bool ExemptByDirection(SchemaNode node, string name, PayloadDirection direction)
    {
        if (direction == PayloadDirection.None)
        {
            return false;
        }

        SchemaNode? property = null;
        for (var i = 0; i < node.Properties.Count; i++)
        {
            if (string.Equals(node.Properties[i].Name, name, StringComparison.Ordinal))
            {
                property = node.Properties[i].Node;
                break;
            }
        }

        // Follow $ref chains (bounded: the graph may be cyclic) and look one level into allOf.
        for (var hops = 0; property is not null && hops < 32; hops++)
        {
            if ((direction == PayloadDirection.Request && property.ReadOnly) || (direction == PayloadDirection.Response && property.WriteOnly))
            {
                return true;
            }

            for (var i = 0; i < property.AllOf.Count; i++)
            {
                var part = property.AllOf[i].Ref ?? property.AllOf[i];
                if ((direction == PayloadDirection.Request && part.ReadOnly) || (direction == PayloadDirection.Response && part.WriteOnly))
                {
                    return true;
                }
            }

            property = property.Ref;
        }

        return false;
    }

    private bool DescendProperty(SchemaNode child, JsonProperty p, EvaluationContext ctx, string keyword, string? key) =>
        Descend(child, p.Value, ctx.Collect ? p.Name : string.Empty, ctx, keyword, key);

    private static int FindProperty(SchemaNode node, JsonProperty p)
    {
        var properties = node.Properties;
        if (node.PropertyIndex is { } index)
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(p);
            if (raw.IndexOf((byte)'\\') < 0 && raw.Length <= 256)
            {
                Span<char> buffer = stackalloc char[raw.Length];
                var n = System.Text.Encoding.UTF8.GetChars(raw, buffer);
                return index.TryGetValue(buffer[..n], out var found) ? found : -1;
            }

            return index.TryGetValue(p.Name, out var slow) ? slow : -1;
        }

        for (var i = 0; i < properties.Count; i++)
        {
            if (p.NameEquals(properties[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NameMatches(CompiledPattern regex, JsonProperty p)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(p);
        if (raw.IndexOf((byte)'\\') < 0 && raw.Length <= 256)
        {
            Span<char> buffer = stackalloc char[raw.Length];
            var n = System.Text.Encoding.UTF8.GetChars(raw, buffer);
            return SafeMatch(regex, buffer[..n]);
        }

        return SafeMatch(regex, p.Name);
    }

    private static bool SafeMatch(CompiledPattern regex, ReadOnlySpan<char> text)
    {
        try
        {
            return regex.Matches(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A property name that times out is treated as not matching its pattern; the additionalProperties
            // or unevaluatedProperties rules then decide, which errs on the strict side.
            return false;
        }
    }
}
