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

    private PayloadString? BuildString(SchemaConjunction conjunction, ValueSite site, Prng rng, WalkState state)
    {
        var minLength = 0;
        int? maxLength = null;
        string? lengthLocation = null;
        string? format = null;
        var patterns = new List<(string Pattern, string Location)>();
        JsonElement? hint = null;
        string? hintLocation = null;
        foreach (var schema in conjunction.Schemas)
        {
            if (schema.TryGet("minLength", out var min) && min.TryGetDecimal(out var minValue) && minValue > minLength)
            {
                minLength = (int)Math.Min(minValue, 1_000_000);
                lengthLocation = schema.Location + "/minLength";
            }

            if (schema.TryGet("maxLength", out var max) && max.TryGetDecimal(out var maxValue))
            {
                var capped = (int)Math.Min(maxValue, int.MaxValue);
                maxLength = maxLength is { } current ? Math.Min(current, capped) : capped;
            }

            if (schema.TryGet("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
            {
                patterns.Add((pattern.GetString()!, schema.Location + "/pattern"));
            }

            if (format is null && schema.TryGet("format", out var f) && f.ValueKind == JsonValueKind.String)
            {
                format = f.GetString();
            }

            if (hint is null && schema.TryGet("x-mockgen", out var h))
            {
                hint = h;
                hintLocation = schema.Location + "/x-mockgen";
            }
        }

        if (maxLength is { } upper && minLength > upper)
        {
            state.Failure ??= new WalkFailure("minLength " + minLength.ToString(CultureInfo.InvariantCulture) + " is above maxLength " + upper.ToString(CultureInfo.InvariantCulture), lengthLocation ?? "#", Unsupported: false);
            return null;
        }

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
        };

        var boundary = state.Variant == GenerationVariant.Boundary;
        var target = boundary && patterns.Count == 0 && format is null
            ? (rng.Fork("edge").NextBool() ? minLength : Math.Min(maxLength ?? minLength + 16, Math.Max(minLength, _settings.StringBudget)))
            : -1;

        string? text = null;
        var leafRng = rng.Fork("leaf");
        if (target < 0 && _settings.Leaves.TryString(request, leafRng, out var candidate) && FitsString(candidate, minLength, maxLength, patterns))
        {
            text = candidate;
        }
        else if (target < 0 && format is not null && FallbackLeafSource.Instance.TryString(request, leafRng, out var formatted) && FitsString(formatted, minLength, maxLength, patterns))
        {
            text = formatted;
        }
        else if (patterns.Count > 0)
        {
            // The realism library owns pattern generation; without it, or when it has no opinion, this is unsupported.
            state.UnsupportedPattern ??= patterns[0].Pattern;
            state.UnsupportedLocation ??= patterns[0].Location;
            text = CodePoints.Filler(rng.Fork("filler"), minLength, Math.Min(maxLength ?? minLength + 8, minLength + 8));
        }
        else
        {
            var fillerRng = rng.Fork("filler");
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

        if (state.RecordMutations && !site.Branched)
        {
            foreach (var schema in conjunction.Schemas)
            {
                if (schema.TryGet("maxLength", out var max) && max.TryGetInt32(out var maxValue) && maxValue < 10_000)
                {
                    state.Mutations.Add(new Mutation(MutationKind.TooLong, site.Pointer, "maxLength", schema.Location + "/maxLength", ValueTypes.String, Length: maxValue));
                }

                if (schema.TryGet("minLength", out var min) && min.TryGetInt32(out var minValue) && minValue > 0)
                {
                    state.Mutations.Add(new Mutation(MutationKind.TooShort, site.Pointer, "minLength", schema.Location + "/minLength", ValueTypes.String, Length: minValue));
                }

                if (schema.TryGet("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
                {
                    state.Mutations.Add(new Mutation(MutationKind.PatternMismatch, site.Pointer, "pattern", schema.Location + "/pattern", ValueTypes.String, Name: pattern.GetString()));
                }
            }
        }

        return new PayloadString(text);
    }

    private bool FitsString(string text, int minLength, int? maxLength, List<(string Pattern, string Location)> patterns)
    {
        var length = CodePoints.Count(text);
        return length >= minLength && (maxLength is null || length <= maxLength) && patterns.All(p => PatternMatches(p.Pattern, text));
    }

    private PayloadNumber? BuildNumber(SchemaConjunction conjunction, ValueSite site, Prng rng, bool integerOnly, WalkState state)
    {
        var range = NumberRange.Unbounded with { IntegerOnly = integerOnly };
        string? location = null;
        foreach (var schema in conjunction.Schemas)
        {
            range = ReadNumberKeywords(schema, range, site, state, ref location);
        }

        var placement = state.Variant == GenerationVariant.Boundary
            ? (rng.Fork("edge").NextBool() ? NumberPlacement.Low : NumberPlacement.High)
            : NumberPlacement.Typical;
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
        if (placement == NumberPlacement.Typical && _settings.Leaves.TryNumber(request, rng.Fork("leaf"), out var realistic) && range.Contains(realistic))
        {
            value = realistic;
        }
        else if (!NumberPicker.TryPick(range, rng.Fork("number"), placement, out value))
        {
            state.Failure ??= new WalkFailure("no number meets the bounds and multipleOf", location ?? "#", Unsupported: false);
            return null;
        }

        return new PayloadNumber(value);
    }

    private static NumberRange ReadNumberKeywords(Schemas.SchemaCursor schema, NumberRange range, ValueSite site, WalkState state, ref string? location)
    {
        // Draft 4, OpenAPI 3.0 and Swagger 2.0 use boolean exclusiveMinimum/Maximum that modify minimum/maximum.
        var booleanExclusive = schema.Dialect is Dialect.Draft4 or Dialect.OpenApi30 or Dialect.Swagger20;
        var record = state.RecordMutations && !site.Branched;
        if (schema.TryGet("minimum", out var minimum) && ExactDecimal.TryParse(minimum.GetRawText(), out var min))
        {
            var exclusive = booleanExclusive && schema.TryGet("exclusiveMinimum", out var ex) && ex.ValueKind == JsonValueKind.True;
            range = range.WithMinimum(min, exclusive);
            location = schema.Location + "/minimum";
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.BelowMinimum, site.Pointer, booleanExclusive && exclusive ? "exclusiveMinimum" : "minimum", schema.Location + "/minimum", ValueTypes.Number, min));
            }
        }

        if (schema.TryGet("maximum", out var maximum) && ExactDecimal.TryParse(maximum.GetRawText(), out var max))
        {
            var exclusive = booleanExclusive && schema.TryGet("exclusiveMaximum", out var ex) && ex.ValueKind == JsonValueKind.True;
            range = range.WithMaximum(max, exclusive);
            location = schema.Location + "/maximum";
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.AboveMaximum, site.Pointer, booleanExclusive && exclusive ? "exclusiveMaximum" : "maximum", schema.Location + "/maximum", ValueTypes.Number, max));
            }
        }

        if (!booleanExclusive && schema.TryGet("exclusiveMinimum", out var exMin) && ExactDecimal.TryParse(exMin.GetRawText(), out var exMinValue))
        {
            range = range.WithMinimum(exMinValue, exclusive: true);
            location = schema.Location + "/exclusiveMinimum";
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.BelowMinimum, site.Pointer, "exclusiveMinimum", schema.Location + "/exclusiveMinimum", ValueTypes.Number, exMinValue));
            }
        }

        if (!booleanExclusive && schema.TryGet("exclusiveMaximum", out var exMax) && ExactDecimal.TryParse(exMax.GetRawText(), out var exMaxValue))
        {
            range = range.WithMaximum(exMaxValue, exclusive: true);
            location = schema.Location + "/exclusiveMaximum";
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.AboveMaximum, site.Pointer, "exclusiveMaximum", schema.Location + "/exclusiveMaximum", ValueTypes.Number, exMaxValue));
            }
        }

        if (schema.TryGet("multipleOf", out var multipleOf) && ExactDecimal.TryParse(multipleOf.GetRawText(), out var step))
        {
            range = range.WithMultipleOf(step);
            location ??= schema.Location + "/multipleOf";
            if (record)
            {
                state.Mutations.Add(new Mutation(MutationKind.NotMultiple, site.Pointer, "multipleOf", schema.Location + "/multipleOf", ValueTypes.Number, step));
            }
        }

        if (schema.TryGet("format", out var format) && format.ValueKind == JsonValueKind.String)
        {
            // OpenAPI integer formats bound the value even where the validator treats format as an annotation.
            if (format.ValueEquals("int32"))
            {
                range = range.WithMinimum(Int32Min, false).WithMaximum(Int32Max, false);
            }
            else if (format.ValueEquals("int64"))
            {
                range = range.WithMinimum(Int64Min, false).WithMaximum(Int64Max, false);
            }
        }

        return range;
    }
}
