using MockGen.Core.Generation.Random;
using static MockGen.Core.Generation.Realism.PropertyNames;

namespace MockGen.Core.Generation.Realism;

internal sealed partial class RealismEngine
{
    private static readonly string[] s_moneyNames =
    [
        "amount", "price", "total", "subtotal", "balance", "cost", "fee", "fees", "tax", "vat", "discount", "salary", "budget",
        "revenue", "unitprice", "grandtotal", "netamount", "grossamount", "amountdue", "paidamount", "refundamount",
        "totalamount", "totalprice", "shipping", "shippingcost", "creditlimit", "income", "payment", "deposit", "tip",
    ];

    private static readonly decimal[] s_pageSizes = [10, 20, 25, 50, 100];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string PropertyName, bool IsInteger), bool> _numberOpinions = new();

    /// <summary>
    /// A realistic number for <paramref name="context"/> by property name (money in the record's currency with its
    /// minor-unit decimals, ages, quantities, coordinates, ratings, years ...), within the context's bounds and
    /// <c>multipleOf</c>. False means "no opinion".
    /// </summary>
    public bool TryGenerateNumber(ValueContext context, Prng rng, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rng);
        value = 0;
        if (!_useRealism)
        {
            return false;
        }

        var name = Normalize(context.PropertyName);
        if (name.Length == 0)
        {
            return false;
        }

        rng = rng.Fork("realism");
        var record = context.Record ?? CreateRecord(rng.Fork("record"));

        if (IsMoneyName(name) || EndsWithAny(name, "amount", "price", "cents", "total"))
        {
            var currency = record.Currency;
            // An integer amount is in minor units (cents), as payment APIs send it; a number carries the decimals.
            var minorUnits = ContainsAny(name, "cents", "minor") || context.IsInteger;
            var major = MoneyValue(rng, name, currency);
            if (minorUnits)
            {
                return Within(context, rng, major * Pow10(currency.MinorUnits), 0, out value);
            }

            return Within(context, rng, major, context.IsInteger ? 0 : currency.MinorUnits, out value);
        }

        if (Natural(name, context.IsInteger) is { } range)
        {
            var drawn = Draw(rng, range.Low, range.High, range.LogScale);
            return Within(context, rng, drawn, range.Decimals, out value, range.Low, range.High);
        }

        if (IsAny(name, "pagesize", "perpage", "limit", "size") && !context.Minimum.HasValue)
        {
            return Within(context, rng, rng.Pick(s_pageSizes), 0, out value);
        }

        if (context.IsInteger && LooksTemporal(name, context.PropertyName))
        {
            // Unix epoch seconds (milliseconds when the name says so) from the same lifecycle as the strings.
            var instant = TemporalInstant(name, record, rng);
            var epoch = EndsWithAny(name, "ms", "millis", "milliseconds") ? instant.ToUnixTimeMilliseconds() : instant.ToUnixTimeSeconds();
            return Within(context, rng, epoch, 0, out value);
        }

        return false;
    }

    /// <summary>
    /// False when <see cref="TryGenerateNumber"/> has no opinion on a number of this name whatever its bounds, so a
    /// caller can skip preparing the bounds (issue 9: converting them per number was most of a number's cost).
    /// True means it may have one. Decided once per (name, integer).
    /// </summary>
    public bool MayGenerateNumber(string? propertyName, bool isInteger)
    {
        if (!_useRealism || propertyName is null)
        {
            return false;
        }

        var key = (propertyName, isInteger);
        if (_numberOpinions.TryGetValue(key, out var known))
        {
            return known;
        }

        var name = Normalize(propertyName);
        var may = name.Length > 0
            && (IsMoneyName(name) || EndsWithAny(name, "amount", "price", "cents", "total") || Natural(name, isInteger) is not null
                || IsAny(name, "pagesize", "perpage", "limit", "size") || (isInteger && LooksTemporal(name, propertyName)));
        if (_numberOpinions.Count < RuleCacheLimit)
        {
            _numberOpinions.TryAdd(key, may);
        }

        return may;
    }

    // The natural range of a number by its name, or null.
    private (decimal Low, decimal High, int Decimals, bool LogScale)? Natural(string name, bool isInteger) => name switch
        {
            "age" => (18, 90, 0, false),
            "quantity" or "qty" or "units" or "itemcount" or "numberofitems" => (1, 20, 0, true),
            "count" or "total_count" or "totalcount" => (0, 500, 0, true),
            "year" => (_windowStart.Year, _windowEnd.Year, 0, false),
            "month" => (1, 12, 0, false),
            "day" or "dayofmonth" => (1, 28, 0, false),
            "hour" => (0, 23, 0, false),
            "minute" => (0, 59, 0, false),
            "rating" or "stars" => (1, 5, isInteger ? 0 : 1, false),
            "percentage" or "percent" or "pct" or "progress" => (0, 100, 2, false),
            "latitude" or "lat" => (-90, 90, 6, false),
            "longitude" or "lng" or "lon" or "long" => (-180, 180, 6, false),
            "port" => (1024, 65535, 0, false),
            "page" or "pagenumber" => (1, 50, 0, true),
            "score" => (0, 100, isInteger ? 0 : 1, false),
            "weight" or "weightkg" => (0.1m, 50, 2, true),
            "height" or "heightcm" => (150, 200, 0, false),
            "duration" or "durationseconds" or "seconds" => (1, 7200, 0, true),
            "interestrate" or "taxrate" or "vatrate" => (0, 25, 2, false),
            _ => null,
        };

    private static bool IsMoneyName(string name) => IsAny(name, s_moneyNames);

    // A plausible major-unit amount for the kind of money the name suggests, log-uniform so small amounts dominate.
    private static decimal MoneyValue(Prng rng, string name, Currency currency)
    {
        var (low, high) = name switch
        {
            _ when ContainsAny(name, "salary", "income") => (20_000m, 150_000m),
            _ when ContainsAny(name, "fee", "tax", "vat", "tip", "shipping", "discount") => (0.5m, 200m),
            _ when ContainsAny(name, "balance", "budget", "revenue", "limit", "deposit") => (100m, 100_000m),
            _ => (1m, 5_000m),
        };

        // Currencies with many units per dollar (JPY, KRW, VND ...) have larger face values.
        if (currency.MinorUnits == 0)
        {
            (low, high) = (low * 100, high * 100);
        }

        return Math.Round(Draw(rng, low, high, logScale: true), currency.MinorUnits, MidpointRounding.ToEven);
    }

    private static decimal Draw(Prng rng, decimal low, decimal high, bool logScale)
    {
        if (high <= low)
        {
            return low;
        }

        if (logScale && low > 0)
        {
            var logLow = Math.Log((double)low);
            var logHigh = Math.Log((double)high);
            return (decimal)Math.Exp(logLow + (rng.NextDouble() * (logHigh - logLow)));
        }

        return low + ((decimal)rng.NextDouble() * (high - low));
    }

    // Snaps `preferred` onto the grid (multipleOf, else 10^-decimals) inside the schema bounds (and the natural range,
    // when given). When the preferred value is outside, a uniform grid point inside is drawn instead.
    private static bool Within(ValueContext context, Prng rng, decimal preferred, int decimals, out decimal value, decimal? naturalLow = null, decimal? naturalHigh = null)
    {
        value = 0;
        decimal step;
        if (context.MultipleOf is { } multipleOf)
        {
            if (multipleOf <= 0 || (context.IsInteger && decimal.Truncate(multipleOf) != multipleOf))
            {
                return false;
            }

            step = multipleOf;
        }
        else
        {
            step = context.IsInteger ? 1 : 1m / Pow10(decimals);
        }

        var low = Max(context.Minimum, context.ExclusiveMinimum);
        var high = Min(context.Maximum, context.ExclusiveMaximum);
        try
        {
            var kLow = low is { } l ? decimal.Ceiling(l / step) : decimal.MinValue;
            var kHigh = high is { } h ? decimal.Floor(h / step) : decimal.MaxValue;
            if (context.ExclusiveMinimum is { } exMin && kLow != decimal.MinValue && kLow * step <= exMin)
            {
                kLow++;
            }

            if (context.ExclusiveMaximum is { } exMax && kHigh != decimal.MaxValue && kHigh * step >= exMax)
            {
                kHigh--;
            }

            if (kLow > kHigh)
            {
                return false;
            }

            var k = decimal.Round(preferred / step, 0, MidpointRounding.ToEven);
            if (k < kLow || k > kHigh)
            {
                // Out of the schema's range: draw inside the overlap of the natural and schema ranges, else inside the schema's.
                var from = kLow;
                var to = kHigh;
                if (naturalLow is { } nl && naturalHigh is { } nh)
                {
                    var nLow = decimal.Ceiling(nl / step);
                    var nHigh = decimal.Floor(nh / step);
                    if (Math.Max(nLow, kLow) <= Math.Min(nHigh, kHigh))
                    {
                        (from, to) = (Math.Max(nLow, kLow), Math.Min(nHigh, kHigh));
                    }
                }

                if (from == decimal.MinValue || to == decimal.MaxValue)
                {
                    k = from == decimal.MinValue ? to : from;
                }
                else
                {
                    var span = to - from;
                    k = span > long.MaxValue ? from : from + rng.NextInt64(0, (long)span);
                }
            }

            value = k * step;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
