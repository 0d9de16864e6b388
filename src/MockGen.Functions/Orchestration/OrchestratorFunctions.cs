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
    /// <remarks>
    /// Also counts the run as active and, when it fails, as failed (<see cref="DurableRunMetrics"/>), only outside
    /// replay: the first episode starts non-replaying, and the episode that returns or throws is the last one, run on a
    /// new history event, so each happens once per instance.
    /// </remarks>
    [Function(RunOrchestrator.Name)]
    public static async Task<RunOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spec);
        if (!context.IsReplaying)
        {
            DurableRunMetrics.Began(spec);
        }

#pragma warning disable CA2007 // Orchestrator code must not use ConfigureAwait(false).
        try
        {
            var outcome = await RunOrchestrator.RunAsync(new DurableOrchestrationContext(context), spec);
            if (!context.IsReplaying)
            {
                DurableRunMetrics.Ended(spec);
            }

            return outcome;
        }
        catch (Exception) when (!context.IsReplaying)
        {
            DurableRunMetrics.Failed(spec);
            throw;
        }
#pragma warning restore CA2007
    }

    /// <summary>The drift run (<see cref="DriftOrchestrator"/>).</summary>
    [Function(DriftOrchestrator.Name)]
    public static Task<DriftReport> DriftAsync([OrchestrationTrigger] TaskOrchestrationContext context, DriftSpec spec) =>
        DriftOrchestrator.RunAsync(new DurableOrchestrationContext(context), spec);
}
