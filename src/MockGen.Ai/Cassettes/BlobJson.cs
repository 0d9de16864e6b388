using System.Text.Json;

namespace MockGen.Ai.Cassettes;

/// <summary>
/// Reads a small JSON blob (a cassette entry, a stored plan) in one go. A replay reads one per target, so going
/// through <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>
/// cost a local file stream's 80 KB read buffer each (its reads are smaller than the buffer); copying with a pooled
/// buffer at least that large reads past it, and the bytes parse synchronously.
/// </summary>
internal static class BlobJson
{
    /// <summary>Deserializes the whole stream.</summary>
    /// <exception cref="JsonException">The bytes are not JSON of that shape.</exception>
    public static async Task<T?> ReadAsync<T>(Stream stream, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<T>(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), options);
    }
}
