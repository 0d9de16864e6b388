namespace MockGen.Core.Generation.Realism;

/// <summary>
/// Which fields are sensitive: marked <c>x-mockgen: {sensitive: true}</c> (in the contract or a profile) or named like
/// a secret or a personal identifier. A sensitive field is always synthetic: the walker never echoes the contract's
/// <c>examples</c> or <c>default</c> into it (contract authors paste real-looking tokens and card numbers there), and
/// realism gives it a synthetic value even in a <see cref="RealismLevel.Lifelike"/> run.
/// </summary>
internal static class SensitiveFields
{
    // Compared against the normalised name (ASCII letters and digits, lower case): "client_secret" is "clientsecret".
    private static readonly string[] s_containing = ["password", "passwd", "passphrase", "secret", "cardnumber", "creditcard", "privatekey"];
    private static readonly string[] s_endingWith = ["token", "apikey", "ssn", "cvv", "cvc", "pin"];
    private static readonly string[] s_exact = ["pan", "cvv2", "cvc2", "socialsecuritynumber", "socialsecurityno", "nino", "nationalinsurancenumber", "nationalid", "nationalidnumber", "taxid"];

    // Verdicts by raw name: asked for every string value, of the few hundred names a contract has. Bounded, since map
    // keys can be generated names.
    private const int CacheLimit = 8192;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> s_verdicts = new(StringComparer.Ordinal);

    /// <summary>True when a property of this name holds a secret or a personal identifier.</summary>
    public static bool IsSensitiveName(string? propertyName)
    {
        if (propertyName is null)
        {
            return false;
        }

        if (s_verdicts.TryGetValue(propertyName, out var known))
        {
            return known;
        }

        var verdict = Judge(propertyName);
        if (s_verdicts.Count < CacheLimit)
        {
            s_verdicts.TryAdd(propertyName, verdict);
        }

        return verdict;
    }

    private static bool Judge(string propertyName)
    {
        var name = PropertyNames.Normalize(propertyName);
        if (name.Length == 0)
        {
            return false;
        }

        // Loops, not lambdas over 'name': this is asked for every string value, and each closure was an allocation.
        if (s_exact.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        foreach (var word in s_containing)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var word in s_endingWith)
        {
            if (name.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
