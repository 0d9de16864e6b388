namespace MockGen.Storage.Drift;

/// <summary>How many failures a keyword or an instance path accounts for.</summary>
/// <param name="Name">The keyword, or the instance path with array indices written as <c>*</c>.</param>
/// <param name="Count">The number of failures.</param>
public sealed record DriftCount(string Name, long Count);
