using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MockGen.Storage;
using MockGen.Storage.Drift;
using MockGen.Storage.Runs;

namespace MockGen.Service.Hosting;

/// <summary>
/// Starts runs in the background for the API and the watcher (the role the Durable client plays under Functions):
/// records the run, then executes it on the local runner with at most <see cref="ServeOptions.MaxConcurrentRuns"/>
/// at once. Stopping cancels the runs in flight; they stay resumable.
/// </summary>
public sealed class RunCoordinator : IRunStarter, IAsyncDisposable
{
    private readonly MockGenPipeline _pipeline;
    private readonly ILogger<RunCoordinator> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _executing = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>Creates the coordinator.</summary>
    public RunCoordinator(MockGenPipeline pipeline, ServeOptions options, ILogger<RunCoordinator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _slots = new SemaphoreSlim(options.MaxConcurrentRuns, options.MaxConcurrentRuns);
    }

    /// <summary>Records the run (validating it) and starts executing it unless it is sealed or already executing.</summary>
    /// <exception cref="MockGenStorageException">The run id exists with other inputs.</exception>
    public async Task<RunRecord> StartAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var record = await _pipeline.Runs.StartAsync(spec, cancellationToken).ConfigureAwait(false);
        if (!record.IsSealed)
        {
            var key = spec.Tenant + "/" + spec.RunId;
            _ = _executing.GetOrAdd(key, _ => Task.Run(() => ExecuteAsync(key, spec)));
        }

        return record;
    }

    /// <summary>The catalog's record as it is: the local runner records failures there itself.</summary>
    public Task<RunRecord> ObserveAsync(RunRecord record, CancellationToken cancellationToken = default) => Task.FromResult(record);

    /// <summary>Runs the drift orchestration in-process and waits for its report.</summary>
    public Task<DriftReport> DriftAsync(DriftSpec spec, CancellationToken cancellationToken = default) =>
        _pipeline.Runner.DriftAsync(spec, cancellationToken);

    /// <summary>True while this process executes the run.</summary>
    public bool IsExecuting(string tenant, string runId) => _executing.ContainsKey(tenant + "/" + runId);

    /// <summary>Cancels runs in flight and waits for them to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        // The container may dispose it twice: once as RunCoordinator, once as IRunStarter.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_executing.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Interrupted runs stay Running and resume on the next start.
        }

        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task ExecuteAsync(string key, RunSpec spec)
    {
        try
        {
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                var outcome = await _pipeline.Runner.RunAsync(spec, _stopping.Token).ConfigureAwait(false);

                // The run's span has ended here: the line joins its trace through a TraceId scope, as lines inside it do.
                using var scope = outcome.TraceId is { } traceId ? _logger.BeginScope(new Dictionary<string, object> { ["TraceId"] = traceId }) : null;
                Log.RunSealed(_logger, spec.Tenant, spec.RunId, outcome.Status, outcome.Payloads, outcome.Generated, outcome.Reused, outcome.StoreRetries, outcome.StoreRetryReasons, outcome.TraceId ?? "none");
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A background run's failure is recorded on the run and logged; it must not crash the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.RunFailed(_logger, spec.Tenant, spec.RunId, e);
        }
        finally
        {
            _executing.TryRemove(key, out _);
        }
    }
}
