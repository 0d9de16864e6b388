namespace MockGen.Core.Generation.Realism;

/// <summary>
/// ISO 4217 active currencies with their minor units (ISO 4217 list one, 2024 edition). A table rather than
/// <c>RegionInfo</c> because invariant globalization has no region data and the answer must not depend on ICU.
/// </summary>
internal static class CurrencyTable
{
    // The most traded currencies come first: realistic data is mostly these.
    public static IReadOnlyList<Currency> Common { get; } =
    [
        new("USD", 2), new("EUR", 2), new("GBP", 2), new("JPY", 0), new("CHF", 2), new("CAD", 2), new("AUD", 2),
        new("SEK", 2), new("NOK", 2), new("DKK", 2), new("PLN", 2), new("CZK", 2), new("CNY", 2), new("INR", 2),
        new("BRL", 2), new("MXN", 2), new("SGD", 2), new("HKD", 2), new("NZD", 2), new("ZAR", 2), new("KRW", 0),
        new("BHD", 3), new("KWD", 3), new("JOD", 3), new("OMR", 3), new("TND", 3), new("HUF", 2), new("TRY", 2),
        new("AED", 2), new("SAR", 2), new("ILS", 2), new("THB", 2), new("IDR", 2), new("CLP", 0), new("ISK", 0),
        new("VND", 0), new("UGX", 0), new("XOF", 0), new("XAF", 0), new("PYG", 0), new("RON", 2), new("BGN", 2),
        new("UAH", 2), new("EGP", 2), new("NGN", 2), new("KES", 2), new("MAD", 2), new("PHP", 2), new("MYR", 2),
        new("TWD", 2), new("ARS", 2), new("COP", 2), new("PEN", 2), new("LYD", 3), new("IQD", 3),
    ];

    private static readonly Dictionary<string, Currency> s_byCode = Common.ToDictionary(c => c.Code, StringComparer.Ordinal);

    // Locale (Bogus name) to its home currency, so a German dataset is mostly in EUR.
    private static readonly Dictionary<string, string> s_localeCurrency = new(StringComparer.Ordinal)
    {
        ["en"] = "USD", ["en_US"] = "USD", ["en_GB"] = "GBP", ["en_AU"] = "AUD", ["en_CA"] = "CAD", ["en_IE"] = "EUR",
        ["en_IND"] = "INR", ["en_ZA"] = "ZAR", ["de"] = "EUR", ["de_AT"] = "EUR", ["de_CH"] = "CHF", ["fr"] = "EUR",
        ["fr_CA"] = "CAD", ["fr_CH"] = "CHF", ["es"] = "EUR", ["es_MX"] = "MXN", ["it"] = "EUR", ["nl"] = "EUR",
        ["nl_BE"] = "EUR", ["pl"] = "PLN", ["pt_BR"] = "BRL", ["pt_PT"] = "EUR", ["sv"] = "SEK", ["nb_NO"] = "NOK",
        ["ja"] = "JPY", ["ko"] = "KRW", ["zh_CN"] = "CNY", ["zh_TW"] = "TWD", ["tr"] = "TRY", ["cz"] = "CZK",
    };

    public static bool TryGet(string code, out Currency currency) => s_byCode.TryGetValue(code, out currency!);

    /// <summary>A currency for a record: the locale's own half the time, otherwise one of the common ones.</summary>
    public static Currency Pick(Random.Prng rng, string locale)
    {
        if (s_localeCurrency.TryGetValue(locale, out var home) && rng.NextBool(0.5))
        {
            return s_byCode[home];
        }

        return rng.Pick(Common);
    }
}
