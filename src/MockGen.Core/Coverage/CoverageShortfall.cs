namespace MockGen.Core.Coverage;

/// <summary>How many items of one category were left out for one kind of reason.</summary>
/// <param name="Category">The category.</param>
/// <param name="Kind">
/// The reason's kind, as the reasons begin: <c>unsatisfiable</c> or <c>unreachable</c> (no payload can exercise them),
/// <c>gave up</c> or <c>cap reached</c> (the <c>coverage</c> variant stopped trying), <c>not covered</c> (a dataset measured
/// as it is, with no reason known).
/// </param>
/// <param name="Count">Items.</param>
public sealed record CoverageShortfall(CoverageCategory Category, string Kind, int Count);
