using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;
using MockGen.Core.Generation.Strings;
using MockGen.Core.Generation.Values;

namespace MockGen.Core.Generation.Walking;

/// <summary>
/// Turns a valid payload into candidates that break one recorded constraint. Candidates are proposals:
/// the gate keeps one only when the validator reports exactly the labelled failure and nothing else.
/// </summary>
internal static class NegativeMutator
{
    private static readonly string[] PatternBreakers = ["", "!", "~~~~", "0", "ZZZZ-ZZZZ", " ", "a b", "ÿ"];

    /// <summary>Candidate payloads breaking <paramref name="mutation"/> (each a fresh copy of <paramref name="valid"/>).</summary>
    public static IEnumerable<PayloadValue> Candidates(PayloadValue valid, Mutation mutation, Prng rng)
    {
        var current = PayloadPointer.Find(valid, mutation.InstancePointer);
        if (current is null)
        {
            yield break;
        }

        foreach (var replacement in Replacements(current, mutation, rng))
        {
            var copy = valid.Clone();
            if (PayloadPointer.Replace(copy, mutation.InstancePointer, replacement) is { } mutated)
            {
                yield return mutated;
            }
        }
    }

    private static IEnumerable<PayloadValue> Replacements(PayloadValue current, Mutation mutation, Prng rng)
    {
        switch (mutation.Kind)
        {
            case MutationKind.WrongType:
                foreach (var wrong in WrongTypes(mutation.AllowedTypes))
                {
                    yield return wrong;
                }

                break;
            case MutationKind.AboveMaximum when mutation.Number is { } max:
                if (mutation.Keyword == "exclusiveMaximum")
                {
                    yield return new PayloadNumber(max);
                }

                foreach (var delta in Deltas(current))
                {
                    yield return new PayloadNumber(max + delta);
                }

                break;
            case MutationKind.BelowMinimum when mutation.Number is { } min:
                if (mutation.Keyword == "exclusiveMinimum")
                {
                    yield return new PayloadNumber(min);
                }

                foreach (var delta in Deltas(current))
                {
                    yield return new PayloadNumber(min - delta);
                }

                break;
            case MutationKind.NotMultiple when mutation.Number is { } step && current is PayloadNumber { Value: { } value }:
                var half = step * new ExactDecimal(5, 1);
                yield return new PayloadNumber(value + half);
                yield return new PayloadNumber(value - half);
                break;
            case MutationKind.TooLong when current is PayloadString s:
                var longer = CodePoints.Truncate(s.Value, mutation.Length);
                yield return new PayloadString(longer + new string(LastLetter(longer), mutation.Length + 1 - CodePoints.Count(longer)));
                yield return new PayloadString(CodePoints.PadTo(longer, mutation.Length + 1, rng));
                break;
            case MutationKind.TooShort when current is PayloadString s:
                yield return new PayloadString(CodePoints.Truncate(s.Value, mutation.Length - 1));
                break;
            case MutationKind.PatternMismatch:
                foreach (var breaker in PatternBreakers)
                {
                    yield return new PayloadString(breaker);
                }

                break;
            case MutationKind.NotInEnum:
                foreach (var outsider in Outsiders(current))
                {
                    yield return outsider;
                }

                break;
            case MutationKind.MissingRequired when current is PayloadObject o && mutation.Name is { } name:
                var without = (PayloadObject)o.Clone();
                without.Remove(name);
                yield return without;
                break;
            case MutationKind.ExtraProperty when current is PayloadObject o:
                var extra = (PayloadObject)o.Clone();
                extra.Set("unexpectedProperty", new PayloadString("unexpected"));
                yield return extra;
                break;
            case MutationKind.TooManyProperties when current is PayloadObject o:
                var more = (PayloadObject)o.Clone();
                for (var i = 0; more.Members.Count <= mutation.Length; i++)
                {
                    more.Set("extra" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), new PayloadString("x"));
                }

                yield return more;
                break;
            case MutationKind.TooManyItems when current is PayloadArray a && a.Items.Count > 0:
                var grown = (PayloadArray)a.Clone();
                while (grown.Items.Count <= mutation.Length)
                {
                    grown.Items.Add(a.Items[grown.Items.Count % a.Items.Count].Clone());
                }

                yield return grown;
                break;
            case MutationKind.TooFewItems when current is PayloadArray a:
                var shrunk = (PayloadArray)a.Clone();
                shrunk.Items.RemoveRange(Math.Max(0, mutation.Length - 1), shrunk.Items.Count - Math.Max(0, mutation.Length - 1));
                yield return shrunk;
                break;
            case MutationKind.DuplicateItem when current is PayloadArray a && a.Items.Count > 0:
                var duplicated = (PayloadArray)a.Clone();
                if (duplicated.Items.Count >= 2)
                {
                    duplicated.Items[^1] = duplicated.Items[0].Clone();
                    yield return duplicated;
                }

                var appended = (PayloadArray)a.Clone();
                appended.Items.Add(a.Items[0].Clone());
                yield return appended;
                break;
            case MutationKind.BreakChoice:
                // Probes, not constructions: the gate keeps one only when the choice is the sole failure.
                foreach (var probe in ChoiceProbes(current))
                {
                    yield return probe;
                }

                break;
        }
    }

    private static IEnumerable<PayloadValue> ChoiceProbes(PayloadValue current)
    {
        switch (current)
        {
            case PayloadString s:
                yield return new PayloadString(string.Empty);
                yield return new PayloadString(CodePoints.Truncate(s.Value, 1));
                yield return new PayloadString(CodePoints.Truncate(s.Value, 3));
                yield return new PayloadString(s.Value + "x");
                break;
            case PayloadNumber:
                yield return new PayloadNumber(ExactDecimal.Zero);
                yield return new PayloadNumber(ExactDecimal.One);
                yield return new PayloadNumber(ExactDecimal.Zero - ExactDecimal.One);
                break;
        }

        foreach (var other in WrongTypes(ValueTypes.None))
        {
            yield return other;
        }
    }

    private static IEnumerable<ExactDecimal> Deltas(PayloadValue current)
    {
        yield return ExactDecimal.One;
        yield return new ExactDecimal(1, 2);
        if (current is PayloadNumber { Value: { } value })
        {
            yield return value.IsInteger ? new ExactDecimal(10, 0) : value;
        }
    }

    private static char LastLetter(string text) => text.Length > 0 && char.IsAsciiLetterOrDigit(text[^1]) ? text[^1] : 'a';

    private static IEnumerable<PayloadValue> WrongTypes(ValueTypes allowed)
    {
        if ((allowed & ValueTypes.String) == 0)
        {
            yield return new PayloadString("wrong-type");
        }

        if ((allowed & ValueTypes.Integer) == 0)
        {
            yield return new PayloadNumber("42");
        }
        else if ((allowed & ValueTypes.Number) != ValueTypes.Number)
        {
            yield return new PayloadNumber("4.5");
        }

        if ((allowed & ValueTypes.Boolean) == 0)
        {
            yield return PayloadBoolean.True;
        }

        if ((allowed & ValueTypes.Null) == 0)
        {
            yield return PayloadNull.Instance;
        }

        if ((allowed & ValueTypes.Object) == 0)
        {
            yield return new PayloadObject([]);
        }

        if ((allowed & ValueTypes.Array) == 0)
        {
            yield return new PayloadArray([]);
        }
    }

    private static IEnumerable<PayloadValue> Outsiders(PayloadValue current)
    {
        switch (current)
        {
            case PayloadString s:
                yield return new PayloadString(s.Value + "-not-listed");
                yield return new PayloadString("not-listed");
                break;
            case PayloadNumber n:
                yield return new PayloadNumber(n.Value is { } v ? v + ExactDecimal.One : ExactDecimal.FromInteger(987654321));
                yield return new PayloadNumber(ExactDecimal.FromInteger(987654321));
                break;
            case PayloadBoolean b:
                yield return PayloadBoolean.Of(!b.Value);
                break;
            default:
                yield return new PayloadString("not-listed");
                break;
        }
    }
}
