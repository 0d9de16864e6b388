using MockGen.Storage.Governance;
using MockGen.Storage.Runs;

namespace MockGen.Service.Api;

/// <summary>What an approval or rejection did.</summary>
/// <param name="Decision">The version's updated record.</param>
/// <param name="Run">The run an approved contract version started, or null.</param>
public sealed record DecisionResult(VersionDecision Decision, RunRecord? Run);
