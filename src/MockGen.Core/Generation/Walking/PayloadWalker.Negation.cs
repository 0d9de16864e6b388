using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Strings;
using MockGen.Core.Generation.Values;
using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <content>
/// <c>not</c> planned instead of tested (issue 9): the common negated forms become constraints the builders meet
/// while building (characters outside a pattern, members left out, literals and multiples avoided, names outside
/// <c>propertyNames</c>). The whole <c>not</c> schema is still checked on the finished value, so richer forms keep
/// working by generate-and-test.
/// </content>
internal sealed partial class PayloadWalker
{
    // Replacement characters for strings that must avoid a pattern: ASCII first, so values stay readable.
    private const string AvoidanceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~ +:@ÀÉÎÕÜàéîõü";

    // Names tried for a property that must fall outside a propertyNames schema: shapes common name rules reject.
    private static readonly string[] OutlierNames = ["X-Extra", "extra_1", "Extra", "x", "_", "0", "extra-name", "extra name", "extra_property_name_beyond_the_usual_length"];

    // Strings up to this length are rewritten with a whole-string check per position.
    private const int ThoroughRewriteLength = 256;

    private static readonly ExactDecimal Half = new(5, 1);
    private static readonly ExactDecimal Quarter = new(25, 2);

    private static void PlanNegation(SchemaNode not, SchemaConjunction conjunction)
    {
        if (not.Element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // not {pattern} (optionally with type string): a string must not match it; other types pass by themselves.
        if (not.Pattern is { } pattern && IsOnlyKeywords(not, "pattern", "type") && (not.Types == SchemaTypes.None || not.Types == SchemaTypes.String))
        {
            conjunction.NotPatterns.Add(pattern.Source);
        }
        else if (not.Required.Count > 0 && IsOnlyKeywords(not, "required", "type"))
        {
            // Fails exactly when a member is missing: leave out every one nothing else requires.
            conjunction.Omit(not.Required);
        }
        else if (not.AnyOf.Count > 0 && IsOnlyKeywords(not, "anyOf", "type") && not.AnyOf.All(b => b.Required.Count > 0 && IsOnlyKeywords(b, "required")))
        {
            // Mutual exclusion ("none of these members"): every branch fails once its members are all left out.
            foreach (var branch in not.AnyOf)
            {
                conjunction.Omit(branch.Required);
            }
        }
        else if ((not.Const is not null || not.Enum is not null) && IsOnlyKeywords(not, "const", "enum"))
        {
            if (not.Const is { } constant)
            {
                conjunction.NotLiterals.Add(PayloadValue.FromElement(constant));
            }

            foreach (var member in not.Enum ?? [])
            {
                conjunction.NotLiterals.Add(PayloadValue.FromElement(member));
            }
        }
        else if (not.MultipleOf is { } step && IsOnlyKeywords(not, "multipleOf") && ExactDecimal.TryParse(step.Text, out var exact) && !exact.IsZero)
        {
            conjunction.NotMultiples.Add(exact);
        }
        else if (not.Types == SchemaTypes.Integer && IsOnlyKeyword(not, "type"))
        {
            conjunction.NotInteger = true;
        }
        else if (not.PropertyNames is { } names && IsOnlyKeywords(not, "propertyNames", "type") && (not.Types == SchemaTypes.None || not.Types == SchemaTypes.Object))
        {
            conjunction.NotPropertyNames.Add(names);
        }
    }

    // Types every value of which is excluded by the not-literals: null, and boolean when both values are.
    private static ValueTypes TypesExcludedByLiterals(SchemaConjunction conjunction)
    {
        var excluded = ValueTypes.None;
        if (conjunction.NotLiterals.Any(l => l is PayloadNull))
        {
            excluded |= ValueTypes.Null;
        }

        if (conjunction.NotLiterals.Contains(PayloadBoolean.Of(true)) && conjunction.NotLiterals.Contains(PayloadBoolean.Of(false)))
        {
            excluded |= ValueTypes.Boolean;
        }

        return excluded;
    }

    private static PayloadBoolean BuildBoolean(SchemaConjunction conjunction, Prng rng)
    {
        var flip = rng.NextBool();
        return conjunction.NotLiterals.Contains(PayloadBoolean.Of(flip)) ? PayloadBoolean.Of(!flip) : PayloadBoolean.Of(flip);
    }

    private static bool HasStringNegation(SchemaConjunction conjunction) =>
        conjunction.NotPatterns.Count > 0 || conjunction.NotLiterals.Any(l => l is PayloadString);

    // Whether a string breaks a planned negation: it matches a not-pattern or equals a not-literal.
    private static bool ViolatesStringNegation(SchemaConjunction conjunction, string text)
    {
        foreach (var pattern in conjunction.NotPatterns)
        {
            if (PatternMatches(pattern, text))
            {
                return true;
            }
        }

        foreach (var literal in conjunction.NotLiterals)
        {
            if (literal is PayloadString s && string.Equals(s.Value, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A character that alone matches a not-pattern: with unanchored patterns (the usual "must not contain" form) any
    // string holding it matches too, so it is replaced.
    private static bool IsAvoidedCharacter(SchemaConjunction conjunction, string character)
    {
        foreach (var pattern in conjunction.NotPatterns)
        {
            if (PatternMatches(pattern, character))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rewrites <paramref name="text"/> position by position so it avoids the planned negations while every positive
    /// pattern still matches (length is kept, so the length bounds hold); null when no rewrite is found.
    /// </summary>
    private static string? AvoidNegations(SchemaConjunction conjunction, string text, List<(string Pattern, string Location)> patterns, Prng rng)
    {
        if (!ViolatesStringNegation(conjunction, text))
        {
            return text;
        }

        var buffer = new StringBuilder(text);
        var offset = rng.NextInt(0, AvoidanceAlphabet.Length - 1);
        // Whole-string checks per position are quadratic: long strings only get their avoided characters replaced,
        // and are checked once at the end.
        var thorough = buffer.Length <= ThoroughRewriteLength;
        for (var i = 0; i < buffer.Length; i++)
        {
            if (char.IsSurrogate(buffer[i]))
            {
                continue;
            }

            var current = buffer[i].ToString();
            if (!IsAvoidedCharacter(conjunction, current) && (!thorough || !ViolatesStringNegation(conjunction, buffer.ToString())))
            {
                continue;
            }

            var original = buffer[i];
            var replaced = false;
            for (var k = 0; k < AvoidanceAlphabet.Length && !replaced; k++)
            {
                var candidate = AvoidanceAlphabet[(offset + k) % AvoidanceAlphabet.Length];
                if (candidate == original || IsAvoidedCharacter(conjunction, candidate.ToString()))
                {
                    continue;
                }

                buffer[i] = candidate;
                replaced = !thorough || patterns.All(p => PatternMatches(p.Pattern, buffer.ToString()));
            }

            if (!replaced)
            {
                buffer[i] = original;
            }
        }

        var result = buffer.ToString();
        return ViolatesStringNegation(conjunction, result) || (!thorough && !patterns.All(p => PatternMatches(p.Pattern, result))) ? null : result;
    }

    private static bool HasNumberNegation(SchemaConjunction conjunction) =>
        conjunction.NotInteger || conjunction.NotMultiples.Count > 0 || conjunction.NotLiterals.Any(l => l is PayloadNumber);

    private static bool ViolatesNumberNegation(SchemaConjunction conjunction, ExactDecimal value)
    {
        if (conjunction.NotInteger && value.IsInteger)
        {
            return true;
        }

        foreach (var step in conjunction.NotMultiples)
        {
            if (IsMultiple(value, step))
            {
                return true;
            }
        }

        foreach (var literal in conjunction.NotLiterals)
        {
            if (literal is PayloadNumber n && n.Value.Equals(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMultiple(ExactDecimal value, ExactDecimal step)
    {
        var scale = Math.Max(0, Math.Max(value.Scale, step.Scale));
        return System.Numerics.BigInteger.Remainder(value.AtScale(scale), step.AtScale(scale)).IsZero;
    }

    /// <summary>
    /// A number in <paramref name="range"/> that avoids the planned negations: fresh picks first, then the values
    /// next to the first pick (one range step, or a half or quarter when fractions are allowed); false when none is found.
    /// </summary>
    private static bool TryAvoidNumber(SchemaConjunction conjunction, NumberRange range, ExactDecimal first, Prng rng, NumberPlacement placement, out ExactDecimal value)
    {
        value = first;
        if (!ViolatesNumberNegation(conjunction, value))
        {
            return true;
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (NumberPicker.TryPick(range, rng.Split("not/" + attempt.ToString(CultureInfo.InvariantCulture)), placement, out value)
                && !ViolatesNumberNegation(conjunction, value))
            {
                return true;
            }
        }

        ExactDecimal[] steps = range.MultipleOf is { } multiple ? [multiple]
            : range.IntegerOnly ? [ExactDecimal.One]
            : [Half, Quarter, ExactDecimal.One];
        foreach (var step in steps)
        {
            var up = first;
            var down = first;
            for (var k = 0; k < 64; k++)
            {
                up += step;
                down -= step;
                foreach (var candidate in (ExactDecimal[])[up, down])
                {
                    if (range.Contains(candidate) && !ViolatesNumberNegation(conjunction, candidate))
                    {
                        value = candidate;
                        return true;
                    }
                }
            }
        }

        value = first;
        return false;
    }

    /// <summary>
    /// Adds, for every <c>not: {propertyNames}</c> the planned names all satisfy, one name it rejects: a declared
    /// optional property first, then names from the object's own sources and outlier shapes the object allows.
    /// </summary>
    private void PlanNamesOutsidePropertyNames(SchemaConjunction conjunction, ObjectShape shape, ValueSite site, Prng pick, List<string> names, WalkState state)
    {
        if (conjunction.NotPropertyNames.Count == 0 || _settings.Matches is not { } matches)
        {
            return;
        }

        foreach (var rule in conjunction.NotPropertyNames)
        {
            bool Rejected(string name) => !matches(rule, new PayloadString(name));
            if (names.Any(Rejected))
            {
                continue;
            }

            bool Usable(string name) => !names.Contains(name, StringComparer.Ordinal) && ForbiddenProperty(conjunction, name) is null
                && Unbuildable(conjunction, name) is null && !ExcludedByDirection(conjunction, name);

            var found = shape.Declared.FirstOrDefault(n => Usable(n) && Rejected(n));
            for (var attempt = 0; found is null && attempt < 16; attempt++)
            {
                if (ExtraName(conjunction, shape, site, pick.Split("not-names"), attempt + 64, state) is { } extra && Usable(extra) && Rejected(extra))
                {
                    found = extra;
                }
            }

            found ??= OutlierNames.FirstOrDefault(n => Usable(n) && Rejected(n));
            if (found is not null)
            {
                names.Add(found);
            }
        }
    }
}
