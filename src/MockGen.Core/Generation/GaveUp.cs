namespace MockGen.Core.Generation;

/// <summary>
/// No candidate was found within the attempt budget, though no conflict was proven: the schema may well be
/// satisfiable. Reported as "gave up after N attempts", never as "unsatisfiable".
/// </summary>
/// <param name="Reason">The last obstacle met, e.g. the last gate rejection.</param>
/// <param name="SchemaLocation">The keyword path of that obstacle.</param>
internal sealed record GaveUp(string Reason, string SchemaLocation) : GenerationResult;
