using System.Collections.Concurrent;
using System.Globalization;
using MockGen.Core.Generation.Leaves;
using MockGen.Core.Generation.Numbers;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Plugs the <see cref="RealismEngine"/> into the walker: translates its <see cref="LeafRequest"/> into a
/// <see cref="ValueContext"/> and exact decimals into <see cref="decimal"/> and back. Thread-safe.
/// </summary>
internal sealed class RealismLeafSource : ILeafValueSource
{
    // Parsed x-mockgen hints by schema location: a contract's hints are parsed once, not per payload.
    private readonly ConcurrentDictionary<string, MockGenHint> _hints = new(StringComparer.Ordinal);

    public RealismLeafSource(RealismEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    public RealismEngine Engine { get; }

    public object? BeginRecord(Prng rng) => Engine.CreateRecord(rng);

    /// <exception cref="RealismConfigurationException">The schema's <c>x-mockgen</c> hint is invalid (named by its location).</exception>
    public bool TryString(LeafRequest request, Prng rng, out string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Engine.TryGenerateString(ToContext(request), rng, out value);
    }

    public bool TryNumber(LeafRequest request, Prng rng, out ExactDecimal value)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = ExactDecimal.Zero;
        var context = ToContext(request);
        // No opinion whatever the bounds: skip converting them (the draws would not have been made either).
        if (!Engine.MayGenerateNumber(request.PropertyName, request.Numbers?.IntegerOnly ?? false))
        {
            return false;
        }

        if (request.Numbers is { } range)
        {
            if (!TryToDecimal(range.Minimum, out var minimum) || !TryToDecimal(range.Maximum, out var maximum) || !TryToDecimal(range.MultipleOf, out var multipleOf))
            {
                // Bounds beyond decimal's range or precision: leave the number to the walker's exact picker.
                return false;
            }

            context = context with
            {
                Minimum = range.MinimumExclusive ? null : minimum,
                ExclusiveMinimum = range.MinimumExclusive ? minimum : null,
                Maximum = range.MaximumExclusive ? null : maximum,
                ExclusiveMaximum = range.MaximumExclusive ? maximum : null,
                MultipleOf = multipleOf,
                IsInteger = range.IntegerOnly,
            };
        }

        if (!Engine.TryGenerateNumber(context, rng, out var number))
        {
            return false;
        }

        return ExactDecimal.TryParse(number.ToString(CultureInfo.InvariantCulture), out value);
    }

    private ValueContext ToContext(LeafRequest request) => new()
    {
        PropertyName = request.PropertyName,
        InstancePointer = request.InstancePointer,
        ParentPointer = request.ParentPointer,
        Format = request.Format,
        Pattern = request.Pattern,
        MinLength = request.MinLength,
        MaxLength = request.MaxLength,
        Hint = request.Hint is { } hint ? _hints.GetOrAdd(request.HintLocation ?? request.InstancePointer, _ => MockGenHint.Parse(hint, request.HintLocation ?? request.InstancePointer)) : null,
        Direction = request.Direction,
        Record = request.Record as RecordContext,
    };

    // Bounds as decimals by exact value: a schema has a few, and each was formatted and parsed twice per number.
    private const int ConversionCacheLimit = 4096;
    private static readonly ConcurrentDictionary<ExactDecimal, (bool Ok, decimal? Value)> s_conversions = new();

    private static bool TryToDecimal(ExactDecimal? exact, out decimal? value)
    {
        value = null;
        if (exact is not { } present)
        {
            return true;
        }

        if (s_conversions.TryGetValue(present, out var known))
        {
            value = known.Value;
            return known.Ok;
        }

        var ok = Convert(present, out value);
        if (s_conversions.Count < ConversionCacheLimit)
        {
            s_conversions.TryAdd(present, (ok, value));
        }

        return ok;
    }

    private static bool Convert(ExactDecimal present, out decimal? value)
    {
        value = null;

        if (decimal.TryParse(present.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && ExactDecimal.TryParse(parsed.ToString(CultureInfo.InvariantCulture), out var back) && back == present)
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
