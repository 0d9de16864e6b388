namespace MockGen.Core.Generation.Realism;

/// <summary>ISO 3166-1 codes for the countries realistic test data mostly names (a table: no ICU region data).</summary>
internal static class CountryTable
{
    public static IReadOnlyList<Country> All { get; } =
    [
        new("US", "USA", "United States"), new("GB", "GBR", "United Kingdom"), new("DE", "DEU", "Germany"),
        new("FR", "FRA", "France"), new("ES", "ESP", "Spain"), new("IT", "ITA", "Italy"), new("NL", "NLD", "Netherlands"),
        new("BE", "BEL", "Belgium"), new("AT", "AUT", "Austria"), new("CH", "CHE", "Switzerland"), new("IE", "IRL", "Ireland"),
        new("PT", "PRT", "Portugal"), new("SE", "SWE", "Sweden"), new("NO", "NOR", "Norway"), new("DK", "DNK", "Denmark"),
        new("FI", "FIN", "Finland"), new("PL", "POL", "Poland"), new("CZ", "CZE", "Czechia"), new("HU", "HUN", "Hungary"),
        new("RO", "ROU", "Romania"), new("GR", "GRC", "Greece"), new("CA", "CAN", "Canada"), new("MX", "MEX", "Mexico"),
        new("BR", "BRA", "Brazil"), new("AR", "ARG", "Argentina"), new("CL", "CHL", "Chile"), new("CO", "COL", "Colombia"),
        new("JP", "JPN", "Japan"), new("KR", "KOR", "South Korea"), new("CN", "CHN", "China"), new("IN", "IND", "India"),
        new("SG", "SGP", "Singapore"), new("AU", "AUS", "Australia"), new("NZ", "NZL", "New Zealand"),
        new("ZA", "ZAF", "South Africa"), new("NG", "NGA", "Nigeria"), new("KE", "KEN", "Kenya"), new("EG", "EGY", "Egypt"),
        new("AE", "ARE", "United Arab Emirates"), new("SA", "SAU", "Saudi Arabia"), new("BH", "BHR", "Bahrain"),
        new("IL", "ISR", "Israel"), new("TR", "TUR", "Turkey"), new("UA", "UKR", "Ukraine"), new("LU", "LUX", "Luxembourg"),
    ];

    private static readonly Dictionary<string, string> s_localeCountry = new(StringComparer.Ordinal)
    {
        ["en"] = "US", ["en_US"] = "US", ["en_GB"] = "GB", ["en_AU"] = "AU", ["en_CA"] = "CA", ["en_IE"] = "IE",
        ["en_IND"] = "IN", ["en_ZA"] = "ZA", ["de"] = "DE", ["de_AT"] = "AT", ["de_CH"] = "CH", ["fr"] = "FR",
        ["fr_CA"] = "CA", ["fr_CH"] = "CH", ["es"] = "ES", ["es_MX"] = "MX", ["it"] = "IT", ["nl"] = "NL",
        ["nl_BE"] = "BE", ["pl"] = "PL", ["pt_BR"] = "BR", ["pt_PT"] = "PT", ["sv"] = "SE", ["nb_NO"] = "NO",
        ["ja"] = "JP", ["ko"] = "KR", ["zh_CN"] = "CN", ["tr"] = "TR", ["cz"] = "CZ",
    };

    /// <summary>A country for a record: the locale's own half the time.</summary>
    public static Country Pick(Random.Prng rng, string locale)
    {
        if (s_localeCountry.TryGetValue(locale, out var home) && rng.NextBool(0.5))
        {
            return All.First(c => string.Equals(c.Alpha2, home, StringComparison.Ordinal));
        }

        return rng.Pick(All);
    }
}
