using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MockGen.Storage;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;

namespace MockGen.Service.Hosting;

/// <summary>
/// Polls <c>contracts/</c> (the local stand-in for the Functions blob trigger): registers each new contract
/// version, starts a run with the tenant's profile, and resumes runs it started that a restart interrupted.
/// Its checkpoint blob records both, so nothing is missed or repeated across restarts.
/// </summary>
internal sealed class ContractWatcher(MockGenPipeline pipeline, RunCoordinator coordinator, ServeOptions options, TimeProvider time, ILogger<ContractWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IntakeCheckpoint? checkpoint = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                checkpoint ??= await pipeline.Intake.LoadCheckpointAsync(stoppingToken).ConfigureAwait(false);
                await PollAsync(checkpoint, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed scan (storage hiccup, bad profile) is logged and retried at the next poll.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.ScanFailed(logger, e);
                checkpoint = null;
            }

            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PollAsync(IntakeCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await pipeline.Intake.ScanAsync(
            checkpoint,
            async version =>
            {
                Log.ContractRegistered(logger, version.Tenant, version.Name, version.Version, version.Status);
                if (await pipeline.Intake.RunForAsync(version, options.MaxParallelShards, cancellationToken).ConfigureAwait(false) is not { } spec)
                {
                    return;
                }

                await coordinator.StartAsync(spec, cancellationToken).ConfigureAwait(false);
                checkpoint.Active.Add(spec.Tenant + "/" + spec.RunId);
            },
            cancellationToken).ConfigureAwait(false);

        var changed = false;
        foreach (var key in checkpoint.Active.ToList())
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var run = await pipeline.Runs.GetAsync(key[..slash], key[(slash + 1)..], cancellationToken).ConfigureAwait(false);
            if (run is null || run.IsSealed || run.Status == RunStatus.Failed)
            {
                checkpoint.Active.Remove(key);
                changed = true;
            }
            else if (!coordinator.IsExecuting(run.Spec.Tenant, run.Spec.RunId))
            {
                Log.RunResumed(logger, run.Spec.Tenant, run.Spec.RunId);
                await coordinator.StartAsync(run.Spec, cancellationToken).ConfigureAwait(false);
            }
        }

        if (changed)
        {
            await pipeline.Intake.SaveCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        }
    }
}
