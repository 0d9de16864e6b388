namespace MockGen.Core.Generation.Realism;

/// <summary>How closely generated personal data may resemble real people's data.</summary>
public enum RealismLevel
{
    /// <summary>
    /// The default: values that look real but cannot belong to anyone. Emails use reserved domains (RFC 2606/6761),
    /// card numbers are published test numbers, phones are in fictional ranges, IBANs carry test bank codes and
    /// national ids are in ranges never issued.
    /// </summary>
    Synthetic,

    /// <summary>
    /// Opt-in: everyday mail providers, phone numbers and IBANs as Bogus and the generator make them. Fields that are
    /// sensitive (<c>x-mockgen: {sensitive: true}</c> or named like a secret) stay synthetic even here.
    /// </summary>
    Lifelike,
}
