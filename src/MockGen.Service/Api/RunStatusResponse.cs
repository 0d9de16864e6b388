using System.Text.Json;
using MockGen.Storage.Runs;

namespace MockGen.Service.Api;

/// <summary>A run's status and, once sealed, its manifest.</summary>
/// <param name="Run">The run record.</param>
/// <param name="Manifest">The manifest, or null while running.</param>
public sealed record RunStatusResponse(RunRecord Run, JsonElement? Manifest);
