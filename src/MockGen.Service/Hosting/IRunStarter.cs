using MockGen.Storage.Drift;
using MockGen.Storage.Runs;

namespace MockGen.Service.Hosting;

/// <summary>
/// How the API starts orchestrations: in <c>mockgen serve</c> the <see cref="RunCoordinator"/> runs them in-process;
/// a Durable Functions host implements it with <c>DurableTaskClient.ScheduleNewOrchestrationInstanceAsync</c>
/// (instance id = run id) over the same orchestrators.
/// </summary>
public interface IRunStarter
{
    /// <summary>Records the run and starts (or resumes) it in the background; returns the record at once.</summary>
    /// <exception cref="Storage.MockGenStorageException">The run id exists with other inputs.</exception>
    Task<RunRecord> StartAsync(RunSpec spec, CancellationToken cancellationToken = default);

    /// <summary>
    /// The run as this host sees it: the catalog's record, corrected by what only the orchestration engine knows
    /// (a Durable instance that failed or was terminated while the catalog still says Running).
    /// </summary>
    Task<RunRecord> ObserveAsync(RunRecord record, CancellationToken cancellationToken = default);

    /// <summary>Runs a drift orchestration and returns its report.</summary>
    Task<DriftReport> DriftAsync(DriftSpec spec, CancellationToken cancellationToken = default);
}
