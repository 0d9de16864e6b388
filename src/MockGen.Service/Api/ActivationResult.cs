using MockGen.Storage.Drift;

namespace MockGen.Service.Api;

/// <summary>What an activation (rollback) did.</summary>
/// <param name="Name">The contract name (or <c>profile</c>).</param>
/// <param name="Active">The version now active.</param>
/// <param name="Previous">The version it replaced, or null.</param>
/// <param name="Drift">The drift report of the latest dataset against <paramref name="Active"/>, when re-validation was asked for and a sealed dataset exists.</param>
public sealed record ActivationResult(string Name, string Active, string? Previous, DriftReport? Drift);
