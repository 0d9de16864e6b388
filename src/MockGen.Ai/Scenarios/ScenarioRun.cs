using MockGen.Ai.Enrichment;
using MockGen.Core.Generation.Enrichment;

namespace MockGen.Ai.Scenarios;

/// <summary>The result of a scenarios run: the candidates generation repairs and gates, and the report.</summary>
/// <param name="Scenarios">Pass as <c>GenerationOptions.Scenarios</c>.</param>
/// <param name="Report">For the run summary (<see cref="EnrichmentReport.ValuesKept"/> counts proposed payloads).</param>
public sealed record ScenarioRun(ScenarioSet Scenarios, EnrichmentReport Report);
