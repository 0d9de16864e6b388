using System.Text.Json;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Registry;

/// <summary>
/// One polling step of the contract watcher: lists <c>contracts/{tenant}/{name}</c> blobs, registers every blob
/// whose ETag differs from the checkpoint, and hands each new version to the caller before the checkpoint
/// records it, so a crash in between repeats the (idempotent) registration instead of losing it.
/// </summary>
public sealed class ContractIntake
{
    /// <summary>Where the checkpoint blob lives.</summary>
    public const string CheckpointPath = "mockgen-state/checkpoints/contracts.json";

    private readonly PipelineStore _store;
    private readonly ContractRegistry _registry;

    /// <summary>Creates the intake.</summary>
    public ContractIntake(PipelineStore store, ContractRegistry registry)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
    }

    /// <summary>Reads the checkpoint (empty when none was saved).</summary>
    public async Task<IntakeCheckpoint> LoadCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var stream = await _store.Blobs.OpenReadAsync(CheckpointPath, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return new IntakeCheckpoint();
        }

        await using (stream.ConfigureAwait(false))
        {
            var loaded = await JsonSerializer.DeserializeAsync<IntakeCheckpoint>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new IntakeCheckpoint
            {
                Seen = new SortedDictionary<string, string>(loaded?.Seen ?? [], StringComparer.Ordinal),
                Active = new SortedSet<string>(loaded?.Active ?? [], StringComparer.Ordinal),
            };
        }
    }

    /// <summary>Saves the checkpoint.</summary>
    public Task SaveCheckpointAsync(IntakeCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        _store.Blobs.WriteAsync(CheckpointPath, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(checkpoint)), cancellationToken);

    /// <summary>Registers new or changed contract blobs, calling <paramref name="onVersion"/> for each before checkpointing it.</summary>
    /// <returns>The versions registered in this scan.</returns>
    public async Task<IReadOnlyList<ContractVersion>> ScanAsync(IntakeCheckpoint checkpoint, Func<ContractVersion, Task> onVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(onVersion);
        var registered = new List<ContractVersion>();
        await foreach (var blob in _store.Blobs.ListAsync("contracts/", cancellationToken).ConfigureAwait(false))
        {
            var parts = blob.Path.Split('/');
            if (parts.Length != 3 || !Identifiers.IsTenant(parts[1]) || !Identifiers.IsContractName(parts[2])
                || string.Equals(parts[2], Identifiers.ProfileBlobName, StringComparison.Ordinal)
                || (checkpoint.Seen.TryGetValue(blob.Path, out var seen) && string.Equals(seen, blob.ETag, StringComparison.Ordinal)))
            {
                continue;
            }

            var stream = await _store.Blobs.OpenReadAsync(blob.Path, cancellationToken).ConfigureAwait(false);
            if (stream is null)
            {
                continue;
            }

            byte[] content;
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                content = buffer.ToArray();
            }

            var version = await _registry.RegisterAsync(parts[1], parts[2], content, cancellationToken).ConfigureAwait(false);
            await onVersion(version).ConfigureAwait(false);
            checkpoint.Seen[blob.Path] = blob.ETag;
            await SaveCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            registered.Add(version);
        }

        return registered;
    }
}
