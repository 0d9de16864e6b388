namespace MockGen.Storage.Runs;

/// <summary>
/// What an orchestrator may do: call activities by name with a small serializable input. This is the subset of
/// Durable Functions' <c>TaskOrchestrationContext</c> the orchestrators use, so a Durable host adapts it in one line
/// per member; the local runner implements it in-process.
/// </summary>
public interface IOrchestrationContext
{
    /// <summary>The orchestration instance id (the run id).</summary>
    string InstanceId { get; }

    /// <summary>Schedules an activity and returns its result.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object input);
}
