namespace MockGen.Core.Generation.Realism;

/// <summary>An ISO 4217 currency: alphabetic code and the number of minor-unit digits amounts carry.</summary>
/// <param name="Code">The alphabetic code, e.g. "EUR".</param>
/// <param name="MinorUnits">Decimal places of an amount: JPY 0, USD 2, BHD 3.</param>
internal sealed record Currency(string Code, int MinorUnits);
