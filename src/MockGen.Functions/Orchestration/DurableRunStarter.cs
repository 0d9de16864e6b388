using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MockGen.Service.Hosting;
using MockGen.Storage.Drift;
using MockGen.Storage.Runs;

namespace MockGen.Functions.Orchestration;

/// <summary>
/// <see cref="IRunStarter"/> on Durable Functions: records the run in the catalog, then schedules
/// <see cref="RunOrchestrator"/> with a fixed instance id and dedupe statuses, so a second start of a pending,
/// running or completed run (a redelivered Event Grid event, a retried POST) is a no-op, while a failed or
/// terminated instance may be started again and resumes from its finished shards.
/// </summary>
public sealed class DurableRunStarter : IRunStarter
{
    private static readonly OrchestrationRuntimeStatus[] Active = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private readonly DurableTaskClient _client;
    private readonly RunCatalog _runs;

    /// <summary>Creates the starter over a Durable client (from a <c>[DurableClient]</c> binding) and the run catalog.</summary>
    public DurableRunStarter(DurableTaskClient client, RunCatalog runs)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
    }

    /// <summary>
    /// The orchestration instance id of a run: the run id, scoped by tenant. Run ids are unique per tenant only and a
    /// task hub's instance ids are global, so two tenants choosing run id <c>nightly</c> must not share (or dedupe
    /// against) one instance. '~' can occur in neither a tenant nor a run id.
    /// </summary>
    public static string InstanceId(string tenant, string runId) => tenant + "~" + runId;

    /// <summary>Records the run and schedules its orchestration unless the run is sealed or its instance already exists.</summary>
    /// <exception cref="Storage.MockGenStorageException">The run id exists with other inputs.</exception>
    public async Task<RunRecord> StartAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var record = await _runs.StartAsync(spec, cancellationToken).ConfigureAwait(false);
        if (!record.IsSealed)
        {
            var options = new StartOrchestrationOptions(InstanceId(spec.Tenant, spec.RunId))
                .WithDedupeStatuses([.. Active, OrchestrationRuntimeStatus.Completed]);
            if (await TryScheduleAsync(RunOrchestrator.Name, spec, options, cancellationToken).ConfigureAwait(false))
            {
                DurableRunMetrics.Started(spec);
            }
        }

        return record;
    }

    /// <summary>
    /// The catalog's record, corrected by the instance: an orchestration that failed or was terminated never reaches
    /// the write-manifest activity, so the catalog would say Running forever.
    /// </summary>
    public async Task<RunRecord> ObserveAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsSealed || record.Status == RunStatus.Failed)
        {
            return record;
        }

        // Failure details come only with inputs and outputs; both are small records here.
        var instance = await _client.GetInstanceAsync(InstanceId(record.Spec.Tenant, record.Spec.RunId), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return instance?.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed => record with { Status = RunStatus.Failed, Error = instance.FailureDetails?.InnerFailure?.ErrorMessage ?? instance.FailureDetails?.ErrorMessage ?? "the orchestration failed" },
            OrchestrationRuntimeStatus.Terminated => record with { Status = RunStatus.Failed, Error = "the orchestration was terminated" },
            _ => record,
        };
    }

    /// <summary>Runs the drift orchestration (one instance per run and version; a concurrent request joins it) and waits for its report.</summary>
    /// <exception cref="InvalidOperationException">The orchestration did not complete.</exception>
    public async Task<DriftReport> DriftAsync(DriftSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = InstanceId(spec.Tenant, spec.RunId) + "~drift~" + spec.AgainstVersion[7..23];
        await TryScheduleAsync(DriftOrchestrator.Name, spec, new StartOrchestrationOptions(id).WithDedupeStatuses(Active), cancellationToken).ConfigureAwait(false);
        var done = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed && done.ReadOutputAs<DriftReport>() is { } report
            ? report
            : throw new InvalidOperationException($"drift orchestration {id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
    }

    /// <summary>Schedules an instance; false when it exists already.</summary>
    private async Task<bool> TryScheduleAsync(string orchestrator, object input, StartOrchestrationOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await _client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (IsAlreadyExists(e))
        {
            // The instance exists in a dedupe status: this start is a duplicate (at-least-once delivery, a retried request).
            return false;
        }
    }

    // The in-process client throws OrchestrationAlreadyExistsException; over gRPC it may arrive as an RpcException
    // with AlreadyExists or wrapped in an InvalidOperationException, depending on the backend.
    private static bool IsAlreadyExists(Exception e) => e switch
    {
        OrchestrationAlreadyExistsException => true,
        RpcException { StatusCode: StatusCode.AlreadyExists } => true,
        InvalidOperationException { InnerException: { } inner } => IsAlreadyExists(inner),
        _ => false,
    };
}
