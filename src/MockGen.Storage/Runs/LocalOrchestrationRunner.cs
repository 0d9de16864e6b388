using System.Diagnostics;
using System.Text.Json;
using MockGen.Core.Telemetry;
using MockGen.Storage.Drift;
using MockGen.Storage.Stores;
using MockGen.Storage.Telemetry;

namespace MockGen.Storage.Runs;

/// <summary>
/// Runs the orchestrators in-process: activities on the thread pool, and every message serialized to JSON and
/// back as Durable Functions would, so a message that could not cross a Durable boundary fails here too.
/// A cancelled run is an interrupted run: its finished shards stay, and running the same spec again resumes.
/// </summary>
public sealed class LocalOrchestrationRunner
{
    private readonly PipelineActivities _activities;
    private readonly RunCatalog _runs;
    private readonly Action<string>? _activityCompleted;
    private long _largestMessage;
    private long _activityCalls;

    /// <summary>Creates a runner. <paramref name="activityCompleted"/> is told each finished activity's name (tests use it to interrupt runs).</summary>
    public LocalOrchestrationRunner(PipelineActivities activities, RunCatalog runs, Action<string>? activityCompleted = null)
    {
        _activities = activities ?? throw new ArgumentNullException(nameof(activities));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _activityCompleted = activityCompleted;
    }

    /// <summary>The largest activity input or output seen, in bytes of JSON: Durable compresses messages over 45 KB.</summary>
    public long LargestMessageBytes => Interlocked.Read(ref _largestMessage);

    /// <summary>How many activities this runner has called.</summary>
    public long ActivityCalls => Interlocked.Read(ref _activityCalls);

    /// <summary>Starts (or resumes) a generation run and waits for it to be sealed.</summary>
    /// <exception cref="MockGenStorageException">The run id exists with other inputs, or the contract is missing or failed.</exception>
    /// <exception cref="OperationCanceledException">The run was interrupted; running it again resumes.</exception>
    public async Task<RunOutcome> RunAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var activity = StartRunActivity(SpanNames.Run, spec.Tenant, spec.ContractName, spec.RunId);
        activity?.SetTag(TelemetryTags.ContractVersion, spec.ContractVersion);
        var tags = PipelineTelemetry.RunTags(spec.Tenant, spec.ContractName, _activities.StoreKind);
        MockGenMetrics.RunsActive.Add(1, tags);
        try
        {
            // Every storage request of this run, the activities' included (they run on tasks started from here), counts its retries here.
            var retries = StoreRetries.BeginScope();
            await _runs.StartAsync(spec, cancellationToken).ConfigureAwait(false);
            MockGenMetrics.RunsStarted.Add(1, tags);
            var context = new Context(this, spec.RunId, cancellationToken);
            try
            {
                var outcome = await RunOrchestrator.RunAsync(context, spec).ConfigureAwait(false);
                activity?.SetTag(TelemetryTags.RunStatus, outcome.Status.ToString());
                return outcome with { StoreRetries = retries.Total, StoreRetryReasons = retries.Describe() };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The orchestrator stops at its first cancelled await while sibling activities may still be writing a
                // shard and its lineage row. Let them settle, so nothing of this run changes after RunAsync returns.
                activity?.SetStatus(ActivityStatusCode.Error, "interrupted");
                await context.SettleAsync().ConfigureAwait(false);
                throw;
            }
            catch (Exception e)
            {
                MockGenTelemetry.Fail(activity, e);
                MockGenMetrics.RunsFailed.Add(1, tags);

                // A failed run too: siblings of the failed activity may still be writing (a full disk fails them one
                // by one). Let them end first, so a resume started right after never races a write of this run.
                await context.SettleAsync().ConfigureAwait(false);
                await _runs.FailAsync(spec, e.Message, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            MockGenMetrics.RunsActive.Add(-1, tags);
        }
    }

    /// <summary>Runs a drift orchestration and returns its report.</summary>
    public async Task<DriftReport> DriftAsync(DriftSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var activity = StartRunActivity(SpanNames.Drift, spec.Tenant, spec.ContractName, spec.RunId);
        activity?.SetTag(TelemetryTags.AgainstVersion, spec.AgainstVersion);
        try
        {
            return await DriftOrchestrator.RunAsync(new Context(this, spec.RunId + "-drift", cancellationToken), spec).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            MockGenTelemetry.Fail(activity, e);
            throw;
        }
    }

    /// <summary>
    /// A run (or drift check) is a trace of its own: its span is a root, linked to the caller's span (an HTTP request,
    /// a watcher scan) rather than nested in it, so the trace lasts as long as the run. Tenant and contract are given
    /// at creation, so a sampler can decide on them.
    /// </summary>
    private static Activity? StartRunActivity(string name, string tenant, string contract, string runId)
    {
        var caller = Activity.Current;
        Activity.Current = null;
        var activity = MockGenTelemetry.ActivitySource.StartActivity(
            name,
            ActivityKind.Internal,
            default(ActivityContext),
            [new(TelemetryTags.Tenant, tenant), new(TelemetryTags.Contract, contract), new(TelemetryTags.RunId, runId)],
            caller is null ? null : [new ActivityLink(caller.Context)]);
        if (activity is null)
        {
            Activity.Current = caller;
        }

        return activity;
    }

    private async Task<byte[]> DispatchAsync(string name, byte[] input, CancellationToken cancellationToken)
    {
        object output = name switch
        {
            ActivityNames.ListTargets => await _activities.ListTargetsAsync(Read<TargetListRequest>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.GenerateShard => await _activities.GenerateShardAsync(Read<ShardSpec>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.WriteManifest => await _activities.WriteManifestAsync(Read<ManifestRequest>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.ListRunShards => await _activities.ListRunShardsAsync(Read<DriftSpec>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.ValidateShard => await _activities.ValidateShardAsync(Read<ValidateShardRequest>(input), cancellationToken).ConfigureAwait(false),
            ActivityNames.WriteDriftReport => await _activities.WriteDriftReportAsync(Read<DriftReport>(input), cancellationToken).ConfigureAwait(false),
            _ => throw MockGenStorageException.ActivityUnknown(name),
        };
        return Measure(JsonSerializer.SerializeToUtf8Bytes(output, output.GetType(), MessageJson.Options));
    }

    private static T Read<T>(byte[] json) => JsonSerializer.Deserialize<T>(json, MessageJson.Options)!;

    private byte[] Measure(byte[] message)
    {
        long seen;
        while (message.Length > (seen = Interlocked.Read(ref _largestMessage)) && Interlocked.CompareExchange(ref _largestMessage, message.Length, seen) != seen)
        {
        }

        return message;
    }

    private sealed class Context(LocalOrchestrationRunner runner, string instanceId, CancellationToken cancellationToken) : IOrchestrationContext
    {
        private readonly List<Task> _activities = [];

        public string InstanceId => instanceId;

        /// <summary>Waits until every activity started so far has finished, whatever its outcome.</summary>
        public async Task SettleAsync()
        {
            Task[] started;
            lock (_activities)
            {
                started = [.. _activities];
            }

            try
            {
                await Task.WhenAll(started).ConfigureAwait(false);
            }
            catch (Exception) when (started.All(t => t.IsCompleted))
            {
                // Their failures (cancellation, mostly) were already seen by the orchestrator or do not matter now.
            }
        }

        public Task<TResult> CallActivityAsync<TResult>(string name, object input)
        {
            ArgumentNullException.ThrowIfNull(input);
            var message = runner.Measure(JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), MessageJson.Options));
            Interlocked.Increment(ref runner._activityCalls);
            var activity = Task.Run(
                async () =>
                {
                    var output = await runner.DispatchAsync(name, message, cancellationToken).ConfigureAwait(false);
                    runner._activityCompleted?.Invoke(name);
                    return Read<TResult>(output);
                },
                cancellationToken);
            lock (_activities)
            {
                _activities.Add(activity);
            }

            return activity;
        }
    }
}
