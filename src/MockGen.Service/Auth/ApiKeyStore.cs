using System.Security.Cryptography;
using System.Text;
using MockGen.Storage;
using MockGen.Storage.Stores;

namespace MockGen.Service.Auth;

/// <summary>
/// Per-tenant API keys, stored only as SHA-256 hashes (table <c>apikeys</c>, row key = hex hash, value = tenant).
/// A key is bound to exactly one tenant.
/// </summary>
public sealed class ApiKeyStore
{
    private const string Table = "apikeys";
    private const string Partition = "keys";
    private readonly ITableStore _tables;

    /// <summary>Creates the store over a table store.</summary>
    public ApiKeyStore(ITableStore tables)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    /// <summary>The hex SHA-256 of a key: what is stored, and what <c>--api-key-hash</c> accepts.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Binds a key (given by its hash) to a tenant.</summary>
    /// <exception cref="ArgumentException">The tenant or hash is malformed.</exception>
    public Task AddHashAsync(string tenant, string sha256Hex, CancellationToken cancellationToken = default)
    {
        if (!Identifiers.IsTenant(tenant))
        {
            throw new ArgumentException($"'{tenant}' is not a tenant id", nameof(tenant));
        }

        if (sha256Hex is not { Length: 64 } || !sha256Hex.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("an API key hash is 64 lowercase hex digits", nameof(sha256Hex));
        }

        return _tables.UpsertBatchAsync(Table, [new TableRow(Partition, sha256Hex, new Dictionary<string, object> { ["tenant"] = tenant })], cancellationToken);
    }

    /// <summary>The tenant a presented key belongs to, or null for an unknown key.</summary>
    public async Task<string?> FindTenantAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        var row = await _tables.GetAsync(Table, Partition, Convert.ToHexStringLower(hash), cancellationToken).ConfigureAwait(false);
        // The lookup is by hash, so timing reveals nothing about stored keys; the constant-time compare guards the
        // row against a store that matched loosely (case-insensitive keys, prefix queries).
        return row is not null && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(row.RowKey), hash) ? row.GetString("tenant") : null;
    }
}
