namespace MockGen.Core.Generation.Walking;

/// <summary>Why the walker could not build a value: the reason and the schema location that caused it.</summary>
/// <param name="Reason">What is impossible, e.g. <c>minimum 5 is above maximum 3</c>.</param>
/// <param name="SchemaLocation">The keyword path, e.g. <c>#/properties/age/minimum</c>.</param>
/// <param name="Unsupported">True when the schema may be satisfiable but the generator cannot build a value.</param>
/// <param name="GaveUp">True when no conflict is proven: a budget (depth, names, attempts) ran out first.</param>
internal sealed record WalkFailure(string Reason, string SchemaLocation, bool Unsupported, bool GaveUp = false);
