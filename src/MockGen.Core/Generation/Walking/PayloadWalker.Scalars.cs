using System.Globalization;
using System.Text.Json;
using MockGen.Core.Generation.Leaves;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Strings;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>Strings and numbers.</content>
internal sealed partial class PayloadWalker
{
    private static readonly ExactDecimal Int32Min = ExactDecimal.FromInteger(int.MinValue);
    private static readonly ExactDecimal Int32Max = ExactDecimal.FromInteger(int.MaxValue);
    private static readonly ExactDecimal Int64Min = ExactDecimal.FromInteger(long.MinValue);
    private static readonly ExactDecimal Int64Max = ExactDecimal.FromInteger(long.MaxValue);
    private static readonly ExactDecimal FloatMax = ExactDecimal.FromInteger(new System.Numerics.BigInteger(float.MaxValue));
    private static readonly ExactDecimal FloatMin = ExactDecimal.FromInteger(new System.Numerics.BigInteger(-float.MaxValue));
    private static readonly ExactDecimal DoubleMax = ExactDecimal.FromInteger(new System.Numerics.BigInteger(double.MaxValue));
    private static readonly ExactDecimal DoubleMin = ExactDecimal.FromInteger(new System.Numerics.BigInteger(-double.MaxValue));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Json.NumberLimit, ExactDecimal?> _parsedLimits = new(ReferenceEqualityComparer.Instance);

    private PayloadString? BuildString(SchemaConjunction conjunction, ValueSite site, Prng rng, WalkState state)
    {
        var minLength = 0;
        int? maxLength = null;
        // The schema a length conflict is reported at; its location string is built only for that message.
        SchemaNode? lengthSchema = null;
        string? format = null;
        var patterns = new List<(string Pattern, string Location)>();
        JsonElement? hint = null;
        string? hintLocation = null;
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.MinLength is { } min && min > minLength)
            {
                minLength = (int)Math.Min(min, 1_000_000);
                lengthSchema = schema;
            }

            if (schema.MaxLength is { } max)
            {
                var capped = (int)Math.Min(max, int.MaxValue);
                maxLength = maxLength is { } current ? Math.Min(current, capped) : capped;
            }

            if (schema.Pattern is { } pattern)
            {
                patterns.Add((pattern.Source, SchemaConjunction.Location(schema) + "/pattern"));
            }

            format ??= schema.Format;
            if (hint is null && schema.GetExtension("x-mockgen") is { } h)
            {
                hint = h;
                hintLocation = SchemaConjunction.Location(schema) + "/x-mockgen";
            }
        }

        if (maxLength is { } upper && minLength > upper)
        {
            state.Failure ??= new WalkFailure("minLength " + minLength.ToString(CultureInfo.InvariantCulture) + " is above maxLength " + upper.ToString(CultureInfo.InvariantCulture), lengthSchema is null ? "#" : SchemaConjunction.Location(lengthSchema) + "/minLength", Unsupported: false);
            return null;
        }

        var preferredHigh = maxLength ?? int.MaxValue;
        PreferReferenceSiblings(conjunction, "minLength", "maxLength", ref minLength, ref preferredHigh);
        maxLength = preferredHigh == int.MaxValue ? maxLength : preferredHigh;

        var request = new LeafRequest
        {
            PropertyName = site.PropertyName,
            InstancePointer = site.Pointer,
            ParentPointer = site.ParentPointer,
            Format = format,
            Pattern = patterns.Count > 0 ? patterns[0].Pattern : null,
            MinLength = minLength,
            MaxLength = maxLength,
            Hint = hint,
            HintLocation = hintLocation,
            Direction = _settings.Direction,
            Record = site.Record,
            Schemas = conjunction.Schemas,
            MapEntry = site.MapEntry,
        };

        var boundary = state.Variant == GenerationVariant.Boundary;
        var target = boundary && patterns.Count == 0 && format is null
            ? (rng.Split("edge").NextBool() ? minLength : Math.Min(maxLength ?? minLength + 16, Math.Max(minLength, _settings.StringBudget)))
            : -1;
        string? steeredText = null;
        if (state.Steering?.StringLength(conjunction.Schemas) is { } steeredLength)
        {
            var length = Math.Clamp(steeredLength, minLength, Math.Max(minLength, maxLength ?? int.MaxValue));
            if (format is null)
            {
                target = length;
            }
            else if (patterns.Count == 0)
            {
                steeredText = SteeredFormatted(format, length);
            }
        }

        string? text = null;
        var leafRng = rng.Split("leaf");
        if (steeredText is not null)
        {
            text = steeredText;
        }
        else if (target < 0 && _settings.Leaves.TryString(request, leafRng, out var candidate) && FitsString(candidate, minLength, maxLength, patterns))
        {
            text = candidate;
        }
        else if (target < 0 && format is not null && FallbackLeafSource.Instance.TryString(request, leafRng, out var formatted) && FitsString(formatted, minLength, maxLength, patterns))
        {
            text = formatted;
        }
        else if (patterns.Count > 0 && GenerateFromPattern(patterns, minLength, maxLength, target, rng.Split("pattern")) is { } fromPattern)
        {
            text = fromPattern;
        }
        else if (patterns.Count > 1 && patterns.All(p => Patterns.PatternGenerator.Analyze(p.Pattern).IsSupported))
        {
            // Each pattern alone can be generated for: not finding their intersection is giving up, not a proof.
            state.Failure ??= new WalkFailure(
                "no string matching all " + patterns.Count.ToString(CultureInfo.InvariantCulture) + " patterns was found in " + PatternIntersection.Attempts.ToString(CultureInfo.InvariantCulture) + " candidates",
                patterns[0].Location,
                Unsupported: false,
                GaveUp: true);
            return null;
        }
        else if (patterns.Count > 0)
        {
            state.UnsupportedPattern ??= patterns[0].Pattern;
            state.UnsupportedLocation ??= patterns[0].Location;
            text = CodePoints.Filler(rng.Split("filler"), minLength, Math.Min(maxLength ?? minLength + 8, minLength + 8));
        }
        else
        {
            var fillerRng = rng.Split("filler");
            if (target >= 0)
            {
                text = CodePoints.Filler(fillerRng, target, target);
            }
            else
            {
                var high = Math.Min(maxLength ?? minLength + 12, minLength + 12);
                var low = Math.Min(Math.Max(minLength, Math.Min(5, high)), high);
                text = CodePoints.Filler(fillerRng, low, high);
            }
        }

        if (HasStringNegation(conjunction) && state.UnsupportedPattern is null)
        {
            text = AvoidNegatedStrings(conjunction, text, patterns, minLength, maxLength, rng.Split("not"));
        }

        if (state.RecordMutations)
        {
            foreach (var schema in conjunction.Schemas)
            {
                var location = SchemaConjunction.Location(schema);
                if (schema.MaxLength is { } maxValue && maxValue < 10_000)
                {
                    state.Mutations.Add(new Mutation(MutationKind.TooLong, site.Pointer, "maxLength", location + "/maxLength", ValueTypes.String, Length: (int)maxValue) { Branched = site.Branched });
                }

                if (schema.MinLength is { } minValue && minValue > 0 && minValue < 10_000)
                {
                    state.Mutations.Add(new Mutation(MutationKind.TooShort, site.Pointer, "minLength", location + "/minLength", ValueTypes.String, Length: (int)minValue) { Branched = site.Branched });
                }

                if (schema.Pattern is { } pattern)
                {
                    state.Mutations.Add(new Mutation(MutationKind.PatternMismatch, site.Pointer, "pattern", location + "/pattern", ValueTypes.String, Name: pattern.Source) { Branched = site.Branched });
                }
            }
        }

        return new PayloadString(text);
    }

    // A string that breaks a planned negation is rewritten; when that fails, fresh candidates (from the first pattern
    // or filler) are rewritten in turn. The last candidate stands otherwise, for the gate to judge.
    private static string AvoidNegatedStrings(SchemaConjunction conjunction, string text, List<(string Pattern, string Location)> patterns, int minLength, int? maxLength, Prng rng)
    {
        if (AvoidNegations(conjunction, text, patterns, rng) is { } rewritten)
        {
            return rewritten;
        }

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var attemptRng = rng.Split(attempt.ToString(CultureInfo.InvariantCulture));
            var fresh = patterns.Count > 0
                ? GenerateFromPattern(patterns, minLength, maxLength, -1, attemptRng)
                : CodePoints.Filler(attemptRng, minLength, Math.Min(maxLength ?? minLength + 12, minLength + 12));
            if (fresh is not null && AvoidNegations(conjunction, fresh, patterns, attemptRng.Split("rewrite")) is { } candidate)
            {
                return candidate;
            }
        }

        return text;
    }

    // Every pattern must match; the generator aims at the first and checks the rest (ECMA-262 semantics).
    private static string? GenerateFromPattern(List<(string Pattern, string Location)> patterns, int minLength, int? maxLength, int target, Prng rng)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var (lo, hi) = target >= 0 && attempt < 2 ? (target, (int?)target) : (minLength, maxLength is { } max ? Math.Min(max, minLength + 64) : minLength + 24);
            var pick = patterns[attempt % patterns.Count].Pattern;
            if (Patterns.PatternGenerator.TryGenerate(pick, rng.Split(attempt.ToString(CultureInfo.InvariantCulture)), lo, hi, out var text)
                && FitsString(text, minLength, maxLength, patterns))
            {
                return text;
            }
        }

        // Several patterns: search their intersection (each pattern generating in turn, rewritten towards the others).
        if (patterns.Count > 1 && PatternIntersection.TryMeet([.. patterns.Select(p => p.Pattern)], minLength, maxLength, rng.Split("intersection")) is { } met
            && FitsString(met, minLength, maxLength, patterns))
        {
            return met;
        }

        return null;
    }

    private static bool FitsString(string text, int minLength, int? maxLength, List<(string Pattern, string Location)> patterns)
    {
        var length = CodePoints.Count(text);
        if (length < minLength || length > maxLength)
        {
            return false;
        }

        foreach (var (pattern, _) in patterns)
        {
            if (!PatternMatches(pattern, text))
            {
                return false;
            }
        }

        return true;
    }

    private PayloadNumber? BuildNumber(SchemaConjunction conjunction, ValueSite site, Prng rng, bool integerOnly, WalkState state)
    {
        var range = NumberRange.Unbounded with { IntegerOnly = integerOnly };
        // Where a failure is reported: kept as (schema, keyword) and written out only for a failure's message.
        (SchemaNode Schema, string Keyword)? at = null;
        foreach (var schema in conjunction.Schemas)
        {
            range = ReadNumberKeywords(schema, range, site, state, ref at);
        }

        var placement = state.Steering?.Placement(conjunction.Schemas) ?? (state.Variant == GenerationVariant.Boundary
            ? (rng.Split("edge").NextBool() ? NumberPlacement.Low : NumberPlacement.High)
            : NumberPlacement.Typical);
        ExactDecimal value;
        var request = new LeafRequest
        {
            PropertyName = site.PropertyName,
            InstancePointer = site.Pointer,
            ParentPointer = site.ParentPointer,
            Numbers = range,
            Direction = _settings.Direction,
            Record = site.Record,
        };
        if (placement == NumberPlacement.Typical && _settings.Leaves.TryNumber(request, rng.Split("leaf"), out var realistic) && range.Contains(realistic))
        {
            value = realistic;
        }
        else if (!NumberPicker.TryPick(range, rng.Split("number"), placement, out value))
        {
            state.Failure ??= new WalkFailure("no number meets the bounds and multipleOf", NumberLocation(at), Unsupported: false);
            return null;
        }

        // ajv divides multipleOf in binary64: prefer a nearby exact multiple whose binary quotient is integral too.
        value = NumberPicker.PreferBinary64Multiple(range, value, placement);
        if (HasNumberNegation(conjunction) && !TryAvoidNumber(conjunction, range, value, rng.Split("not"), placement, out value))
        {
            state.Failure ??= new WalkFailure("no number meets the bounds and avoids the 'not' schema", NumberLocation(at), Unsupported: false, GaveUp: true);
            return null;
        }

        return new PayloadNumber(value);
    }

    // A schema's number keywords parsed once per limit, not once per number of every payload (issue 9: parsing into a
    // BigInteger was a visible share of each number's cost). Same parse, same result.
    private bool TryParseLimit(Json.NumberLimit limit, out ExactDecimal value)
    {
        if (!_parsedLimits.TryGetValue(limit, out var parsed))
        {
            parsed = ExactDecimal.TryParse(limit.Text, out var exact) ? exact : null;
            _parsedLimits.TryAdd(limit, parsed);
        }

        value = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    private static string NumberLocation((SchemaNode Schema, string Keyword)? at) =>
        at is { } where ? SchemaConjunction.Location(where.Schema) + "/" + where.Keyword : "#";

    private NumberRange ReadNumberKeywords(SchemaNode schema, NumberRange range, ValueSite site, WalkState state, ref (SchemaNode Schema, string Keyword)? location)
    {
        var record = state.RecordMutations;
        var at = record ? SchemaConjunction.Location(schema) : string.Empty;
        if (schema.Minimum is { } minimum && TryParseLimit(minimum, out var min))
        {
            range = range.WithMinimum(min, exclusive: false);
            location = (schema, "minimum");
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.BelowMinimum, site.Pointer, "minimum", at + "/minimum", ValueTypes.Number, min) { Branched = site.Branched });
            }
        }

        if (schema.Maximum is { } maximum && TryParseLimit(maximum, out var max))
        {
            range = range.WithMaximum(max, exclusive: false);
            location = (schema, "maximum");
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.AboveMaximum, site.Pointer, "maximum", at + "/maximum", ValueTypes.Number, max) { Branched = site.Branched });
            }
        }

        // Draft 4 and OpenAPI 3.0 boolean exclusives arrive normalized as numeric limits; the keyword name says which.
        if (schema.ExclusiveMinimum is { } exMin && TryParseLimit(exMin, out var exMinValue))
        {
            range = range.WithMinimum(exMinValue, exclusive: true);
            location = (schema, schema.ExclusiveMinimumKeyword);
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.BelowMinimum, site.Pointer, schema.ExclusiveMinimumKeyword, at + "/" + schema.ExclusiveMinimumKeyword, ValueTypes.Number, exMinValue) { Branched = site.Branched });
            }
        }

        if (schema.ExclusiveMaximum is { } exMax && TryParseLimit(exMax, out var exMaxValue))
        {
            range = range.WithMaximum(exMaxValue, exclusive: true);
            location = (schema, schema.ExclusiveMaximumKeyword);
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.AboveMaximum, site.Pointer, schema.ExclusiveMaximumKeyword, at + "/" + schema.ExclusiveMaximumKeyword, ValueTypes.Number, exMaxValue) { Branched = site.Branched });
            }
        }

        if (schema.MultipleOf is { } multipleOf && TryParseLimit(multipleOf, out var step))
        {
            range = range.WithMultipleOf(step);
            location ??= (schema, "multipleOf");
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.NotMultiple, site.Pointer, "multipleOf", at + "/multipleOf", ValueTypes.Number, step) { Branched = site.Branched });
            }
        }

        // OpenAPI's format registry: int32/int64 are integers in range even on "type: number" (the validator
        // asserts both in OpenAPI dialects), float/double are finite in their binary range. Applied in every
        // dialect, where such a value is valid too.
        switch (schema.Format)
        {
            case "int32":
                range = range.WithMinimum(Int32Min, false).WithMaximum(Int32Max, false) with { IntegerOnly = true };
                break;
            case "int64":
                range = range.WithMinimum(Int64Min, false).WithMaximum(Int64Max, false) with { IntegerOnly = true };
                break;
            case "float":
                range = WithinFloatingRange(range, FloatMin, FloatMax);
                break;
            case "double":
                range = WithinFloatingRange(range, DoubleMin, DoubleMax);
                break;
        }

        return range;
    }

    // Only a bound the schema gives is pulled in (an unbounded side stays unbounded, so typical and boundary values
    // stay small): a boundary value is never beyond what the binary format can hold.
    private static NumberRange WithinFloatingRange(NumberRange range, ExactDecimal lowest, ExactDecimal highest)
    {
        if (range.Minimum is { } min)
        {
            // Below the format's range: pull it in; above it: no value fits, and the range becomes empty.
            range = min > highest ? range.WithMaximum(highest, false) : range.WithMinimum(lowest, false);
        }

        if (range.Maximum is { } max)
        {
            range = max < lowest ? range.WithMinimum(lowest, false) : range.WithMaximum(highest, false);
        }

        return range;
    }
}
