using System.Globalization;
using System.Text.Json;
using MockGen.Core.Json;
using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>Array keywords.</summary>
internal sealed partial class SchemaValidator
{
    private bool EvalArray(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker? t)
    {
        var ok = true;
        var length = inst.GetArrayLength();
        if (length < node.MinItems)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "minItems", $"has {length} items, fewer than the minimum of {node.MinItems}");
        }

        if (length > node.MaxItems)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "maxItems", $"has {length} items, more than the maximum of {node.MaxItems}");
        }

        if (node.UniqueItems && FindDuplicate(inst, length) is { } duplicate)
        {
            if (!ctx.Collect)
            {
                return false;
            }

            ok = false;
            Fail(ctx, node, "uniqueItems", $"items {duplicate.First} and {duplicate.Second} are equal; items must be unique");
        }

        var prefix = node.PrefixItems;
        var items = node.Items;
        if (prefix.Count > 0 || items is not null)
        {
            var i = 0;
            foreach (var item in inst.EnumerateArray())
            {
                SchemaNode? schema;
                string keyword;
                string? key;
                if (i < prefix.Count)
                {
                    schema = prefix[i];
                    keyword = node.PrefixItemsKeyword;
                    key = ctx.Collect ? i.ToString(CultureInfo.InvariantCulture) : null;
                }
                else
                {
                    schema = items;
                    keyword = node.ItemsKeyword;
                    key = null;
                }

                if (schema is null)
                {
                    break;
                }

                if (!Descend(schema, item, ctx.Collect ? i.ToString(CultureInfo.InvariantCulture) : string.Empty, ctx, keyword, key))
                {
                    if (!ctx.Collect)
                    {
                        return false;
                    }

                    ok = false;
                }

                i++;
            }

            if (t is not null)
            {
                t.MarkItemsPrefix(Math.Min(length, prefix.Count));
                if (items is not null)
                {
                    t.MarkAllItems();
                }
            }
        }

        if (node.Contains is { } contains)
        {
            var matches = 0;
            var i = 0;
            var wasCollecting = ctx.Collect;
            ctx.SetCollect(false);
            var trackContains = t is not null && node.Dialect == Dialect.Draft202012;
            foreach (var item in inst.EnumerateArray())
            {
                if (Descend(contains, item, string.Empty, ctx, "contains", null))
                {
                    matches++;
                    if (trackContains)
                    {
                        t!.MarkItem(i, length);
                    }
                }

                i++;
            }

            ctx.SetCollect(wasCollecting);
            var min = node.MinContains ?? 1;
            if (matches < min)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, node.MinContains is null ? "contains" : "minContains", matches == 0
                    ? "no item matches the \"contains\" schema"
                    : $"only {matches} items match the \"contains\" schema; at least {min} must");
            }

            if (matches > node.MaxContains)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                Fail(ctx, node, "maxContains", $"{matches} items match the \"contains\" schema; at most {node.MaxContains} may");
            }
        }

        return ok;
    }

    private bool EvalUnevaluatedItems(SchemaNode node, JsonElement inst, EvaluationContext ctx, EvaluationTracker t)
    {
        var ok = true;
        var i = -1;
        var child = node.UnevaluatedItems!;
        foreach (var item in inst.EnumerateArray())
        {
            i++;
            if (t.IsItemEvaluated(i))
            {
                continue;
            }

            if (child.BooleanSchema == false)
            {
                if (!ctx.Collect)
                {
                    return false;
                }

                ok = false;
                ctx.InstancePath.Add(i.ToString(CultureInfo.InvariantCulture));
                Fail(ctx, node, "unevaluatedItems", "this item is not allowed here (unevaluatedItems is false)");
                ctx.InstancePath.RemoveAt(ctx.InstancePath.Count - 1);
                continue;
            }

            if (!Descend(child, item, ctx.Collect ? i.ToString(CultureInfo.InvariantCulture) : string.Empty, ctx, "unevaluatedItems", null))
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
            t.MarkAllItems();
        }

        return ok;
    }

    private static (int First, int Second)? FindDuplicate(JsonElement array, int length)
    {
        if (length < 2)
        {
            return null;
        }

        // Indexing a JsonElement array walks it when items are containers: materialize the items once.
        var items = System.Buffers.ArrayPool<JsonElement>.Shared.Rent(length);
        try
        {
            var n = 0;
            foreach (var item in array.EnumerateArray())
            {
                items[n++] = item;
            }

            if (length <= 32)
            {
                for (var i = 0; i < length; i++)
                {
                    for (var j = i + 1; j < length; j++)
                    {
                        if (JsonEquality.DeepEquals(items[i], items[j]))
                        {
                            return (i, j);
                        }
                    }
                }

                return null;
            }

            // Large arrays: bucket by a value hash so the check stays near-linear.
            var buckets = new Dictionary<int, List<int>>();
            for (var i = 0; i < length; i++)
            {
                var hash = JsonEquality.GetHashCode(items[i]);
                if (!buckets.TryGetValue(hash, out var list))
                {
                    buckets[hash] = [i];
                    continue;
                }

                foreach (var j in list)
                {
                    if (JsonEquality.DeepEquals(items[j], items[i]))
                    {
                        return (j, i);
                    }
                }

                list.Add(i);
            }

            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<JsonElement>.Shared.Return(items, clearArray: true);
        }
    }
}
