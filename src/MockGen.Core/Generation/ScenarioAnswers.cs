namespace MockGen.Core.Generation;

/// <summary>How one scenario's model candidates fared in a run (<see cref="TargetRunSummary.Scenario"/>).</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Accepted">Payloads written as the model answered them.</param>
/// <param name="Repaired">Payloads written with some values regenerated deterministically.</param>
/// <param name="Regenerated">Payloads with no usable answer, generated deterministically as a whole.</param>
/// <param name="ValuesRegenerated">Values replaced or removed over the repaired payloads.</param>
public sealed record ScenarioAnswers(string Name, long Accepted, long Repaired, long Regenerated, long ValuesRegenerated);
