using System.Globalization;
using System.Text.Json;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>Arrays: tuple and rest items, lengths, contains and uniqueness.</content>
internal sealed partial class PayloadWalker
{
    private const int UniqueAttempts = 8;

    // The longest array the walker builds (minItems and minContains beyond it are out of reach).
    private const int MaxGeneratedItems = 100_000;

    private PayloadArray? BuildArray(SchemaConjunction conjunction, ValueSite site, Prng rng, bool terminating, WalkState state)
    {
        var minItems = 0;
        int? maxItems = null;
        string? maxLocation = null;
        var unique = false;
        var contains = new List<(SchemaNode Schema, int Min, int? Max)>();
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.MinItems is { } min)
            {
                // Past the cap no attempt can succeed, and each would build the capped array first (a fuzzed
                // minItems of 1e308 allocated ~1 GB over 20 attempts): fail the array at once instead.
                if (min > MaxGeneratedItems)
                {
                    state.Failure ??= new WalkFailure(
                        "arrays need at least " + min.ToString(CultureInfo.InvariantCulture) + " items, more than the generator builds ("
                        + MaxGeneratedItems.ToString(CultureInfo.InvariantCulture) + ")",
                        SchemaConjunction.Location(schema) + "/minItems", Unsupported: true);
                    return null;
                }

                minItems = Math.Max(minItems, (int)min);
            }

            if (schema.MaxItems is { } max)
            {
                var capped = (int)Math.Min(max, int.MaxValue);
                if (maxItems is null || capped < maxItems)
                {
                    maxItems = capped;
                    maxLocation = SchemaConjunction.Location(schema) + "/maxItems";
                }
            }

            unique |= schema.UniqueItems;
            if (schema.Contains is { } containsSchema)
            {
                // As for minItems: a minContains past the cap used to be clamped silently, and the gate then refused
                // every attempt; say at once that the generator does not build arrays that long.
                if (schema.MinContains is { } mc && mc > MaxGeneratedItems)
                {
                    state.Failure ??= new WalkFailure(
                        "arrays need at least " + mc.ToString(CultureInfo.InvariantCulture) + " matching items, more than the generator builds ("
                        + MaxGeneratedItems.ToString(CultureInfo.InvariantCulture) + ")",
                        SchemaConjunction.Location(schema) + "/minContains", Unsupported: true);
                    return null;
                }

                var minContains = schema.MinContains is { } mcc ? (int)mcc : 1;
                int? maxContains = schema.MaxContains is { } xc ? (int)Math.Min(xc, int.MaxValue) : null;
                contains.Add((containsSchema, minContains, maxContains));
            }

            // Rest items that are false cap the length at the tuple's.
            if (schema.Items is { BooleanSchema: false } && (maxItems is null || schema.PrefixItems.Count < maxItems))
            {
                maxItems = schema.PrefixItems.Count;
                maxLocation = SchemaConjunction.Location(schema) + "/" + schema.ItemsKeyword;
            }
        }

        if (UnevaluatedItemsLimit(conjunction) is { } evaluatedLimit && (maxItems is null || evaluatedLimit < maxItems))
        {
            maxItems = evaluatedLimit;
            maxLocation = SchemaConjunction.Location(conjunction.Schemas.First(s => s.UnevaluatedItems is { BooleanSchema: false })) + "/unevaluatedItems";
        }

        var needContains = contains.Count == 0 ? 0 : contains.Max(c => c.Min);
        var low = Math.Max(minItems, needContains);
        var high = maxItems ?? int.MaxValue;
        if (low > high)
        {
            state.Failure ??= new WalkFailure(
                "arrays need at least " + low.ToString(CultureInfo.InvariantCulture) + " items but at most " + high.ToString(CultureInfo.InvariantCulture) + " are allowed",
                maxLocation ?? (conjunction.Schemas.Count > 0 ? SchemaConjunction.Location(conjunction.Schemas[0]) : "#"), Unsupported: false);
            return null;
        }

        PreferReferenceSiblings(conjunction, "minItems", "maxItems", ref low, ref high);
        var pick = rng.Split("length");
        // Under references (recursive structures) the budget halves per level, so maximal trees stay bounded.
        var budgetHigh = Math.Min(high, Math.Max(low, _settings.ItemsBudget >> Math.Min(site.References, 8)));
        var proposedItems = site.Proposed is { ValueKind: JsonValueKind.Array } proposal ? proposal : (JsonElement?)null;
        var length = terminating ? low : state.Steering?.Length(conjunction.Schemas, low, high) is { } steered ? steered : proposedItems is { } items0 ? Math.Clamp(items0.GetArrayLength(), low, Math.Max(low, high)) : state.Variant switch
        {
            GenerationVariant.Minimal => low,
            GenerationVariant.Maximal => budgetHigh,
            GenerationVariant.Boundary => pick.NextBool() ? low : budgetHigh,
            _ => pick.NextInt(Math.Min(Math.Max(low, 1), budgetHigh), Math.Min(budgetHigh, low + 3)),
        };

        // Items proven impossible end the array where they start: [] when minItems allows it, else a conflict.
        for (var i = 0; i < length; i++)
        {
            if (SchemasForItem(conjunction, i).Select(_satisfiability.Conflict).FirstOrDefault(c => c is not null) is not { } conflict)
            {
                continue;
            }

            if (i < low)
            {
                state.Failure ??= new WalkFailure(
                    "item " + i.ToString(CultureInfo.InvariantCulture) + " is required (at least " + low.ToString(CultureInfo.InvariantCulture) + " items) but cannot have any value: " + conflict.Reason,
                    conflict.SchemaLocation, Unsupported: false);
                return null;
            }

            length = i;
            break;
        }

        // The items that must match 'contains' sit at random distinct positions.
        var containsAt = new Dictionary<int, List<SchemaNode>>();
        var positions = Enumerable.Range(0, length).ToList();
        var place = rng.Split("contains");
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

            if (itemSchemas.Any(s => s.BooleanSchema == false))
            {
                state.Failure ??= new WalkFailure("item " + i.ToString(CultureInfo.InvariantCulture) + " cannot have any value", SchemaConjunction.Location(itemSchemas.First(s => s.BooleanSchema == false)), Unsupported: false);
                return null;
            }

            var pointer = site.Pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            PayloadValue? item = null;
            for (var attempt = 0; attempt < UniqueAttempts; attempt++)
            {
                var itemSite = new ValueSite(attempt == 0 ? pointer : pointer + "~" + attempt.ToString(CultureInfo.InvariantCulture), null, site.Depth + 1, site.References, site.Scope, null)
                {
                    Branched = site.Branched,
                    ReferencePath = site.ReferencePath,
                    ParentPointer = site.Pointer,
                    // Only the first try follows the proposal: a duplicate under uniqueItems is regenerated.
                    Proposed = attempt == 0 && proposedItems is { } p && i < p.GetArrayLength() ? p[i] : null,
                };
                var failureBefore = state.Failure;
                var mutationMark = state.Mutations.Count;
                item = Generate(itemSchemas, itemSite, state);
                if (item is null && i >= low && !containsAt.Keys.Any(at => at >= i))
                {
                    // An optional item that could not be built this time ends the array rather than failing it.
                    state.Failure = failureBefore;
                    state.Mutations.RemoveRange(mutationMark, state.Mutations.Count - mutationMark);
                    break;
                }

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

            if (item is null)
            {
                break;
            }

            items.Add(item);
        }

        RecordArrayMutations(conjunction, site, items, state);
        return new PayloadArray(items);
    }

    private bool ViolatesMaxContains(List<(SchemaNode Schema, int Min, int? Max)> contains, List<PayloadValue> items, PayloadValue candidate)
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
        if (!conjunction.Schemas.Any(s => s.UnevaluatedItems is { BooleanSchema: false }))
        {
            return null;
        }

        var longestTuple = 0;
        foreach (var schema in conjunction.Schemas)
        {
            longestTuple = Math.Max(longestTuple, schema.PrefixItems.Count);
            if (schema.Items is { BooleanSchema: not false } || (schema.Dialect == Dialect.Draft202012 && schema.Contains is not null))
            {
                return null;
            }
        }

        return longestTuple;
    }

    /// <summary>The schemas that apply to item <paramref name="index"/>.</summary>
    private static List<SchemaNode> SchemasForItem(SchemaConjunction conjunction, int index)
    {
        var result = new List<SchemaNode>();
        var evaluated = false;
        foreach (var schema in conjunction.Schemas)
        {
            if (index < schema.PrefixItems.Count)
            {
                result.Add(schema.PrefixItems[index]);
                evaluated = true;
            }
            else if (schema.Items is { } rest)
            {
                result.Add(rest);
                evaluated = true;
            }
        }

        if (!evaluated)
        {
            foreach (var schema in conjunction.Schemas)
            {
                if (schema.UnevaluatedItems is { } unevaluated)
                {
                    result.Add(unevaluated);
                }
            }
        }

        return result;
    }

    private static void RecordArrayMutations(SchemaConjunction conjunction, ValueSite site, List<PayloadValue> items, WalkState state)
    {
        if (!state.RecordMutations)
        {
            return;
        }

        foreach (var schema in conjunction.Schemas)
        {
            var location = SchemaConjunction.Location(schema);
            if (schema.MaxItems is { } maxCount && maxCount < 1000 && items.Count > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.TooManyItems, site.Pointer, "maxItems", location + "/maxItems", ValueTypes.Array, Length: (int)maxCount) { Branched = site.Branched });
            }

            if (schema.MinItems is { } minCount && minCount > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.TooFewItems, site.Pointer, "minItems", location + "/minItems", ValueTypes.Array, Length: (int)Math.Min(minCount, MaxGeneratedItems)) { Branched = site.Branched });
            }

            if (schema.UniqueItems && items.Count > 0)
            {
                state.Mutations.Add(new Mutation(MutationKind.DuplicateItem, site.Pointer, "uniqueItems", location + "/uniqueItems", ValueTypes.Array) { Branched = site.Branched });
            }
        }
    }
}
