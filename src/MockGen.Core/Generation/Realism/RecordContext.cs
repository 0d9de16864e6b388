using MockGen.Core.Generation.Formats;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Generation.Realism;

/// <summary>
/// The facts one generated object shares across its properties: the person behind a name and an email, the
/// currency behind an amount, the lifecycle behind <c>createdAt</c> and <c>updatedAt</c>, the interval behind
/// <c>start</c> and <c>end</c>. Each fact is drawn on first use from its own fork of the record's stream, so it
/// does not depend on the order properties are generated in. Not thread-safe: one record per object instance.
/// </summary>
internal sealed class RecordContext
{
    private readonly Prng _rng;
    private readonly string _locale;
    private readonly DateTimeOffset _windowStart;
    private readonly DateTimeOffset _windowEnd;
    private (string First, string Last)? _person;
    private Currency? _currency;
    private Country? _country;
    private string? _company;
    private DateTimeOffset[]? _lifecycle;
    private (DateTimeOffset Start, DateTimeOffset End)? _interval;

    internal RecordContext(Prng rng, string locale, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        _rng = rng;
        _locale = locale;
        _windowStart = windowStart;
        _windowEnd = windowEnd;
    }

    /// <summary>The record's person: first and last name in the run's locale.</summary>
    public (string First, string Last) Person
    {
        get
        {
            if (_person is null)
            {
                // Bogus's names drawn from the same stream without its lock (see LocaleData); Bogus itself for gendered lists.
                var rng = _rng.Fork("person");
                var data = LocaleData.For(_locale);
                var first = data.FirstName(rng) ?? BogusFaker.For(_locale, rng).Name.FirstName();
                var last = data.LastName(rng) ?? BogusFaker.For(_locale, rng).Name.LastName();
                _person = (first, last);
            }

            return _person.Value;
        }
    }

    /// <summary>The record's company name.</summary>
    public string Company => _company ??= BogusFaker.For(_locale, _rng.Fork("company")).Company.CompanyName();

    /// <summary>The record's currency, shared by every amount in it.</summary>
    public Currency Currency => _currency ??= CurrencyTable.Pick(_rng.Fork("currency"), _locale);

    /// <summary>The record's country, shared by country names, codes and IBANs.</summary>
    public Country Country => _country ??= CountryTable.Pick(_rng.Fork("country"), _locale);

    /// <summary>An instant of the record's lifecycle: created &lt;= processed &lt;= finished &lt;= updated.</summary>
    public DateTimeOffset Lifecycle(LifecycleStage stage)
    {
        if (_lifecycle is null)
        {
            var rng = _rng.Fork("lifecycle");
            var span = (_windowEnd - _windowStart).TotalSeconds;

            // Creation in the first 80% of the window; each later stage a random share of what remains.
            var created = _windowStart.AddSeconds(Math.Floor(rng.NextDouble() * span * 0.8));
            var processed = created.AddSeconds(Math.Floor(rng.NextDouble() * Math.Min(3 * 86_400, (_windowEnd - created).TotalSeconds)));
            var finished = processed.AddSeconds(Math.Floor(rng.NextDouble() * Math.Min(30 * 86_400, (_windowEnd - processed).TotalSeconds)));
            var updated = finished.AddSeconds(Math.Floor(rng.NextDouble() * Math.Min(60 * 86_400, (_windowEnd - finished).TotalSeconds)));
            _lifecycle = [created, processed, finished, updated];
        }

        return _lifecycle[(int)stage];
    }

    /// <summary>The record's interval: start before end, within the window.</summary>
    public DateTimeOffset Interval(bool end)
    {
        if (_interval is null)
        {
            var rng = _rng.Fork("interval");
            var start = FormatGenerator.Instant(rng, _windowStart, _windowEnd.AddDays(-1) > _windowStart ? _windowEnd.AddDays(-1) : _windowStart);
            var length = Math.Floor(rng.NextDouble() * Math.Min(90 * 86_400, (_windowEnd - start).TotalSeconds));
            _interval = (start, start.AddSeconds(Math.Max(length, Math.Min(3600, (_windowEnd - start).TotalSeconds))));
        }

        return end ? _interval.Value.End : _interval.Value.Start;
    }
}
