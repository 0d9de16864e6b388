using System.Text.Json;
using System.Text.Json.Serialization;
using MockGen.Storage.Stores;

namespace MockGen.Ai.Cassettes;

/// <summary>
/// Cassette entries in the pipeline's blob store (the local folder store or Azure Blob): one JSON blob per key at
/// <c>ai-cassettes/{tenant}/{hex}.json</c>, so a tenant's cassette never serves another tenant's run.
/// </summary>
public sealed class CassetteStore
{
    /// <summary>The container cassettes live in.</summary>
    public const string Container = "ai-cassettes";

    /// <summary>The tenant segment used when a run has no tenant.</summary>
    public const string NoTenant = "default";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private readonly IBlobStore _blobs;

    /// <summary>Wraps a blob store.</summary>
    public CassetteStore(IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        _blobs = blobs;
    }

    /// <summary>The blob path of a key for a tenant.</summary>
    /// <exception cref="ArgumentException">The key is not <c>sha256:</c> + 64 hex digits.</exception>
    public static string PathOf(string? tenant, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith("sha256:", StringComparison.Ordinal) || key.Length != 71 || key.AsSpan(7).ContainsAnyExcept(LowerHex))
        {
            throw new ArgumentException("a cassette key is sha256: and 64 lowercase hex digits: " + key, nameof(key));
        }

        return Container + "/" + (string.IsNullOrEmpty(tenant) ? NoTenant : tenant) + "/" + key[7..] + ".json";
    }

    /// <summary>Reads an entry, or null when none is recorded.</summary>
    /// <exception cref="InvalidDataException">The blob is not a cassette entry (named by its path).</exception>
    public async Task<CassetteEntry?> ReadAsync(string? tenant, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(tenant, key);
        var stream = await _blobs.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var entry = await BlobJson.ReadAsync<CassetteEntry>(stream, Json, cancellationToken).ConfigureAwait(false);
                return entry is not null && entry.Key == key && entry.Result is not null
                    ? entry
                    : throw new InvalidDataException(path + ": not a cassette entry for key " + key);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(path + ": not a cassette entry: " + e.Message, e);
            }
        }
    }

    /// <summary>Writes (or replaces) an entry.</summary>
    public async Task WriteAsync(string? tenant, CassetteEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, Json);
        using var stream = new MemoryStream(bytes, writable: false);
        await _blobs.WriteAsync(PathOf(tenant, entry.Key), stream, cancellationToken).ConfigureAwait(false);
    }
}
