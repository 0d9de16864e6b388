using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using MockGen.Storage.Drift;
using MockGen.Storage.Runs;

namespace MockGen.Functions.Orchestration;

/// <summary>
/// The orchestrations, unchanged: each function only wraps its context and calls MockGen's replay-safe orchestrator.
/// No other binding and no I/O here (Durable code constraints).
/// </summary>
public static class OrchestratorFunctions
{
    /// <summary>The generation run (<see cref="RunOrchestrator"/>); instance id <see cref="DurableRunStarter.InstanceId"/>.</summary>
    [Function(RunOrchestrator.Name)]
    public static Task<RunOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, RunSpec spec) =>
        RunOrchestrator.RunAsync(new DurableOrchestrationContext(context), spec);

    /// <summary>The drift run (<see cref="DriftOrchestrator"/>).</summary>
    [Function(DriftOrchestrator.Name)]
    public static Task<DriftReport> DriftAsync([OrchestrationTrigger] TaskOrchestrationContext context, DriftSpec spec) =>
        DriftOrchestrator.RunAsync(new DurableOrchestrationContext(context), spec);
}
