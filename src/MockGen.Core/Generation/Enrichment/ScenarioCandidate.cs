using System.Text.Json;
using MockGen.Core.Generation.Output;

namespace MockGen.Core.Generation.Enrichment;

/// <summary>
/// One payload a model proposed for a scenario, already mapped to the contract's shape and through the PII guard by
/// the host, never yet gated: generation repairs it against the target and the gate decides.
/// </summary>
/// <param name="Payload">The candidate, or null when the answer was unusable (the payload is then regenerated).</param>
/// <param name="Ai">The provenance of the answer it came from (<c>meta.ai</c>), or null when there was none.</param>
public sealed record ScenarioCandidate(JsonElement? Payload, PayloadAiMeta? Ai);
