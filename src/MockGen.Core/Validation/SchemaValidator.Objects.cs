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

        foreach (var name in node.Required)
        {
            if (!inst.TryGetProperty(name, out _))
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "required", $"the required property \"{name}\" is missing");
            }
        }

        foreach (var dependency in node.DependentRequired)
        {
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

        foreach (var dependency in node.DependentSchemas)
        {
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

        var total = t is null ? 0 : inst.GetPropertyCount();
        var index = -1;
        foreach (var p in inst.EnumerateObject())
        {
            index++;
            var matched = false;
            foreach (var property in node.Properties)
            {
                if (p.NameEquals(property.Name))
                {
                    matched = true;
                    if (!Descend(property.Node, p.Value, p.Name, ctx, "properties", property.Name))
                    {
                        if (!ctx.Collect)
                        {
                            return false;
                        }

                        ok = false;
                    }

                    break;
                }
            }

            foreach (var pattern in node.PatternProperties)
            {
                if (!NameMatches(pattern.Pattern.Regex, p))
                {
                    continue;
                }

                matched = true;
                if (!Descend(pattern.Node, p.Value, p.Name, ctx, "patternProperties", pattern.Pattern.Source))
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

        return Descend(child, p.Value, p.Name, ctx, keyword, null);
    }

    private static bool NameMatches(Regex regex, JsonProperty p)
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

    private static bool SafeMatch(Regex regex, ReadOnlySpan<char> text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A property name that times out is treated as not matching its pattern; the additionalProperties
            // or unevaluatedProperties rules then decide, which errs on the strict side.
            return false;
        }
    }
}
