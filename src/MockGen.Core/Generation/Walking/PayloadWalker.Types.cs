using System.Collections.Concurrent;
using System.Text.Json;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>Type, enum and const: what kind of value to build.</content>
internal sealed partial class PayloadWalker
{
    private static readonly ValueTypes[] s_typeOrder = [ValueTypes.Object, ValueTypes.Array, ValueTypes.String, ValueTypes.Number, ValueTypes.Integer, ValueTypes.Boolean, ValueTypes.Null];

    // Terminating values prefer the shapes that cannot recurse.
    private static readonly ValueTypes[] s_terminatingOrder = [ValueTypes.Null, ValueTypes.String, ValueTypes.Integer, ValueTypes.Number, ValueTypes.Boolean, ValueTypes.Array, ValueTypes.Object];

    private readonly ConcurrentDictionary<SchemaNode, PayloadValue[]> _literals = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<LiteralMatchKey, bool> _literalMatches = new();

    private PayloadValue? Build(SchemaConjunction conjunction, ValueSite site, Prng rng, bool terminating, WalkState state)
    {
        var allowed = AllowedTypes(conjunction, out var lastTyped);
        if (allowed == ValueTypes.None)
        {
            var typeLocation = lastTyped is null ? "#" : SchemaConjunction.Location(lastTyped) + "/type";
            state.Failure ??= new WalkFailure("the 'type' keywords have no type in common", typeLocation, Unsupported: false);
            return null;
        }

        if (BuildFromLiterals(conjunction, allowed, site, rng, state, out var literal))
        {
            return literal;
        }

        if (state.Variant == GenerationVariant.Typical && state.Steering is null && PickExampleOrDefault(conjunction, allowed, site, rng) is { } example)
        {
            return example;
        }

        if (state.Failure is not null)
        {
            return null;
        }

        // A type whose keywords cannot be met (an array under 'contains: false') gives way to another allowed type.
        var remaining = allowed;
        for (var round = 0; ; round++)
        {
            var type = ChooseType(conjunction, remaining, round == 0 ? rng : rng.Split("type/" + round.ToString(System.Globalization.CultureInfo.InvariantCulture)), terminating, state.Variant);
            var failureBefore = state.Failure;
            var mark = state.Mutations.Count;
            if (round == 0)
            {
                RecordTypeMutation(conjunction, allowed, site, state);
            }

            PayloadValue? value = type switch
            {
                ValueTypes.Null => PayloadNull.Instance,
                ValueTypes.Boolean => BuildBoolean(conjunction, rng.Split("bool")),
                ValueTypes.Object => BuildObject(conjunction, site, rng, terminating, state),
                ValueTypes.Array => BuildArray(conjunction, site, rng, terminating, state),
                ValueTypes.String => BuildString(conjunction, site, rng, state),
                ValueTypes.Integer => BuildNumber(conjunction, site, rng, integerOnly: !conjunction.NotInteger, state),
                _ => BuildNumber(conjunction, site, rng, integerOnly: false, state),
            };
            if (value is not null)
            {
                return value;
            }

            remaining &= ~(type == ValueTypes.Integer ? ValueTypes.Number : type);
            if (failureBefore is not null || remaining == ValueTypes.None || (remaining & ~ValueTypes.Null & ValueTypes.All) == ValueTypes.None && (remaining & ValueTypes.Null) == 0)
            {
                return null;
            }

            state.Failure = failureBefore;
            state.Mutations.RemoveRange(mark, state.Mutations.Count - mark);
        }
    }

    // The last schema with a 'type' is returned, not its location: the string is only needed when the types conflict,
    // and building it for every value was a visible share of generation's allocations.
    private static ValueTypes AllowedTypes(SchemaConjunction conjunction, out SchemaNode? lastTyped)
    {
        lastTyped = null;
        var allowed = ValueTypes.All;
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.Types == SchemaTypes.None)
            {
                continue;
            }

            allowed &= ToValueTypes(schema.Types);
            lastTyped = schema;
        }

        foreach (var not in conjunction.Nots)
        {
            // A 'not' that only names types is honoured exactly; richer ones are left to the matcher and the gate.
            if (not.Types != SchemaTypes.None && IsOnlyKeyword(not, "type"))
            {
                var excluded = ToValueTypes(not.Types);
                // Excluding integers from numbers cannot be expressed as a type set; keep numbers and let the gate decide.
                allowed &= ~(excluded == ValueTypes.Integer ? ValueTypes.None : excluded);
                if ((excluded & ValueTypes.Number) == ValueTypes.Number)
                {
                    allowed &= ~ValueTypes.Number;
                }
            }
        }

        return allowed & ~TypesExcludedByLiterals(conjunction);
    }

    internal static ValueTypes ToValueTypes(SchemaTypes types)
    {
        if (types == SchemaTypes.None)
        {
            return ValueTypes.All;
        }

        var result = ValueTypes.None;
        result |= (types & SchemaTypes.Null) != 0 ? ValueTypes.Null : ValueTypes.None;
        result |= (types & SchemaTypes.Boolean) != 0 ? ValueTypes.Boolean : ValueTypes.None;
        result |= (types & SchemaTypes.Object) != 0 ? ValueTypes.Object : ValueTypes.None;
        result |= (types & SchemaTypes.Array) != 0 ? ValueTypes.Array : ValueTypes.None;
        result |= (types & SchemaTypes.Number) != 0 ? ValueTypes.Number : ValueTypes.None;
        result |= (types & SchemaTypes.Integer) != 0 ? ValueTypes.Integer : ValueTypes.None;
        result |= (types & SchemaTypes.String) != 0 ? ValueTypes.String : ValueTypes.None;
        return result;
    }

    private static ValueTypes Intersect(ValueTypes a, ValueTypes b)
    {
        var result = a & b;
        // number ∩ integer = integer: the flags already say so because Number includes the Integer bit.
        return result;
    }

    internal static ValueTypes TypeOf(PayloadValue value) => value switch
    {
        PayloadNull => ValueTypes.Null,
        PayloadBoolean => ValueTypes.Boolean,
        PayloadObject => ValueTypes.Object,
        PayloadArray => ValueTypes.Array,
        PayloadString => ValueTypes.String,
        PayloadNumber n when n.Value is { IsInteger: true } => ValueTypes.Integer,
        _ => ValueTypes.Number & ~ValueTypes.Integer,
    };

    private static bool TypeAllowed(PayloadValue value, ValueTypes allowed)
    {
        var type = TypeOf(value);
        return type == ValueTypes.Integer ? (allowed & ValueTypes.Integer) != 0 : (allowed & type) == type;
    }

    // enum and const: the candidates every such keyword admits; the value is then one of them.
    private bool BuildFromLiterals(SchemaConjunction conjunction, ValueTypes allowed, ValueSite site, Prng rng, WalkState state, out PayloadValue? value)
    {
        value = null;
        PayloadValue[]? candidates = null;
        SchemaNode? owner = null;
        var keyword = "enum";
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.Const is null && schema.Enum is null)
            {
                continue;
            }

            keyword = schema.Const is null ? "enum" : "const";
            var these = Literals(schema);
            owner ??= schema;
            candidates = candidates is null ? these : [.. candidates.Where(c => these.Any(t => t.Equals(c)))];
        }

        if (candidates is null)
        {
            return false;
        }

        var fitting = new List<PayloadValue>(candidates.Length);
        foreach (var candidate in candidates)
        {
            if (TypeAllowed(candidate, allowed) && !ExcludedCachedLiteral(conjunction, candidate))
            {
                fitting.Add(candidate);
            }
        }

        if (fitting.Count == 0)
        {
            state.Failure ??= new WalkFailure("no value of 'enum'/'const' meets the other constraints", SchemaConjunction.Location(owner!) + "/" + keyword, Unsupported: false);
            return true;
        }

        var pick = rng.Split("enum");
        if (state.Steering is { } steering && SteeredLiteral(conjunction, fitting, steering) is { } steered)
        {
            value = steered;
        }
        else if (state.Variant == GenerationVariant.Typical && site.PropertyName is not null && AllStrings(fitting)
            && _settings.Leaves.TryString(
                new Leaves.LeafRequest { PropertyName = site.PropertyName, InstancePointer = site.Pointer, ParentPointer = site.ParentPointer, Direction = _settings.Direction, Record = site.Record },
                rng.Split("enum/leaf"),
                out var realistic)
            && FirstString(fitting, realistic) is { } coherent)
        {
            // The realism engine keeps a record coherent (a currency matching its amount's decimals): take its
            // choice when the enum allows it.
            value = coherent;
        }
        else
        {
            value = state.Variant == GenerationVariant.Boundary
                ? (pick.NextBool() ? fitting[0] : fitting[^1])
                : pick.Pick(fitting);
        }

        value = value.Clone();
        if (state.RecordMutations)
        {
            state.Mutations.Add(new Mutation(MutationKind.NotInEnum, site.Pointer, keyword, SchemaConjunction.Location(owner!) + "/" + keyword, allowed) { Branched = site.Branched });
        }

        return true;
    }

    // Contract authors' own examples and defaults are the most realistic values there are; the gate still judges them.
    // Not for a sensitive field: an example token or card number pasted into a contract may be a real one.
    private PayloadValue? PickExampleOrDefault(SchemaConjunction conjunction, ValueTypes allowed, ValueSite site, Prng rng)
    {
        // Split only where there is something to pick from: a stream per value was a visible share of allocations, and
        // the value's stream is never drawn from directly, so a later split is the same stream.
        Prng? pick = null;
        var sensitivityChecked = false;
        foreach (var schema in conjunction.Schemas)
        {
            if (!sensitivityChecked && (schema.Examples.Count > 0 || schema.Example is not null || schema.Default is not null))
            {
                // Asked only where there is something to echo, so the name check costs nothing on other values.
                sensitivityChecked = true;
                if (IsSensitive(conjunction, site))
                {
                    return null;
                }
            }

            var examples = schema.Examples.Count > 0 ? schema.Examples : schema.Example is { } single ? [single] : [];
            if (examples.Count > 0 && (pick ??= rng.Split("example")).NextBool(_settings.ExamplesProbability))
            {
                var candidate = PayloadValue.FromElement(pick.Pick(examples));
                return TypeAllowed(candidate, allowed) && !ExcludedLiteral(conjunction, candidate) ? candidate : null;
            }

            if (schema.Default is { } fallback && (pick ??= rng.Split("example")).NextBool(_settings.DefaultProbability))
            {
                var candidate = PayloadValue.FromElement(fallback);
                return TypeAllowed(candidate, allowed) && !ExcludedLiteral(conjunction, candidate) ? candidate : null;
            }
        }

        return null;
    }

    private bool IsSensitive(SchemaConjunction conjunction, ValueSite site)
    {
        JsonElement? hint = null;
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.GetExtension("x-mockgen") is { } h)
            {
                hint = h;
                if (h.ValueKind == JsonValueKind.Object && h.TryGetProperty("sensitive", out var flag) && flag.ValueKind == JsonValueKind.True)
                {
                    return true;
                }
            }
        }

        return _settings.IsSensitive is { } check
            ? check(site.Pointer, site.PropertyName, hint)
            : Realism.SensitiveFields.IsSensitiveName(site.PropertyName);
    }

    // A schema's enum/const members as values, built once per node: they are read on every payload.
    private PayloadValue[] Literals(SchemaNode schema) => _literals.GetOrAdd(schema, static node => node.Const is { } constant
        ? [PayloadValue.FromElement(constant)]
        : [.. node.Enum!.Select(PayloadValue.FromElement)]);

    // ExcludedLiteral for a literal from Literals: whether it matches a schema never changes, so it is asked once.
    // Loops rather than LINQ over local functions: this runs for every enum value, and the closures were allocations.
    private bool ExcludedCachedLiteral(SchemaConjunction conjunction, PayloadValue literal)
    {
        if (_settings.Matches is null)
        {
            return false;
        }

        foreach (var not in conjunction.Nots)
        {
            if (CachedMatch(not, literal))
            {
                return true;
            }
        }

        foreach (var exclusive in conjunction.Exclusive)
        {
            if (CachedMatch(exclusive, literal))
            {
                return true;
            }
        }

        foreach (var schema in conjunction.Schemas)
        {
            if (!CachedMatch(schema, literal))
            {
                return true;
            }
        }

        return false;
    }

    private bool CachedMatch(SchemaNode schema, PayloadValue literal)
    {
        var key = new LiteralMatchKey(schema, literal);
        if (_literalMatches.TryGetValue(key, out var matched))
        {
            return matched;
        }

        matched = _settings.Matches!(schema, literal);
        return _literalMatches.GetOrAdd(key, matched);
    }

    private static bool AllStrings(List<PayloadValue> values)
    {
        foreach (var value in values)
        {
            if (value is not PayloadString)
            {
                return false;
            }
        }

        return true;
    }

    private static PayloadValue? FirstString(List<PayloadValue> values, string text)
    {
        foreach (var value in values)
        {
            if (value is PayloadString candidate && candidate.Value == text)
            {
                return value;
            }
        }

        return null;
    }

    private bool ExcludedLiteral(SchemaConjunction conjunction, PayloadValue candidate)
    {
        if (_settings.Matches is { } matches)
        {
            return conjunction.Nots.Any(n => matches(n, candidate)) || conjunction.Exclusive.Any(n => matches(n, candidate))
                || conjunction.Schemas.Any(s => !matches(s, candidate));
        }

        return false;
    }

    // Written over a stack buffer rather than lists and LINQ (it runs for every value); the options, their order
    // and the draws are those of the list form it replaced, so payload bytes are unchanged.
    private static ValueTypes ChooseType(SchemaConjunction conjunction, ValueTypes allowed, Prng rng, bool terminating, GenerationVariant variant)
    {
        var hinted = ValueTypes.None;
        foreach (var schema in conjunction.Schemas)
        {
            hinted |= HintedTypes(schema);
        }

        Span<ValueTypes> options = stackalloc ValueTypes[s_typeOrder.Length];
        var count = 0;
        foreach (var type in s_typeOrder)
        {
            if (type == ValueTypes.Number ? (allowed & ValueTypes.Number) == ValueTypes.Number : (allowed & type) == type)
            {
                options[count++] = type;
            }
        }

        if (count == 0)
        {
            // Only integers: the Number option needs both bits.
            return ValueTypes.Integer;
        }

        // Integer-typed schemas also list Number's option only when number is allowed; avoid offering both.
        if (hinted != ValueTypes.None && options[..count].Contains(ValueTypes.Number) && options[..count].Contains(ValueTypes.Integer))
        {
            count = Without(options, count, ValueTypes.Integer);
        }

        var pick = rng.Split("type");
        if (terminating)
        {
            foreach (var type in s_terminatingOrder)
            {
                if (options[..count].Contains(type) && ((hinted & type) != 0 || count == 1 || type == ValueTypes.Null))
                {
                    return type;
                }
            }
        }

        if (count > 1 && options[..count].Contains(ValueTypes.Null))
        {
            // Nullable values are null now and then; the minimal variant prefers the non-null shape too.
            if (variant != GenerationVariant.Minimal && pick.NextBool(0.1))
            {
                return ValueTypes.Null;
            }

            count = Without(options, count, ValueTypes.Null);
        }

        Span<ValueTypes> preferred = stackalloc ValueTypes[count];
        var preferredCount = 0;
        foreach (var t in options[..count])
        {
            if ((hinted & t) != 0 && (t != ValueTypes.Number || (hinted & ValueTypes.Number) == ValueTypes.Number || (hinted & ValueTypes.Integer) != 0))
            {
                preferred[preferredCount++] = t;
            }
        }

        // The draw Prng.Pick makes: one uniform index.
        return preferredCount > 0 ? preferred[pick.NextInt(0, preferredCount - 1)] : options[pick.NextInt(0, count - 1)];
    }

    // Removes every occurrence of type from the first count options, keeping their order; returns the new count.
    private static int Without(Span<ValueTypes> options, int count, ValueTypes type)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (options[i] != type)
            {
                options[kept++] = options[i];
            }
        }

        return kept;
    }

    private static ValueTypes HintedTypes(SchemaNode schema)
    {
        var hinted = ValueTypes.None;
        if (schema.Properties.Count > 0 || schema.Required.Count > 0 || schema.AdditionalProperties is not null || schema.PatternProperties.Count > 0
            || schema.MinProperties is not null || schema.MaxProperties is not null || schema.PropertyNames is not null || schema.DependentRequired.Count > 0
            || schema.DependentSchemas.Count > 0 || schema.UnevaluatedProperties is not null || schema.Discriminator is not null)
        {
            hinted |= ValueTypes.Object;
        }

        if (schema.Items is not null || schema.PrefixItems.Count > 0 || schema.Contains is not null || schema.MinItems is not null || schema.MaxItems is not null
            || schema.UniqueItems || schema.UnevaluatedItems is not null)
        {
            hinted |= ValueTypes.Array;
        }

        if (schema.MinLength is not null || schema.MaxLength is not null || schema.Pattern is not null || schema.Format is not null || schema.ContentEncoding is not null)
        {
            hinted |= ValueTypes.String;
        }

        if (schema.Minimum is not null || schema.Maximum is not null || schema.ExclusiveMinimum is not null || schema.ExclusiveMaximum is not null || schema.MultipleOf is not null)
        {
            hinted |= ValueTypes.Number;
        }

        return hinted;
    }

    private static void RecordTypeMutation(SchemaConjunction conjunction, ValueTypes allowed, ValueSite site, WalkState state)
    {
        if (!state.RecordMutations || allowed == ValueTypes.All)
        {
            return;
        }

        foreach (var schema in conjunction.Schemas)
        {
            if (schema.Types != SchemaTypes.None)
            {
                state.Mutations.Add(new Mutation(MutationKind.WrongType, site.Pointer, "type", SchemaConjunction.Location(schema) + "/type", allowed) { Branched = site.Branched });
                return;
            }
        }
    }
}
