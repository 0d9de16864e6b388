using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Walking;

/// <summary>One forced choice of a steered walk: at <paramref name="Node"/>, choose <paramref name="Value"/> for <paramref name="Kind"/>.</summary>
/// <param name="Node">The schema node the choice belongs to (by reference: every place the node applies).</param>
/// <param name="Kind">What is chosen.</param>
/// <param name="Name">The property (<see cref="SteeringKind.Include"/>) or keyword (<see cref="SteeringKind.Branch"/>), else null.</param>
/// <param name="Value">The option (an index, a length, 0/1).</param>
internal readonly record struct SteeringChoice(SchemaNode Node, SteeringKind Kind, string? Name, int Value);
