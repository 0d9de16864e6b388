using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MockGen.Storage.Engine;
using MockGen.Storage.Governance;
using MockGen.Storage.Stores;

namespace MockGen.Storage.Registry;

/// <summary>
/// Every contract upload becomes an immutable version: its bytes are copied to
/// <c>contract-versions/{tenant}/{name}/{hex}</c> and a row keyed by (tenant, name@hex) records what the loader
/// said. Re-uploading identical bytes is a no-op; a malformed upload is a Failed version and disturbs nothing.
/// </summary>
public sealed class ContractRegistry
{
    /// <summary>The name the tenant profile has in governance.</summary>
    public const string ProfileName = "profile";

    internal const string Table = "contracts";
    private readonly PipelineStore _store;
    private readonly IContractInspector _inspector;
    private readonly TimeProvider _time;
    private readonly VersionGovernance _governance;

    /// <summary>Creates a registry over a store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="inspector">Inspects uploaded contracts.</param>
    /// <param name="time">The clock for upload times.</param>
    /// <param name="governance">Which profile version is active. Default: the governance table in the same store.</param>
    public ContractRegistry(PipelineStore store, IContractInspector inspector, TimeProvider time, VersionGovernance? governance = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _inspector = inspector ?? throw new ArgumentNullException(nameof(inspector));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _governance = governance ?? new VersionGovernance(store.Tables, time);
    }

    /// <summary>The store the registry keeps its contracts in.</summary>
    internal PipelineStore Store => _store;

    /// <summary>Records <paramref name="content"/> as a version of the tenant's contract and returns it (existing or new).</summary>
    /// <exception cref="MockGenStorageException">The tenant or name is invalid.</exception>
    public async Task<ContractVersion> RegisterAsync(string tenant, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Identifiers.Tenant(tenant);
        Identifiers.ContractName(name);
        ContractInspection inspection;
        try
        {
            inspection = _inspector.Inspect(name, content);
        }
#pragma warning disable CA1031 // The inspector is a seam; whatever it throws for bad bytes is recorded as a failed version.
        catch (Exception e)
#pragma warning restore CA1031
        {
            inspection = new ContractInspection(ContentHash.Version(content.Span), "unknown", false, [], [name + ": " + e.Message]);
        }

        var hex = Identifiers.VersionHex(inspection.Version);
        var versionPath = VersionBlobPath(tenant, name, hex);
        if (await _store.Blobs.GetEntryAsync(versionPath, cancellationToken).ConfigureAwait(false) is null)
        {
            await _store.Blobs.WriteAsync(versionPath, new MemoryStream(content.ToArray(), writable: false), cancellationToken).ConfigureAwait(false);
        }

        var version = new ContractVersion(
            tenant,
            name,
            inspection.Version,
            content.Length,
            inspection.Format,
            inspection.Targets.Count,
            inspection.Diagnostics,
            inspection.Succeeded ? ContractStatus.Ready : ContractStatus.Failed,
            _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        if (await _store.Tables.TryInsertAsync(Table, ToRow(version), cancellationToken).ConfigureAwait(false))
        {
            return version;
        }

        // Identical bytes were uploaded before: the first record (and its upload time) stands.
        return (await GetAsync(tenant, name, inspection.Version, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Lists all versions of all the tenant's contracts, by name then upload time.</summary>
    public async IAsyncEnumerable<ContractVersion> ListAsync(string tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Identifiers.Tenant(tenant);
        var all = new List<ContractVersion>();
        await foreach (var row in _store.Tables.QueryAsync(Table, tenant, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all.Add(FromRow(row));
        }

        foreach (var version in all.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.UploadedAt, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal))
        {
            yield return version;
        }
    }

    /// <summary>One version, or null.</summary>
    public async Task<ContractVersion?> GetAsync(string tenant, string name, string version, CancellationToken cancellationToken = default)
    {
        var row = await _store.Tables.GetAsync(Table, Identifiers.Tenant(tenant), RowKey(Identifiers.ContractName(name), Identifiers.VersionHex(version)), cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    /// <summary>The most recently uploaded version of a contract, or null.</summary>
    public async Task<ContractVersion?> GetLatestAsync(string tenant, string name, CancellationToken cancellationToken = default)
    {
        ContractVersion? latest = null;
        await foreach (var row in _store.Tables.QueryAsync(Table, Identifiers.Tenant(tenant), Identifiers.ContractName(name) + "@", cancellationToken).ConfigureAwait(false))
        {
            var v = FromRow(row);
            if (latest is null || string.CompareOrdinal(v.UploadedAt, latest.UploadedAt) > 0)
            {
                latest = v;
            }
        }

        return latest;
    }

    /// <summary>The bytes of one version.</summary>
    /// <exception cref="MockGenStorageException">The version does not exist.</exception>
    public async Task<byte[]> ReadContentAsync(string tenant, string name, string version, CancellationToken cancellationToken = default)
    {
        var path = VersionBlobPath(Identifiers.Tenant(tenant), Identifiers.ContractName(name), Identifiers.VersionHex(version));
        var stream = await _store.Blobs.OpenReadAsync(path, cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound("contract version", name + "@" + version);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    /// <summary>The tenant's active profile (see <see cref="GetActiveProfileAsync"/>).</summary>
    /// <exception cref="MockGenStorageException">The profile is malformed.</exception>
    public async Task<TenantProfile> GetProfileAsync(string tenant, CancellationToken cancellationToken = default) =>
        (await GetActiveProfileAsync(tenant, cancellationToken).ConfigureAwait(false)).Profile;

    /// <summary>
    /// The tenant's active profile and its version: the active version published through governance, else the legacy
    /// blob <c>contracts/{tenant}/mockgen.profile.json</c> (version null), else the defaults (version null).
    /// </summary>
    /// <exception cref="MockGenStorageException">The profile is malformed.</exception>
    public async Task<(TenantProfile Profile, string? Version)> GetActiveProfileAsync(string tenant, CancellationToken cancellationToken = default)
    {
        if (await _governance.GetActiveAsync(Identifiers.Tenant(tenant), VersionKind.Profile, ProfileName, cancellationToken).ConfigureAwait(false) is { } active)
        {
            var bytes = await ReadProfileAsync(tenant, active, cancellationToken).ConfigureAwait(false);
            return (TenantProfile.Parse(ProfileBlobPath(tenant, Identifiers.VersionHex(active)), bytes), active);
        }

        return (await GetLegacyProfileAsync(tenant, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Validates and stores a profile version (immutable, <c>profile-versions/{tenant}/{hex}.json</c>); returns its <c>sha256:</c> version.</summary>
    /// <exception cref="MockGenStorageException">The profile is malformed (nothing is stored).</exception>
    public async Task<string> RegisterProfileAsync(string tenant, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Identifiers.Tenant(tenant);
        var version = ContentHash.Version(content.Span);
        var path = ProfileBlobPath(tenant, Identifiers.VersionHex(version));
        TenantProfile.Parse(path, content.Span);
        if (await _store.Blobs.GetEntryAsync(path, cancellationToken).ConfigureAwait(false) is null)
        {
            await _store.Blobs.WriteAsync(path, new MemoryStream(content.ToArray(), writable: false), cancellationToken).ConfigureAwait(false);
        }

        return version;
    }

    /// <summary>The bytes of one profile version.</summary>
    /// <exception cref="MockGenStorageException">The version does not exist.</exception>
    public async Task<byte[]> ReadProfileAsync(string tenant, string version, CancellationToken cancellationToken = default)
    {
        var path = ProfileBlobPath(Identifiers.Tenant(tenant), Identifiers.VersionHex(version));
        var stream = await _store.Blobs.OpenReadAsync(path, cancellationToken).ConfigureAwait(false)
            ?? throw MockGenStorageException.NotFound("profile version", version);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    private static string ProfileBlobPath(string tenant, string hex) => $"profile-versions/{tenant}/{hex}.json";

    private async Task<TenantProfile> GetLegacyProfileAsync(string tenant, CancellationToken cancellationToken)
    {
        var path = "contracts/" + Identifiers.Tenant(tenant) + "/" + Identifiers.ProfileBlobName;
        var stream = await _store.Blobs.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return new TenantProfile();
        }

        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return TenantProfile.Parse(path, buffer.ToArray());
        }
    }

    internal static string VersionBlobPath(string tenant, string name, string hex) => $"contract-versions/{tenant}/{name}/{hex}";

    private static string RowKey(string name, string hex) => name + "@" + hex;

    private static TableRow ToRow(ContractVersion v) => new(v.Tenant, RowKey(v.Name, Identifiers.VersionHex(v.Version)), new Dictionary<string, object>
    {
        ["name"] = v.Name,
        ["version"] = v.Version,
        ["size"] = v.Size,
        ["format"] = v.Format,
        ["targetCount"] = (long)v.TargetCount,
        ["diagnostics"] = JsonSerializer.Serialize(v.Diagnostics),
        ["status"] = v.Status.ToString(),
        ["uploadedAt"] = v.UploadedAt,
    });

    private static ContractVersion FromRow(TableRow row) => new(
        row.PartitionKey,
        row.GetString("name")!,
        row.GetString("version")!,
        row.GetInt64("size"),
        row.GetString("format")!,
        (int)row.GetInt64("targetCount"),
        JsonSerializer.Deserialize<string[]>(row.GetString("diagnostics") ?? "[]") ?? [],
        Enum.Parse<ContractStatus>(row.GetString("status")!),
        row.GetString("uploadedAt")!);
}
