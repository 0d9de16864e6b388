using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using MockGen.Functions.Hosting;
using MockGen.Functions.Orchestration;
using MockGen.Storage;

namespace MockGen.Functions.Triggers;

/// <summary>
/// A contract pushed to <c>contracts/{tenant}/{name}</c>: registers it through the same intake steps
/// <c>mockgen serve</c>'s watcher uses, then starts the tenant's run for the new version. Event Grid source, because
/// Flex Consumption has no polling blob trigger. Delivery is at least once: the same bytes give the same version, the
/// same version and profile give the same run id, and the Durable start dedupes, so a redelivery changes nothing.
/// </summary>
public sealed class ContractUploadedFunction(MockGenPipeline pipeline, MockGenFunctionsOptions options, ILogger<ContractUploadedFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "ContractUploaded";

    /// <summary>The blob path the trigger watches.</summary>
    public const string BlobPath = "contracts/{tenant}/{name}";

    /// <summary>Handles one upload event.</summary>
    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = MockGenStorageSettings.ConnectionName)] byte[] content,
        string tenant,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Rebuilt from the tokens rather than trusted: a nested name ("a/b.json") or a profile blob is not a contract,
        // and the intake's path check refuses it exactly as the watcher's scan does.
        var path = "contracts/" + tenant + "/" + name;
        var version = await pipeline.Intake.RegisterBlobAsync(path, content, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            Log.NotAContract(logger, path);
            return;
        }

        Log.ContractRegistered(logger, version.Tenant, version.Name, version.Version, version.Status);
        if (await pipeline.Intake.RunForAsync(version, options.MaxParallelShards, cancellationToken).ConfigureAwait(false) is not { } spec)
        {
            return;
        }

        var record = await new DurableRunStarter(client, pipeline.Runs).StartAsync(spec, cancellationToken).ConfigureAwait(false);
        Log.RunStarted(logger, spec.Tenant, spec.RunId, record.Status);
    }
}
