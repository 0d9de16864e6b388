using System.Text.Json;
using MockGen.Storage.Drift;
using MockGen.Storage.Stores;

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
        // Every storage request of this run, the activities' included (they run on tasks started from here), counts its retries here.
        var retries = StoreRetries.BeginScope();
        await _runs.StartAsync(spec, cancellationToken).ConfigureAwait(false);
        var context = new Context(this, spec.RunId, cancellationToken);
        try
        {
            var outcome = await RunOrchestrator.RunAsync(context, spec).ConfigureAwait(false);
            return outcome with { StoreRetries = retries.Total, StoreRetryReasons = retries.Describe() };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The orchestrator stops at its first cancelled await while sibling activities may still be writing a
            // shard and its lineage row. Let them settle, so nothing of this run changes after RunAsync returns.
            await context.SettleAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            await _runs.FailAsync(spec, e.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a drift orchestration and returns its report.</summary>
    public Task<DriftReport> DriftAsync(DriftSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DriftOrchestrator.RunAsync(new Context(this, spec.RunId + "-drift", cancellationToken), spec);
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
