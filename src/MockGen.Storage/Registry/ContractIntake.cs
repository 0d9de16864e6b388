using System.Text.Json;
using MockGen.Storage.Governance;
using MockGen.Storage.Runs;
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
    private readonly VersionPublisher _publisher;

    /// <summary>Creates the intake.</summary>
    /// <param name="store">The store.</param>
    /// <param name="registry">The contract registry.</param>
    /// <param name="publisher">Classifies new versions and decides which are active. Default: governance in the same store.</param>
    public ContractIntake(PipelineStore store, ContractRegistry registry, VersionPublisher? publisher = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _publisher = publisher ?? new VersionPublisher(registry, new VersionGovernance(store.Tables, TimeProvider.System), new Audit.AuditLog(store.Tables, TimeProvider.System));
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
            if (ParseContractPath(blob.Path) is null
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

            var version = (await RegisterBlobAsync(blob.Path, content, cancellationToken).ConfigureAwait(false))!;
            await onVersion(version).ConfigureAwait(false);
            checkpoint.Seen[blob.Path] = blob.ETag;
            await SaveCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            registered.Add(version);
        }

        return registered;
    }

    /// <summary>
    /// Registers the bytes of one blob under <c>contracts/</c> as a contract version: the step every intake path
    /// shares (the watcher's scan, the Functions blob trigger). Idempotent: the same bytes give the same version, so
    /// a redelivered event registers nothing new.
    /// </summary>
    /// <param name="blobPath">The blob's store path, <c>contracts/{tenant}/{name}</c>.</param>
    /// <param name="content">The blob's bytes.</param>
    /// <param name="cancellationToken">Cancels the registration.</param>
    /// <returns>The version, or null when the blob is not a contract (a tenant profile, a nested path, a bad tenant or name).</returns>
    public async Task<ContractVersion?> RegisterBlobAsync(string blobPath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        return ParseContractPath(blobPath) is { } parsed
            ? await _registry.RegisterAsync(parsed.Tenant, parsed.Name, content, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// Publishes a newly registered version into governance (<see cref="VersionPublisher"/>; an API upload did so already,
    /// with its principal) and returns the run it starts: the tenant's active profile applied to it, with the run id
    /// derived from the inputs (so the same version and profile always name the same run). Null for a version that
    /// failed to load, waits for approval, was rejected or is not the active one.
    /// </summary>
    /// <exception cref="MockGenStorageException">The tenant's profile is malformed.</exception>
    public async Task<RunSpec?> RunForAsync(ContractVersion version, int maxParallelShards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (await _publisher.PublishContractAsync(version, VersionPublisher.BlobUploadPrincipal, cancellationToken).ConfigureAwait(false) is not { State: ApprovalState.Approved })
        {
            return null;
        }

        return await _publisher.RunForActiveAsync(version.Tenant, version.Name, version.Version, maxParallelShards, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>(tenant, name) of <c>contracts/{tenant}/{name}</c>, or null for anything that is not a contract blob.</summary>
    private static (string Tenant, string Name)? ParseContractPath(string path)
    {
        var parts = path.Split('/');
        return parts.Length == 3 && string.Equals(parts[0], "contracts", StringComparison.Ordinal)
            && Identifiers.IsTenant(parts[1]) && Identifiers.IsContractName(parts[2])
            && !string.Equals(parts[2], Identifiers.ProfileBlobName, StringComparison.Ordinal)
            ? (parts[1], parts[2])
            : null;
    }
}
