namespace MockGen.Core.Generation.Realism;

/// <summary>An ISO 3166-1 country: alpha-2 and alpha-3 codes and its English short name.</summary>
internal sealed record Country(string Alpha2, string Alpha3, string Name);
