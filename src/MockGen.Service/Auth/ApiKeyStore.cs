using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MockGen.Storage;
using MockGen.Storage.Stores;

namespace MockGen.Service.Auth;

/// <summary>
/// Per-tenant API keys with roles, expiry, revocation and rotation, stored only as SHA-256 hashes in table
/// <c>apikeys</c> (Table Storage or the local folder). Two rows per key: the lookup row (partition <c>keys</c>, row key
/// = hex hash → tenant and id), read on every request, and the record row (partition <c>tenant~{tenant}</c>, row key =
/// id) that listings read. The secret is returned once, by <see cref="CreateAsync"/> or <see cref="RotateAsync"/>, and
/// never stored or logged.
/// </summary>
public sealed class ApiKeyStore
{
    private const string Table = "apikeys";
    private const string LookupPartition = "keys";
    private const string SecretPrefix = "mgk_";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly ITableStore _tables;
    private readonly TimeProvider _time;

    /// <summary>Creates the store over a table store.</summary>
    /// <param name="tables">Where the keys live.</param>
    /// <param name="time">The clock for creation, expiry and last use. Default: <see cref="TimeProvider.System"/>.</param>
    public ApiKeyStore(ITableStore tables, TimeProvider? time = null)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The table store the keys live in (the audit log sits beside them).</summary>
    internal ITableStore Tables => _tables;

    /// <summary>The hex SHA-256 of a key: what is stored, and what <c>--api-key-hash</c> accepts.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Binds a bootstrap key (given by its hash) to a tenant with every role and no expiry: what <c>serve --api-key</c>
    /// and <c>--api-key-hash</c> do at each start. Its id is derived from the hash, so binding it again updates one record.
    /// </summary>
    /// <exception cref="ArgumentException">The tenant or hash is malformed.</exception>
    public async Task<ApiKeyRecord> AddHashAsync(string tenant, string sha256Hex, CancellationToken cancellationToken = default)
    {
        CheckTenant(tenant);
        if (sha256Hex is not { Length: 64 } || !sha256Hex.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("an API key hash is 64 lowercase hex digits", nameof(sha256Hex));
        }

        var id = "boot-" + sha256Hex[..16];
        var existing = await GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        var record = new ApiKeyRecord(id, tenant, TenantRoles.Names(TenantRole.All), "bootstrap", existing?.CreatedAt ?? Now(), null, existing?.LastUsedAt, null, null, "serve --api-key");
        await SaveAsync(record, sha256Hex, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Creates a key for a tenant; the secret is in the result and nowhere else.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="roles">Its roles (at least one).</param>
    /// <param name="name">A label, or null.</param>
    /// <param name="expiresAt">When it stops working, or null for never.</param>
    /// <param name="createdBy">Who creates it (for the record).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">The tenant, roles, name or expiry is invalid.</exception>
    public async Task<CreatedApiKey> CreateAsync(string tenant, TenantRole roles, string? name, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken = default)
    {
        CheckTenant(tenant);
        if ((roles & TenantRole.All) == TenantRole.None || (roles & ~TenantRole.All) != TenantRole.None)
        {
            throw new ArgumentException("a key needs at least one role: " + string.Join(", ", TenantRoles.Each.Select(TenantRoles.Name)), nameof(roles));
        }

        if (name is { Length: > 64 } || (name is not null && name.Any(char.IsControl)))
        {
            throw new ArgumentException("a key name is at most 64 printable characters", nameof(name));
        }

        if (expiresAt is { } expiry && expiry <= _time.GetUtcNow())
        {
            throw new ArgumentException("the expiry must be in the future", nameof(expiresAt));
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var record = new ApiKeyRecord(id, tenant, TenantRoles.Names(roles), name ?? string.Empty, Now(), expiresAt is { } e ? Format(e) : null, null, null, null, createdBy);
        await SaveAsync(record, Hash(secret), cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(record, secret);
    }

    /// <summary>The tenant's keys (metadata only), by id.</summary>
    public async IAsyncEnumerable<ApiKeyRecord> ListAsync(string tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckTenant(tenant);
        await foreach (var row in _tables.QueryAsync(Table, RecordPartition(tenant), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromRow(tenant, row);
        }
    }

    /// <summary>One key's record, or null.</summary>
    public async Task<ApiKeyRecord?> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        CheckTenant(tenant);
        if (!IsKeyId(id))
        {
            return null;
        }

        var row = await _tables.GetAsync(Table, RecordPartition(tenant), id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromRow(tenant, row);
    }

    /// <summary>Revokes a key at once; returns its record, or null when the tenant has no such key.</summary>
    public async Task<ApiKeyRecord?> RevokeAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        var (record, hash) = await GetWithHashAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var revoked = record with { RevokedAt = record.RevokedAt ?? Now() };
        await SaveAsync(revoked, hash!, cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    /// <summary>
    /// Replaces a key: a new key with the same roles and name (and, when the old one expires, the same lifetime from
    /// now), while the old one keeps working for <paramref name="overlap"/> (so deployments can switch over), then expires.
    /// </summary>
    /// <returns>The new key with its secret, or null when the tenant has no such key.</returns>
    /// <exception cref="ArgumentException">The overlap is negative or over 30 days, or the key is revoked or expired.</exception>
    public async Task<CreatedApiKey?> RotateAsync(string tenant, string id, TimeSpan overlap, string rotatedBy, CancellationToken cancellationToken = default)
    {
        if (overlap < TimeSpan.Zero || overlap > TimeSpan.FromDays(30))
        {
            throw new ArgumentException("the overlap must be 0 to 30 days", nameof(overlap));
        }

        var (old, hash) = await GetWithHashAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (old is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (old.RevokedAt is not null || (old.ExpiresAt is { } oldExpiry && Parse(oldExpiry) <= now))
        {
            throw new ArgumentException($"key {id} is revoked or expired: create a new key instead", nameof(id));
        }

        DateTimeOffset? newExpiry = old.ExpiresAt is { } expires ? now + (Parse(expires) - Parse(old.CreatedAt)) : null;
        var created = await CreateAsync(tenant, TenantRoles.Parse(old.Roles), old.Name.Length == 0 ? null : old.Name, newExpiry, rotatedBy, cancellationToken).ConfigureAwait(false);
        var overlapEnd = now + overlap;
        var oldEnd = old.ExpiresAt is { } current && Parse(current) < overlapEnd ? Parse(current) : overlapEnd;
        await SaveAsync(old with { ExpiresAt = Format(oldEnd), RotatedTo = created.Key.Id }, hash!, cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>
    /// The key a presented secret belongs to, when it is known, not revoked and not expired; null otherwise. Records the
    /// last use (at most once a minute per key, so reads do not turn into a write per request).
    /// </summary>
    public async Task<ApiKeyRecord?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        var hex = Convert.ToHexStringLower(hash);
        var lookup = await _tables.GetAsync(Table, LookupPartition, hex, cancellationToken).ConfigureAwait(false);
        // The lookup is by hash, so timing reveals nothing about stored keys; the constant-time compare guards the
        // row against a store that matched loosely (case-insensitive keys, prefix queries).
        if (lookup is null || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(lookup.RowKey), hash) || lookup.GetString("tenant") is not { } tenant)
        {
            return null;
        }

        if (lookup.GetString("id") is not { } id)
        {
            // A key bound before keys had records: a bootstrap key with every role.
            return await AddHashAsync(tenant, hex, cancellationToken).ConfigureAwait(false);
        }

        var record = await GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (record is null || record.RevokedAt is not null || (record.ExpiresAt is { } expiry && Parse(expiry) <= now))
        {
            return null;
        }

        if (record.LastUsedAt is null || now - Parse(record.LastUsedAt) >= LastUsedResolution)
        {
            record = record with { LastUsedAt = Format(now) };
            await SaveAsync(record, hex, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    private async Task<(ApiKeyRecord? Record, string? Hash)> GetWithHashAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        CheckTenant(tenant);
        if (!IsKeyId(id))
        {
            return (null, null);
        }

        var row = await _tables.GetAsync(Table, RecordPartition(tenant), id, cancellationToken).ConfigureAwait(false);
        return row is null ? (null, null) : (FromRow(tenant, row), row.GetString("hash"));
    }

    private async Task SaveAsync(ApiKeyRecord record, string hash, CancellationToken cancellationToken)
    {
        // Record first, then lookup: a crash in between leaves a record no secret reaches, never a secret without a record.
        var properties = new Dictionary<string, object>
        {
            ["hash"] = hash,
            ["roles"] = string.Join(',', record.Roles),
            ["name"] = record.Name,
            ["createdAt"] = record.CreatedAt,
            ["createdBy"] = record.CreatedBy,
        };
        Put(properties, "expiresAt", record.ExpiresAt);
        Put(properties, "lastUsedAt", record.LastUsedAt);
        Put(properties, "revokedAt", record.RevokedAt);
        Put(properties, "rotatedTo", record.RotatedTo);
        await _tables.UpsertBatchAsync(Table, [new TableRow(RecordPartition(record.Tenant), record.Id, properties)], cancellationToken).ConfigureAwait(false);
        await _tables.UpsertBatchAsync(Table, [new TableRow(LookupPartition, hash, new Dictionary<string, object> { ["tenant"] = record.Tenant, ["id"] = record.Id })], cancellationToken).ConfigureAwait(false);
    }

    private static ApiKeyRecord FromRow(string tenant, TableRow row) => new(
        row.RowKey,
        tenant,
        (row.GetString("roles") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("name") ?? string.Empty,
        row.GetString("createdAt") ?? string.Empty,
        row.GetString("expiresAt"),
        row.GetString("lastUsedAt"),
        row.GetString("revokedAt"),
        row.GetString("rotatedTo"),
        row.GetString("createdBy") ?? string.Empty);

    private static void Put(Dictionary<string, object> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties[name] = value;
        }
    }

    /// <summary>True for a key id as this store makes them.</summary>
    public static bool IsKeyId(string? id) =>
        id is { Length: >= 2 and <= 40 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static void CheckTenant(string tenant)
    {
        if (!Identifiers.IsTenant(tenant))
        {
            throw new ArgumentException($"'{tenant}' is not a tenant id", nameof(tenant));
        }
    }

    private static string RecordPartition(string tenant) => "tenant~" + tenant;

    private string Now() => Format(_time.GetUtcNow());

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
