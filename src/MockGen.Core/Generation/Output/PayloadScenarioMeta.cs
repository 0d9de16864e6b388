namespace MockGen.Core.Generation.Output;

/// <summary>
/// Which named scenario a payload was written for (<c>meta.scenario</c>), with its parameters, and how much of the
/// model's answer survived the gate: <c>accepted</c> (as answered), <c>repaired</c> (the values at
/// <see cref="Regenerated"/> failed their subschema and were regenerated deterministically) or <c>regenerated</c>
/// (no usable answer: the whole payload is deterministic).
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Parameters">Its parameters, in the order they were given.</param>
/// <param name="Answer"><c>accepted</c>, <c>repaired</c> or <c>regenerated</c>.</param>
/// <param name="Regenerated">JSON Pointers of the values regenerated in a repaired payload (empty otherwise).</param>
public sealed record PayloadScenarioMeta(string Name, IReadOnlyList<KeyValuePair<string, string>> Parameters, string Answer, IReadOnlyList<string> Regenerated);
