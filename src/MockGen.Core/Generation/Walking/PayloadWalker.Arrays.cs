using System.Globalization;
using System.Text.Json;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Schemas;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>Arrays: tuple and rest items, lengths, contains and uniqueness.</content>
internal sealed partial class PayloadWalker
{
    private const int UniqueAttempts = 8;

    private PayloadArray? BuildArray(SchemaConjunction conjunction, ValueSite site, Prng rng, bool terminating, WalkState state)
    {
        var minItems = 0;
        int? maxItems = null;
        string? maxLocation = null;
        var unique = false;
        var contains = new List<(SchemaCursor Schema, int Min, int? Max)>();
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.TryGet("minItems", out var min) && min.TryGetDecimal(out var minValue))
            {
                minItems = Math.Max(minItems, (int)Math.Min(minValue, 100_000));
            }

            if (schema.TryGet("maxItems", out var max) && max.TryGetDecimal(out var maxValue))
            {
                var capped = (int)Math.Min(maxValue, int.MaxValue);
                if (maxItems is null || capped < maxItems)
                {
                    maxItems = capped;
                    maxLocation = schema.Location + "/maxItems";
                }
            }

            unique |= schema.TryGet("uniqueItems", out var u) && u.ValueKind == JsonValueKind.True;
            if (schema.Child("contains") is { } containsSchema)
            {
                var supportsCounts = schema.Dialect is Dialect.Draft201909 or Dialect.Draft202012;
                var minContains = supportsCounts && schema.TryGet("minContains", out var mc) && mc.TryGetDecimal(out var mcValue) ? (int)Math.Min(mcValue, 100_000) : 1;
                int? maxContains = supportsCounts && schema.TryGet("maxContains", out var xc) && xc.TryGetDecimal(out var xcValue) ? (int)Math.Min(xcValue, int.MaxValue) : null;
                contains.Add((containsSchema, minContains, maxContains));
            }

            var restLimit = RestForbiddenAfter(schema);
            if (restLimit is { } limit && (maxItems is null || limit < maxItems))
            {
                maxItems = limit;
                maxLocation = schema.Location;
            }
        }

        if (UnevaluatedItemsLimit(conjunction) is { } evaluatedLimit && (maxItems is null || evaluatedLimit < maxItems))
        {
            maxItems = evaluatedLimit;
            maxLocation = conjunction.Schemas.First(s => s.Child("unevaluatedItems") is { IsFalse: true }).Location + "/unevaluatedItems";
        }

        var needContains = contains.Count == 0 ? 0 : contains.Max(c => c.Min);
        var low = Math.Max(minItems, needContains);
        var high = maxItems ?? int.MaxValue;
        if (low > high)
        {
            state.Failure ??= new WalkFailure(
                "arrays need at least " + low.ToString(CultureInfo.InvariantCulture) + " items but at most " + high.ToString(CultureInfo.InvariantCulture) + " are allowed",
                maxLocation ?? conjunction.Schemas[0].Location, Unsupported: false);
            return null;
        }

        var pick = rng.Fork("length");
        // Under references (recursive structures) the budget halves per level, so maximal trees stay bounded.
        var budgetHigh = Math.Min(high, Math.Max(low, _settings.ItemsBudget >> Math.Min(site.References, 8)));
        var length = terminating ? low : state.Variant switch
        {
            GenerationVariant.Minimal => low,
            GenerationVariant.Maximal => budgetHigh,
            GenerationVariant.Boundary => pick.NextBool() ? low : budgetHigh,
            _ => pick.NextInt(Math.Min(Math.Max(low, 1), budgetHigh), Math.Min(budgetHigh, low + 3)),
        };

        // The items that must match 'contains' sit at random distinct positions.
        var containsAt = new Dictionary<int, List<SchemaCursor>>();
        var positions = Enumerable.Range(0, length).ToList();
        var place = rng.Fork("contains");
        foreach (var (schema, min, _) in contains)
        {
            var free = positions.ToList();
            for (var i = 0; i < min && free.Count > 0; i++)
            {
                var at = place.Pick(free);
                free.Remove(at);
                if (!containsAt.TryGetValue(at, out var list))
                {
                    containsAt[at] = list = [];
                }

                list.Add(schema);
            }
        }

        var items = new List<PayloadValue>(length);
        for (var i = 0; i < length; i++)
        {
            var itemSchemas = SchemasForItem(conjunction, i);
            if (containsAt.TryGetValue(i, out var mustContain))
            {
                itemSchemas.AddRange(mustContain);
            }

            if (itemSchemas.Any(s => s.IsFalse))
            {
                state.Failure ??= new WalkFailure("item " + i.ToString(CultureInfo.InvariantCulture) + " cannot have any value", itemSchemas.First(s => s.IsFalse).Location, Unsupported: false);
                return null;
            }

            var pointer = site.Pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            PayloadValue? item = null;
            for (var attempt = 0; attempt < UniqueAttempts; attempt++)
            {
                var itemSite = new ValueSite(attempt == 0 ? pointer : pointer + "~" + attempt.ToString(CultureInfo.InvariantCulture), null, site.Depth + 1, site.References, site.Scope, null) { Branched = site.Branched, ReferencePath = site.ReferencePath };
                item = Generate(itemSchemas, itemSite, state);
                if (item is null)
                {
                    return null;
                }

                var duplicate = unique && items.Any(existing => existing.Equals(item));
                var overContains = !containsAt.ContainsKey(i) && ViolatesMaxContains(contains, items, item);
                if (!duplicate && !overContains)
                {
                    break;
                }
            }

            items.Add(item!);
        }

        RecordArrayMutations(conjunction, site, items, state);
        return new PayloadArray(items);
    }

    private bool ViolatesMaxContains(List<(SchemaCursor Schema, int Min, int? Max)> contains, List<PayloadValue> items, PayloadValue candidate)
    {
        if (_settings.Matches is not { } matches)
        {
            return false;
        }

        foreach (var (schema, _, max) in contains)
        {
            if (max is { } limit && matches(schema, candidate) && items.Count(existing => matches(schema, existing)) + 1 > limit)
            {
                return true;
            }
        }

        return false;
    }

    // With 'unevaluatedItems: false', items past every tuple of the conjunction are unevaluated unless some
    // schema gives the rest a schema; 'contains' also evaluates items (2020-12), so it lifts the limit.
    private static int? UnevaluatedItemsLimit(SchemaConjunction conjunction)
    {
        if (!conjunction.Schemas.Any(s => s.Child("unevaluatedItems") is { IsFalse: true }))
        {
            return null;
        }

        var longestTuple = 0;
        foreach (var schema in conjunction.Schemas)
        {
            var tupleKeyword = schema.Dialect == Dialect.Draft202012 ? "prefixItems" : "items";
            var restKeyword = schema.Dialect == Dialect.Draft202012 ? "items" : "additionalItems";
            if (schema.TryGet(tupleKeyword, out var tuple) && tuple.ValueKind == JsonValueKind.Array)
            {
                longestTuple = Math.Max(longestTuple, tuple.GetArrayLength());
                if (schema.Child(restKeyword) is { IsFalse: false })
                {
                    return null;
                }
            }
            else if (schema.Child("items") is { IsFalse: false } || (schema.Dialect == Dialect.Draft202012 && schema.Has("contains")))
            {
                return null;
            }
        }

        return longestTuple;
    }

    // How many items a schema admits when its rest items are false (items: false, additionalItems: false).
    private static int? RestForbiddenAfter(SchemaCursor schema)
    {
        if (schema.DraftBefore2019 || schema.Dialect == Dialect.Draft201909)
        {
            if (schema.TryGet("items", out var items) && items.ValueKind == JsonValueKind.Array
                && schema.Child("additionalItems") is { IsFalse: true })
            {
                return items.GetArrayLength();
            }

            return schema.Child("items") is { IsFalse: true } ? 0 : null;
        }

        var prefix = schema.TryGet("prefixItems", out var prefixItems) && prefixItems.ValueKind == JsonValueKind.Array ? prefixItems.GetArrayLength() : 0;
        if (schema.Child("items") is { IsFalse: true })
        {
            return prefix;
        }

        return null;
    }

    /// <summary>The schemas that apply to item <paramref name="index"/>.</summary>
    private static List<SchemaCursor> SchemasForItem(SchemaConjunction conjunction, int index)
    {
        var result = new List<SchemaCursor>();
        var evaluated = false;
        foreach (var schema in conjunction.Schemas)
        {
            var tupleKeyword = schema.Dialect == Dialect.Draft202012 ? "prefixItems" : "items";
            var restKeyword = schema.Dialect == Dialect.Draft202012 ? "items" : "additionalItems";
            if (schema.TryGet(tupleKeyword, out var tuple) && tuple.ValueKind == JsonValueKind.Array)
            {
                if (index < tuple.GetArrayLength())
                {
                    if (schema.Child(tupleKeyword, index) is { } positional)
                    {
                        result.Add(positional);
                    }

                    evaluated = true;
                    continue;
                }

                if (schema.Child(restKeyword) is { } rest)
                {
                    result.Add(rest);
                    evaluated = true;
                }

                continue;
            }

            // Before 2020-12 a single 'items' schema applies to every item; from 2020-12 'items' is the rest.
            if (schema.Child("items") is { } all)
            {
                result.Add(all);
                evaluated = true;
            }
        }

        if (!evaluated)
        {
            foreach (var schema in conjunction.Schemas)
            {
                if (schema.Child("unevaluatedItems") is { } unevaluated)
                {
                    result.Add(unevaluated);
                }
            }
        }

        return result;
    }

    private static void RecordArrayMutations(SchemaConjunction conjunction, ValueSite site, List<PayloadValue> items, WalkState state)
    {
        if (!state.RecordMutations || site.Branched)
        {
            return;
        }

        foreach (var schema in conjunction.Schemas)
        {
            if (schema.TryGet("maxItems", out var max) && max.TryGetInt32(out var maxCount) && maxCount < 1000 && items.Count > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.TooManyItems, site.Pointer, "maxItems", schema.Location + "/maxItems", ValueTypes.Array, Length: maxCount));
            }

            if (schema.TryGet("minItems", out var min) && min.TryGetInt32(out var minCount) && minCount > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.TooFewItems, site.Pointer, "minItems", schema.Location + "/minItems", ValueTypes.Array, Length: minCount));
            }

            if (schema.TryGet("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True && items.Count > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.DuplicateItem, site.Pointer, "uniqueItems", schema.Location + "/uniqueItems", ValueTypes.Array));
            }
        }
    }
}
